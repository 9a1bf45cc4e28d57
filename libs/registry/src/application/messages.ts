import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@tenderledger/domain-kit';
import type { ContractCommand } from '../domain/contract/commands';
import type { ContractEvent } from '../domain/contract/events';
import type { ContractState } from '../domain/contract/decider';
import type { OrganisationCommand } from '../domain/organisation/commands';
import type { OrganisationEvent } from '../domain/organisation/events';
import type { OrganisationState } from '../domain/organisation/decider';

/** One CQRS message per stream kind: the handler loads, folds, decides and appends. */
export class DecideOrganisation extends Command<CommandResult<OrganisationState, OrganisationEvent>> {
  constructor(
    readonly command: OrganisationCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class DecideContract extends Command<CommandResult<ContractState, ContractEvent>> {
  constructor(
    readonly command: ContractCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export interface ContractImportResult {
  readonly imported: number;
  readonly contractIds: string[];
  readonly lastPosition: number | null;
}

/** A CSV register import: every row is checked first; then all contracts are appended in one transaction. */
export class ImportContractRegister extends Command<ContractImportResult> {
  constructor(
    readonly csv: string,
    readonly context: CommandContext,
    /** A commissioner imports only its own contracts; an admin any. */
    readonly restrictToCommissionerId: string | null,
  ) {
    super();
  }
}
