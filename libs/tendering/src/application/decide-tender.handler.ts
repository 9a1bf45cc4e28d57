import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { ContractRegister, OrganisationDirectory } from '@tenderledger/registry';
import type { TenderCommand } from '../domain/commands';
import { tenderDecider } from '../domain/decider';
import { tenderStreamId } from '../domain/ids';
import { checkCommissioner, checkReplacedContract } from './cross-context-checks';
import { DecideTender } from './messages';

@CommandHandler(DecideTender)
export class DecideTenderHandler implements ICommandHandler<DecideTender> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(ContractRegister) private readonly register: ContractRegister,
  ) {}

  execute({ command, context }: DecideTender) {
    if (command.type === 'DraftTender') checkCommissioner(this.directory, command.data.commissionerId);
    const replaces = replacedContractOf(command);
    if (replaces) checkReplacedContract(this.register, replaces.contractId, replaces.commissionerId);
    return handleCommand(this.store, tenderStreamId(command.data.tenderId), tenderDecider, command, context, { ids: this.ids });
  }
}

/** The register contract a draft or a draft amendment names, if any (null clears it: nothing to check). */
function replacedContractOf(command: TenderCommand): { contractId: string; commissionerId: string } | null {
  const contractId =
    command.type === 'DraftTender' ? command.data.replacesContractId : command.type === 'AmendDraft' ? command.data.changes.replacesContractId : undefined;
  return contractId && 'commissionerId' in command.data ? { contractId, commissionerId: command.data.commissionerId } : null;
}
