import type { TenderEvent } from './events';
import type { ClarificationId, OrganisationId, TenderId } from './ids';
import type { LotSplitProposal } from './lot-split';
import type { Lot } from './lots';
import type { TenderTerms } from './terms';

export type TenderStatus = 'draft' | 'published' | 'submissions-closed' | 'cancelled';

export type Clarification = {
  readonly id: ClarificationId;
  readonly askedBy: OrganisationId;
  readonly question: string;
  readonly askedAt: string;
  readonly answer: { readonly publishedQuestion: string; readonly text: string; readonly answeredAt: string } | null;
};

/** How the current lots came about; 'whole-contract' means a no-split reason is on record. */
export type LotsOrigin = 'none' | 'defined-by-hand' | 'accepted-proposal' | 'whole-contract';

export type Tender = {
  readonly status: TenderStatus;
  readonly tenderId: TenderId;
  readonly commissionerId: OrganisationId;
  readonly terms: TenderTerms;
  readonly lots: readonly Lot[];
  readonly lotsOrigin: LotsOrigin;
  readonly noSplitReason: string | null;
  readonly pendingProposal: LotSplitProposal | null;
  readonly lotLimit: number | null;
  readonly publishedAt: string | null;
  readonly clarifications: Readonly<Record<string, Clarification>>;
  readonly cancellation: { readonly reason: string; readonly at: string; readonly by: OrganisationId } | null;
  readonly closedAt: string | null;
};

export type TenderState = { readonly status: 'none' } | Tender;

export const initialTenderState = (): TenderState => ({ status: 'none' });

const NO_LOTS = { lots: [], lotsOrigin: 'none', noSplitReason: null, pendingProposal: null } as const;

export function evolveTender(state: TenderState, event: TenderEvent): TenderState {
  if (event.type === 'TenderDrafted') {
    const { tenderId, commissionerId, terms, lotLimit } = event.data;
    return {
      status: 'draft',
      tenderId,
      commissionerId,
      terms,
      ...NO_LOTS,
      lotLimit,
      publishedAt: null,
      clarifications: {},
      cancellation: null,
      closedAt: null,
    };
  }
  if (state.status === 'none') return state; // a stream never starts with anything else
  switch (event.type) {
    case 'DraftAmended':
      return { ...state, terms: { ...state.terms, ...event.data.changes }, ...(event.data.lotsCleared ? NO_LOTS : {}) };
    case 'LotsDefined':
      return {
        ...state,
        lots: event.data.lots,
        lotsOrigin: 'defined-by-hand',
        noSplitReason: event.data.lots.length > 1 ? null : state.noSplitReason,
      };
    case 'LotSplitProposed':
      return { ...state, pendingProposal: { ceiling: event.data.ceiling, lots: event.data.lots } };
    case 'LotSplitProposalAccepted':
      return {
        ...state,
        lots: event.data.lots,
        lotsOrigin: 'accepted-proposal',
        pendingProposal: null,
        noSplitReason: event.data.lots.length > 1 ? null : state.noSplitReason,
      };
    case 'LotSplitProposalRejected':
      return { ...state, pendingProposal: null };
    case 'NoSplitReasonRecorded':
      return { ...state, lots: [event.data.lot], lotsOrigin: 'whole-contract', noSplitReason: event.data.reason, pendingProposal: null };
    case 'LotLimitSet':
      return { ...state, lotLimit: event.data.lotLimit };
    case 'TenderPublished':
      return { ...state, status: 'published', publishedAt: event.data.publishedAt, lotLimit: event.data.lotLimit };
    case 'ClarificationAsked': {
      const { clarificationId, askedBy, question, askedAt } = event.data;
      const clarification: Clarification = { id: clarificationId, askedBy, question, askedAt, answer: null };
      return { ...state, clarifications: { ...state.clarifications, [clarificationId]: clarification } };
    }
    case 'ClarificationAnswered': {
      const asked = state.clarifications[event.data.clarificationId];
      if (!asked) return state;
      const answer = { publishedQuestion: event.data.question, text: event.data.answer, answeredAt: event.data.answeredAt };
      return { ...state, clarifications: { ...state.clarifications, [asked.id]: { ...asked, answer } } };
    }
    case 'TenderAmended': {
      let terms = state.terms;
      for (const change of event.data.changes) {
        terms =
          change.field === 'description'
            ? { ...terms, description: change.to }
            : { ...terms, timeline: { ...terms.timeline, [change.field]: change.to } };
      }
      return { ...state, terms };
    }
    case 'TenderCancelled':
      return { ...state, status: 'cancelled', cancellation: { reason: event.data.reason, at: event.data.cancelledAt, by: event.data.cancelledBy } };
    case 'SubmissionsClosed':
      return { ...state, status: 'submissions-closed', closedAt: event.data.closedAt };
  }
}
