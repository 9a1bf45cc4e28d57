import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { awardDecider } from '../domain/competitive/decider';
import { awardStreamId } from '../domain/ids';
import { DecideOnAward } from './messages';

@CommandHandler(DecideOnAward)
export class DecideOnAwardHandler implements ICommandHandler<DecideOnAward> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ command, context }: DecideOnAward) {
    return handleCommand(this.store, awardStreamId(command.data.tenderId), awardDecider, command, context, { ids: this.ids });
  }
}
