import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@tenderledger/domain-kit';
import type { TenderCommand } from '../domain/commands';
import type { TenderEvent } from '../domain/events';
import type { TenderState } from '../domain/state';

/** The one CQRS message of the `tender-{id}` stream: the handler loads, folds, decides and appends. */
export class DecideTender extends Command<CommandResult<TenderState, TenderEvent>> {
  constructor(
    readonly command: TenderCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}
