import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import { AuditController } from './audit/audit.controller';
import { AuditIndex } from './audit/audit-index.projection';
import { AuditService } from './audit/audit.service';
import { ProjectionsStatusController } from './projections-status.controller';
import type { ProjectionRunner } from './runtime/projection-runner';

/**
 * Audit trail with "as of" replay, store verification, and projection status (DESIGN §7).
 * Reads the store and the contexts' deciders only; needs EVENT_STORE and PROJECTION_RUNNER
 * from the platform module.
 */
@Module({
  controllers: [AuditController, ProjectionsStatusController],
  providers: [AuditIndex, AuditService],
})
export class AuditModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(AuditIndex) private readonly index: AuditIndex,
  ) {}

  onModuleInit(): void {
    this.runner.register(this.index);
  }
}
