import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, PROJECTION_RUNNER, type CommandContext } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { AwardBook } from './award-book';
import { DirectAwardBook } from './direct-award-book';
import { DecideOnAward, DecideOnDirectAward } from './messages';

/**
 * Standstill over (and no open challenge) → conclude. Runs on every DeadlineTicker tick, also at
 * start, so a restart catches up. The deciders conclude only what is due and give no events for
 * what is already concluded, so a repeat or a race with the commissioner's own request is harmless.
 */
@Injectable()
export class ConcludeContractsProcess {
  static readonly actor = { userId: 'process-manager:conclude-contracts', role: 'system', organisationId: null } as const;
  private readonly logger = new Logger('ConcludeContracts');

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AwardBook) private readonly awards: AwardBook,
    @Inject(DirectAwardBook) private readonly directAwards: DirectAwardBook,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
  ) {}

  async run(now: Date): Promise<void> {
    const at = now.toISOString();
    for (const award of this.awards.dueForConclusion(now)) {
      // Correlated with the tender, as the other tender process managers are (close-, open-).
      await this.send(`award ${award.tenderId}`, () =>
        this.commands.execute(new DecideOnAward({ type: 'ConcludeContract', data: { tenderId: award.tenderId, now: at } }, this.context(`conclude-${award.tenderId}`, now))),
      );
    }
    for (const award of this.directAwards.dueForConclusion(now)) {
      await this.send(`direct award ${award.decisionId}`, () =>
        this.commands.execute(new DecideOnDirectAward({ type: 'ConcludeDirectAward', data: { decisionId: award.decisionId, now: at } }, this.context(`conclude-${award.decisionId}`, now))),
      );
    }
  }

  private context(correlationId: string, now: Date): CommandContext {
    return { actor: ConcludeContractsProcess.actor, correlationId, causationId: null, now };
  }

  private async send(what: string, execute: () => Promise<{ lastPosition: number | null }>): Promise<void> {
    try {
      const result = await execute();
      // Wait for the books so the next tick does not see the award as still due.
      await this.readModels.waitFor(result.lastPosition);
    } catch (error) {
      // One award that cannot be concluded (a challenge lodged a moment ago) must not hold up the others.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`${what} not concluded: ${error.code} ${error.message}`);
    }
  }
}
