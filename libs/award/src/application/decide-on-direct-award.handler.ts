import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { ContractRegister, OrganisationDirectory } from '@tenderledger/registry';
import { directAwardDecider } from '../domain/direct/decider';
import { directAwardStreamId } from '../domain/ids';
import { checkDirectAwardParties } from './direct-award-checks';
import { DecideOnDirectAward } from './messages';

@CommandHandler(DecideOnDirectAward)
export class DecideOnDirectAwardHandler implements ICommandHandler<DecideOnDirectAward> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(ContractRegister) private readonly register: ContractRegister,
  ) {}

  execute({ command, context }: DecideOnDirectAward) {
    if (command.type === 'DecideDirectAward') checkDirectAwardParties(command, this.directory, this.register);
    return handleCommand(this.store, directAwardStreamId(command.data.decisionId), directAwardDecider, command, context, { ids: this.ids });
  }
}
