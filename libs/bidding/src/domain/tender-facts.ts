import type { CriterionId, LotId, TenderId } from './ids';

/**
 * How the bidding context sees a tender's status. A bid decider cannot read the tender stream,
 * so the application maps the tender's own state onto these: any state after submissions
 * closed (evaluation, award, …) arrives here as 'closed'.
 */
export type TenderStatusForBidding = 'draft' | 'published' | 'closed' | 'cancelled';

/** The tender facts a bid command carries, loaded by the application handler. */
export type TenderFacts = {
  readonly tenderId: TenderId;
  readonly status: TenderStatusForBidding;
  /** ISO 8601 instant; submissions must arrive strictly before it. */
  readonly submissionDeadline: string;
  readonly lotIds: readonly LotId[];
  /** Criteria that need a written response (quality criteria; price is scored from lot prices). */
  readonly criteriaIds: readonly CriterionId[];
};
