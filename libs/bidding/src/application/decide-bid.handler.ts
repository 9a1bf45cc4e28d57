import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { bidDecider, bidStreamId } from '../domain';
import { DecideBid } from './messages';

@CommandHandler(DecideBid)
export class DecideBidHandler implements ICommandHandler<DecideBid> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ command, context }: DecideBid) {
    return handleCommand(this.store, bidStreamId(command.data.bidId), bidDecider, command, context, { ids: this.ids });
  }
}
