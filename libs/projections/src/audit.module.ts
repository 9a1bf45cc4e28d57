import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { AuditIndexSqlProjection } from './audit/audit-index.projection';
import { AuditService } from './audit/audit.service';
import { ProjectionsStatusController } from './projections-status.controller';
import { SqlProjectionRunner } from './runtime/sql-projection-runner';
import { SqlProjectionsModule } from './runtime/sql-projections.module';

/**
 * Audit trail with "as of" replay, store verification, and projection status (DESIGN §7).
 * Reads the store and the contexts' deciders only; needs EVENT_STORE and PROJECTION_RUNNER
 * from the platform module. Keeps the audit index as a SQL projection in the events' database
 * (on the shared runner of SqlProjectionsModule, which it re-exports).
 */
@Module({
  imports: [SqlProjectionsModule],
  controllers: [AuditController, ProjectionsStatusController],
  providers: [AuditIndexSqlProjection, AuditService],
  exports: [SqlProjectionsModule],
})
export class AuditModule implements OnModuleInit {
  constructor(
    @Inject(SqlProjectionRunner) private readonly sqlRunner: SqlProjectionRunner,
    @Inject(AuditIndexSqlProjection) private readonly index: AuditIndexSqlProjection,
  ) {}

  onModuleInit(): void {
    this.sqlRunner.register(this.index);
  }
}
