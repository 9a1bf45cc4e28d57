import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, refuse, conflict, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import type { RegisterContract } from '../domain/contract/commands';
import { contractDecider } from '../domain/contract/decider';
import { contractStreamId } from '../domain/ids';
import { ContractRegister } from './contract-register';
import { DecideContract } from './messages';
import { OrganisationDirectory } from './organisation-directory';

@CommandHandler(DecideContract)
export class DecideContractHandler implements ICommandHandler<DecideContract> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(ContractRegister) private readonly register: ContractRegister,
  ) {}

  execute({ command, context }: DecideContract) {
    if (command.type === 'RegisterContract') checkParties(command, this.directory, this.register);
    return handleCommand(this.store, contractStreamId(command.data.contractId), contractDecider, command, context, { ids: this.ids });
  }
}

/** Holder and commissioner live in organisation streams; references are unique across the register. */
export function checkParties(command: RegisterContract, directory: OrganisationDirectory, register: ContractRegister): void {
  const { holderId, commissionerId, reference } = command.data;
  const holder = directory.get(holderId);
  if (!holder) refuse('CONTRACT_HOLDER_UNKNOWN', `The holder ${holderId} is not a registered organisation.`, { holderId });
  if (holder?.kind === 'commissioner') refuse('CONTRACT_HOLDER_IS_COMMISSIONER', `${holder.name} is a commissioner; a contract is held by a provider.`, { holderId });
  const commissioner = directory.get(commissionerId);
  if (!commissioner) refuse('CONTRACT_COMMISSIONER_UNKNOWN', `The commissioner ${commissionerId} is not a registered organisation.`, { commissionerId });
  if (commissioner && commissioner.kind !== 'commissioner') refuse('CONTRACT_COMMISSIONER_NOT_COMMISSIONER', `${commissioner.name} is a ${commissioner.kind}, not a commissioner.`, { commissionerId });
  if (register.hasReference(reference)) conflict('CONTRACT_REFERENCE_TAKEN', `A contract with reference ${reference} is already on the register.`, { reference });
}
