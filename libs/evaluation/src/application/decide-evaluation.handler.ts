import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { evaluationDecider, evaluationStreamId } from '../domain';
import { DecideEvaluation } from './messages';

@CommandHandler(DecideEvaluation)
export class DecideEvaluationHandler implements ICommandHandler<DecideEvaluation> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ command, context }: DecideEvaluation) {
    return handleCommand(this.store, evaluationStreamId(command.data.tenderId), evaluationDecider, command, context, { ids: this.ids });
  }
}
