import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import type { ProjectionRunner } from './projection-runner';
import { SqlProjectionRunner, type SqlProjectionStore } from './sql-projection-runner';

const logger = new Logger('SqlProjections');

/** Optional: 'follow' when another process (the distributed shape's projector) writes the SQL projections. */
export const SQL_PROJECTIONS_ROLE = Symbol.for('tenderledger.SqlProjectionsRole');

/**
 * The one SQL projection runner of the process, shared by every module that keeps a read model in
 * the events' database (audit index, OCDS, turnover statistics). Those modules import this one and
 * register their projection in `onModuleInit`; the runner starts once every module has registered,
 * and each projection's checkpoint is reported through the in-memory runner's progress (so GET
 * /api/projections and /metrics show it beside the in-memory read models).
 */
@Module({
  providers: [
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
  ],
  exports: [SqlProjectionRunner],
})
export class SqlProjectionsModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(SqlProjectionRunner) private readonly sqlRunner: SqlProjectionRunner,
  ) {}

  onModuleInit(): void {
    // The in-memory runner sees each commit first: wake the SQL loop instead of waiting for its poll.
    this.runner.onEvent(() => this.sqlRunner.kick());
  }

  /** Every module has registered its projections by now (all onModuleInit hooks run first). */
  async onApplicationBootstrap(): Promise<void> {
    for (const name of this.sqlRunner.names) this.runner.reportProgress(() => this.sqlRunner.progress(name));
    await this.sqlRunner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sqlRunner.stop();
  }
}
