import type { StoredEvent } from '@tenderledger/event-store';
import { PROCEDURE_PROFILES, type TenderEvent, type TenderTerms } from '@tenderledger/tendering';
import { update, type FactBook } from '../fact-book';
import type { TenderFact } from '../facts';

export const TENDERING_EVENT_TYPES = ['TenderDrafted', 'DraftAmended', 'TenderPublished', 'TenderAmended', 'TenderCancelled', 'SubmissionsClosed'] as const;

/** Procedures are data: the tender's profile says how its awards are classed (DESIGN §8). */
const awardProcessOf = (profileId: string): string => PROCEDURE_PROFILES.find((p) => p.id === profileId)?.awardProcess ?? 'competitive';

const fromTerms = (terms: Partial<TenderTerms>): Partial<TenderFact> => ({
  ...(terms.title !== undefined ? { title: terms.title } : {}),
  ...(terms.contractType !== undefined ? { contractType: terms.contractType } : {}),
  ...(terms.region !== undefined ? { region: terms.region } : {}),
  ...(terms.replacesContractId !== undefined ? { replacesContractId: terms.replacesContractId } : {}),
  ...(terms.procedureProfileId !== undefined ? { awardProcess: awardProcessOf(terms.procedureProfileId) } : {}),
});

export function recordTendering(book: FactBook, stored: StoredEvent): void {
  const event = { type: stored.type, data: stored.data } as TenderEvent;
  const change = (fn: (t: TenderFact) => TenderFact): void => update(book.tenders, event.data.tenderId, fn);
  switch (event.type) {
    case 'TenderDrafted': {
      const { tenderId, commissionerId, terms } = event.data;
      book.tenders.set(tenderId, {
        tenderId, commissionerId, title: terms.title, contractType: terms.contractType, region: terms.region, replacesContractId: terms.replacesContractId,
        awardProcess: awardProcessOf(terms.procedureProfileId), publishedAt: null, lotIds: [], minimumTenderPeriodDays: null, submissionDeadline: null,
        submissionsClosedAt: null, cancelledAt: null, qualifyingBidsByLot: null, awardDecidedAt: null, winnerBidByLot: {}, concluded: [],
      });
      return;
    }
    case 'DraftAmended': {
      const changes = fromTerms(event.data.changes as Partial<TenderTerms>);
      return change((t) => ({ ...t, ...changes }));
    }
    case 'TenderPublished': {
      const d = event.data;
      return change((t) => ({
        ...t, title: d.title, publishedAt: d.publishedAt, lotIds: d.lots.map((lot) => lot.id), awardProcess: awardProcessOf(d.procedureProfileId),
        minimumTenderPeriodDays: d.minimumTenderPeriodDays, submissionDeadline: d.timeline.submissionDeadline,
      }));
    }
    case 'TenderAmended': {
      const moved = event.data.changes.filter((c) => c.field === 'submissionDeadline').at(-1);
      return change((t) => (moved ? { ...t, submissionDeadline: moved.to } : t));
    }
    case 'TenderCancelled':
      return change((t) => ({ ...t, cancelledAt: event.data.cancelledAt }));
    case 'SubmissionsClosed':
      return change((t) => ({ ...t, submissionsClosedAt: event.data.closedAt, submissionDeadline: event.data.submissionDeadline }));
  }
}
