import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, PROJECTION_RUNNER, type CommandContext } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { londonDateOf } from '../domain/calendar';
import { contractId } from '../domain/ids';
import { ContractRegister } from './contract-register';
import { DecideContract } from './messages';

/**
 * End date passed → the contract expires. Runs on every DeadlineTicker tick (also at start, so a
 * restart catches up). A contract runs to the end of its end date in England, so it expires from
 * the next day. The register read model only finds candidates; ExpireContract is idempotent in the
 * decider (an ended contract gives no events), so a repeat or a stale candidate is harmless.
 */
@Injectable()
export class ContractExpiryProcess {
  static readonly actor = { userId: 'process-manager:expire-contracts', role: 'system', organisationId: null } as const;
  private readonly logger = new Logger('ContractExpiry');

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ContractRegister) private readonly register: ContractRegister,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
  ) {}

  async run(now: Date): Promise<void> {
    const today = londonDateOf(now.toISOString());
    for (const contract of this.register.list({ status: 'active' }).filter((c) => c.endDate < today)) {
      const context: CommandContext = { actor: ContractExpiryProcess.actor, correlationId: `expire-${contract.contractId}`, causationId: null, now };
      try {
        const result = await this.commands.execute(new DecideContract({ type: 'ExpireContract', data: { contractId: contractId(contract.contractId), now: now.toISOString() } }, context));
        // Wait for the register so the next tick does not see the contract as still active.
        await this.readModels.waitFor(result.lastPosition);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`contract ${contract.contractId} not expired: ${error.code} ${error.message}`);
      }
    }
  }
}
