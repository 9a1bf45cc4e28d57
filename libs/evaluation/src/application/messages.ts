import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@tenderledger/domain-kit';
import type { EvaluationCommand, EvaluationEvent, EvaluationState, OrganisationId, TenderId } from '../domain';
import type { EvaluationSettings } from './evaluation-settings';

/** Any ready-made command of the `evaluation-{tenderId}` stream: load, fold, decide, append. */
export class DecideEvaluation extends Command<CommandResult<EvaluationState, EvaluationEvent>> {
  constructor(
    readonly command: EvaluationCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Opens the evaluation: the handler loads the tender's and the opened bids' facts from their streams. */
export class OpenTenderEvaluation extends Command<CommandResult<EvaluationState, EvaluationEvent>> {
  constructor(
    readonly tenderId: TenderId,
    readonly commissionerId: OrganisationId,
    readonly settings: EvaluationSettings,
    readonly context: CommandContext,
  ) {
    super();
  }
}
