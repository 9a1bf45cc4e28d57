import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, PROJECTION_RUNNER, type CommandContext } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { DecideTender } from './messages';
import { TenderCatalogue } from './tender-catalogue';

/**
 * Deadline passed → close submissions. Runs on every DeadlineTicker tick (also at start, so a
 * restart catches up on deadlines missed while down). CloseSubmissions is idempotent in the
 * decider, and the correlation id is derived from the tender, so a repeat is harmless.
 */
@Injectable()
export class CloseSubmissionsProcess {
  static readonly actor = { userId: 'process-manager:close-submissions', role: 'system', organisationId: null } as const;
  private readonly logger = new Logger('CloseSubmissions');

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(TenderCatalogue) private readonly catalogue: TenderCatalogue,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
  ) {}

  async run(now: Date): Promise<void> {
    for (const tender of this.catalogue.dueForClosing(now)) {
      const context: CommandContext = { actor: CloseSubmissionsProcess.actor, correlationId: `close-${tender.tenderId}`, causationId: null, now };
      try {
        const result = await this.commands.execute(new DecideTender({ type: 'CloseSubmissions', data: { tenderId: tender.tenderId, now: now.toISOString() } }, context));
        // Wait for the catalogue so the next tick does not see the tender as still open.
        await this.readModels.waitFor(result.lastPosition);
      } catch (error) {
        // One tender that cannot be closed (e.g. cancelled a moment ago) must not hold up the others.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`tender ${tender.tenderId} not closed: ${error.code} ${error.message}`);
      }
    }
  }
}
