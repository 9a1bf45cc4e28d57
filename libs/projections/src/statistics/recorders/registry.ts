import type { StoredEvent } from '@tenderledger/event-store';
import type { ContractEvent, OrganisationRegistered } from '@tenderledger/registry';
import { update, type FactBook } from '../fact-book';
import { outcomeKey, type ContractFact, type ReprocurementOutcome } from '../facts';
import { addDays } from '../scope';

export const REGISTRY_EVENT_TYPES = [
  'OrganisationRegistered',
  'ContractRegistered',
  'ContractMarkedForReprocurement',
  'ContractExtended',
  'ContractRenewedWithoutCompetition',
  'ContractTerminated',
  'ContractBoughtOut',
  'ContractExpired',
  'ContractAwarded',
] as const;

export function recordRegistry(book: FactBook, stored: StoredEvent): void {
  if (stored.type === 'OrganisationRegistered') {
    const d = stored.data as OrganisationRegistered['data'];
    book.organisations.set(d.organisationId, { organisationId: d.organisationId, kind: d.kind, sizeBand: d.sizeBand, region: d.commissioner?.region ?? null });
    return;
  }
  const event = { type: stored.type, data: stored.data } as ContractEvent;
  const d = event.data;
  const change = (fn: (c: ContractFact) => ContractFact): void => update(book.contracts, d.contractId, fn);
  switch (event.type) {
    case 'ContractRegistered': {
      const r = event.data;
      book.contracts.set(r.contractId, {
        contractId: r.contractId, contractType: r.contractType, region: r.region, commissionerId: r.commissionerId, annualValuePence: r.annualValuePence,
        startDate: r.startDate, endDate: r.endDate, endedOn: null, holders: [{ holderId: r.holderId, from: r.startDate }], renewals: [], extensions: [], reprocurementTenderIds: [],
      });
      // A successor of a tender's lot: its holder is one of the re-procurement's outcomes.
      if (r.predecessor) addNewHolder(book, r.predecessor.contractId, r.predecessor.tenderId, r.holderId);
      return;
    }
    case 'ContractMarkedForReprocurement': {
      const tenderId = event.data.tenderId;
      return change((c) => (tenderId ? { ...c, reprocurementTenderIds: [...c.reprocurementTenderIds, tenderId] } : c));
    }
    case 'ContractExtended':
      return change((c) => ({ ...c, endDate: event.data.newEndDate, extensions: [...c.extensions, { on: event.data.decidedOn }] }));
    case 'ContractRenewedWithoutCompetition':
      return change((c) => ({ ...c, endDate: event.data.newEndDate, annualValuePence: event.data.newAnnualValuePence, renewals: [...c.renewals, { on: event.data.decidedOn, route: event.data.route }] }));
    case 'ContractTerminated':
    case 'ContractBoughtOut':
      return change((c) => ({ ...c, endedOn: event.data.effectiveDate }));
    case 'ContractExpired':
      return change((c) => ({ ...c, endedOn: event.data.expiredOn }));
    case 'ContractAwarded': {
      const a = event.data;
      const key = outcomeKey(a.contractId, a.tenderId);
      const known = book.outcomes.get(key);
      book.outcomes.set(key, { contractId: a.contractId, awardRef: a.tenderId, incumbentId: a.holderId, newHolderIds: [...new Set([...(known?.newHolderIds ?? []), a.newHolderId])], decidedOn: a.decidedOn });
      // Replaced: the old contract runs to the day before its successor starts. Otherwise it continues under the new holder.
      return change((c) =>
        a.successorContractId
          ? { ...c, endedOn: addDays(a.newStartDate, -1) }
          : { ...c, endDate: a.newEndDate, annualValuePence: a.newAnnualValuePence, holders: [...c.holders, { holderId: a.newHolderId, from: a.newStartDate }] },
      );
    }
  }
}

/** Later lots may be registered before or after the outcome is recorded: keep their holders either way. */
export function addNewHolder(book: FactBook, contractId: string, awardRef: string, holderId: string, decidedOn?: string): void {
  const key = outcomeKey(contractId, awardRef);
  const known: ReprocurementOutcome = book.outcomes.get(key) ?? { contractId, awardRef, incumbentId: null, newHolderIds: [], decidedOn: null };
  book.outcomes.set(key, { ...known, newHolderIds: [...new Set([...known.newHolderIds, holderId])], decidedOn: known.decidedOn ?? decidedOn ?? null });
}
