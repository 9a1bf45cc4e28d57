import type { CriterionId, LotId, OrganisationId, TenderId } from './ids';
import type { TenderState, TenderStatus } from './state';

/** What the bidding context needs to know about a tender, without reaching into its internals. */
export type TenderFactsForBidding = {
  readonly tenderId: TenderId;
  readonly status: TenderStatus;
  readonly submissionDeadline: string;
  readonly lotIds: readonly LotId[];
  /** The most lots one bidder may be awarded; the number of lots when the tender set none. */
  readonly lotLimit: number;
  readonly criteriaIds: readonly CriterionId[];
  readonly commissionerId: OrganisationId;
};

/** Null when the stream holds no tender. */
export function tenderFactsForBidding(state: TenderState): TenderFactsForBidding | null {
  if (state.status === 'none') return null;
  return {
    tenderId: state.tenderId,
    status: state.status,
    submissionDeadline: state.terms.timeline.submissionDeadline,
    lotIds: state.lots.map((lot) => lot.id),
    lotLimit: state.lotLimit ?? state.lots.length,
    criteriaIds: state.terms.criteria.map((criterion) => criterion.id),
    commissionerId: state.commissionerId,
  };
}
