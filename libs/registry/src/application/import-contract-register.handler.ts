import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@tenderledger/domain-kit';
import type { NewEvent, SqlEventStore } from '@tenderledger/event-store';
import { validateContractCsv, rowToRegisterContract, type ImportError } from '../domain/contract/csv-import';
import { contractDecider } from '../domain/contract/decider';
import { contractId as asContractId, contractStreamId, organisationId as asOrganisationId } from '../domain/ids';
import { ContractRegister } from './contract-register';
import { checkParties } from './decide-contract.handler';
import { ImportContractRegister, type ContractImportResult } from './messages';
import { OrganisationDirectory } from './organisation-directory';

/**
 * Nothing half-imported: every row is parsed, validated, resolved and decided first; a single
 * problem refuses the whole file with a per-row report. Only then are all contracts appended,
 * in one database transaction.
 */
@CommandHandler(ImportContractRegister)
export class ImportContractRegisterHandler implements ICommandHandler<ImportContractRegister> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: SqlEventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(ContractRegister) private readonly register: ContractRegister,
  ) {}

  async execute({ csv, context, restrictToCommissionerId }: ImportContractRegister): Promise<ContractImportResult> {
    const report = validateContractCsv(csv, { knownOrganisationIds: this.directory.ids() });
    const errors: ImportError[] = [...report.errors];
    const now = context.now.toISOString();
    const batches: { streamId: string; events: NewEvent[]; expectedVersion: 'no-stream' }[] = [];

    for (const row of report.rows) {
      try {
        const holderId = row.holder.kind === 'ods' ? this.directory.idOfOdsCode(row.holder.odsCode) : row.holder.id;
        if (holderId === undefined) throw new DomainError('CONTRACT_HOLDER_UNKNOWN', `No registered organisation has the ODS code ${row.holder.kind === 'ods' ? row.holder.odsCode : ''}.`);
        if (restrictToCommissionerId && row.commissionerId !== restrictToCommissionerId) {
          throw new DomainError('CONTRACT_NOT_YOUR_COMMISSIONER', `This row names commissioner ${row.commissionerId}; you may import only your own organisation's contracts.`);
        }
        const command = rowToRegisterContract(row, { contractId: asContractId(this.ids.next()), holderId: asOrganisationId(holderId) }, now);
        checkParties(command, this.directory, this.register);
        const events = contractDecider.decide(command, contractDecider.initialState());
        batches.push({
          streamId: contractStreamId(command.data.contractId),
          expectedVersion: 'no-stream',
          events: events.map((event) => ({ eventId: this.ids.next(), type: event.type, data: event.data, occurredAt: context.now, actor: context.actor, correlationId: context.correlationId, causationId: context.causationId ?? null })),
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push({ line: row.line, code: error.code, message: error.message });
      }
    }

    if (errors.length > 0) {
      errors.sort((a, b) => a.line - b.line);
      throw new DomainError('CONTRACT_IMPORT_REFUSED', `The file was not imported: ${errors.length} problem(s) on ${new Set(errors.map((e) => e.line)).size} line(s). Nothing was registered; fix the lines listed and send the whole file again.`, 'rule', { errors });
    }
    const results = await this.store.appendMultiple(batches);
    return {
      imported: batches.length,
      contractIds: batches.map((b) => b.streamId.slice('contract-'.length)),
      lastPosition: results.reduce<number | null>((max, r) => (r.lastPosition !== null && (max === null || r.lastPosition > max) ? r.lastPosition : max), null),
    };
  }
}
