import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@tenderledger/domain-kit';
import type { AwardCommand } from '../domain/competitive/commands';
import type { AwardEvent } from '../domain/competitive/events';
import type { AwardState } from '../domain/competitive/state';
import type { DirectAwardCommand } from '../domain/direct/commands';
import type { DirectAwardEvent } from '../domain/direct/events';
import type { DirectAwardState } from '../domain/direct/state';
import type { DecisionMaker } from '../domain/decision-makers';

/** One CQRS message per stream kind: the handler loads, folds, decides and appends (`award-{tenderId}`). */
export class DecideOnAward extends Command<CommandResult<AwardState, AwardEvent>> {
  constructor(
    readonly command: AwardCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The same for a PSR direct award or most-suitable-provider decision (`direct-award-{decisionId}`). */
export class DecideOnDirectAward extends Command<CommandResult<DirectAwardState, DirectAwardEvent>> {
  constructor(
    readonly command: DirectAwardCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** What the commissioner adds to the completed evaluation when deciding the award. */
export type AwardDecisionRequest = {
  readonly tenderId: string;
  /** The commissioner acting (an admin acts on the tender commissioner's behalf: null). */
  readonly actingCommissionerId: string | null;
  readonly decisionMakers: readonly DecisionMaker[];
  readonly reasons: string;
};

/**
 * Decide the award of a tender: the handler gathers the facts from the tender and evaluation
 * streams (ranking, recommended winners, standstill rule, contract term, replaced contract).
 */
export class DecideAwardFromEvaluation extends Command<CommandResult<AwardState, AwardEvent>> {
  constructor(
    readonly request: AwardDecisionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
