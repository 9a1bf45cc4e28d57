import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { AuditController } from './audit/audit.controller';
import { AuditIndexSqlProjection } from './audit/audit-index.projection';
import { AuditService } from './audit/audit.service';
import { ProjectionsStatusController } from './projections-status.controller';
import type { ProjectionRunner } from './runtime/projection-runner';
import { SqlProjectionRunner, type SqlProjectionStore } from './runtime/sql-projection-runner';

const logger = new Logger('SqlProjections');

/** Optional: 'follow' when another process (the distributed shape's projector) writes the SQL projections. */
export const SQL_PROJECTIONS_ROLE = Symbol.for('tenderledger.SqlProjectionsRole');

/**
 * Audit trail with "as of" replay, store verification, and projection status (DESIGN §7).
 * Reads the store and the contexts' deciders only; needs EVENT_STORE and PROJECTION_RUNNER
 * from the platform module. Runs the SQL projections (the audit index) in the events' database,
 * and reports their checkpoints through the in-memory runner's progress (status, /metrics).
 */
@Module({
  controllers: [AuditController, ProjectionsStatusController],
  providers: [
    AuditIndexSqlProjection,
    {
      provide: SqlProjectionRunner,
      inject: [EVENT_STORE, { token: SQL_PROJECTIONS_ROLE, optional: true }],
      useFactory: (store: EventStore, role?: 'write' | 'follow') => {
        if (!('executor' in store)) throw new Error('SQL projections need the SQL event store (pglite or postgres)');
        return new SqlProjectionRunner(store as unknown as SqlProjectionStore, {
          role: role ?? 'write',
          onError: (name, error) => logger.error(`${name}: ${(error as Error)?.message}`, (error as Error)?.stack),
        });
      },
    },
    AuditService,
  ],
  exports: [SqlProjectionRunner],
})
export class AuditModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(SqlProjectionRunner) private readonly sqlRunner: SqlProjectionRunner,
    @Inject(AuditIndexSqlProjection) private readonly index: AuditIndexSqlProjection,
  ) {}

  onModuleInit(): void {
    this.sqlRunner.register(this.index);
    for (const name of this.sqlRunner.names) this.runner.reportProgress(() => this.sqlRunner.progress(name));
    // The in-memory runner sees each commit first: wake the SQL loop instead of waiting for its poll.
    this.runner.onEvent(() => this.sqlRunner.kick());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sqlRunner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sqlRunner.stop();
  }
}
