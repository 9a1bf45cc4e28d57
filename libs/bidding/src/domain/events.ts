import type { DomainEvent } from '@tenderledger/domain-kit';
import type { BidContent, BidContentProblem } from './bid-content';
import type { Bidder } from './bidder';
import type { Commitment, SealedContent } from './commitment';
import type { BidId, LotId, OrganisationId, TenderId } from './ids';

// Every event names its bid and tender so per-tender projections (audit trail, OCDS) need no lookup.
// `sealed` stays in the events because the event store is the truth; read models must never expose it.

export type BidSubmitted = DomainEvent<
  'BidSubmitted',
  {
    readonly bidId: BidId;
    readonly tenderId: TenderId;
    readonly bidder: Bidder;
    readonly lotIds: readonly LotId[];
    readonly sealed: SealedContent;
    /** Published at submission; opening must reproduce it. */
    readonly commitment: Commitment;
    readonly submittedAt: string;
    readonly submittedBy: OrganisationId;
  }
>;

export type BidWithdrawn = DomainEvent<
  'BidWithdrawn',
  {
    readonly bidId: BidId;
    readonly tenderId: TenderId;
    readonly reason?: string;
    readonly withdrawnAt: string;
    readonly by: OrganisationId;
  }
>;

/** Replaces the previous content entirely; only the latest commitment counts at opening. */
export type BidResubmitted = DomainEvent<
  'BidResubmitted',
  {
    readonly bidId: BidId;
    readonly tenderId: TenderId;
    readonly lotIds: readonly LotId[];
    readonly sealed: SealedContent;
    readonly commitment: Commitment;
    readonly previousCommitment: Commitment;
    readonly resubmittedAt: string;
    readonly resubmittedBy: OrganisationId;
  }
>;

/** Content revealed. The nonce is no longer secret, and keeping it lets anyone re-verify the commitment from events alone. */
export type BidOpened = DomainEvent<
  'BidOpened',
  {
    readonly bidId: BidId;
    readonly tenderId: TenderId;
    readonly openedAt: string;
    readonly content: BidContent;
    readonly nonce: string;
    readonly commitment: Commitment;
  }
>;

export type OpeningFailureReason = 'COMMITMENT_MISMATCH' | 'UNDECRYPTABLE';

/** The loud, recorded failure: the opened content is not what was committed, or could not be decrypted. */
export type BidOpeningFailed = DomainEvent<
  'BidOpeningFailed',
  {
    readonly bidId: BidId;
    readonly tenderId: TenderId;
    readonly reason: OpeningFailureReason;
    readonly expectedCommitment: Commitment;
    readonly computedCommitment?: string;
    readonly at: string;
  }
>;

/**
 * Opened content that does not answer the tender (lots other than declared, a lot unpriced, a
 * criterion unanswered). Recorded right after BidOpened so evaluation's compliance step can act on it.
 */
export type BidExcludedAtOpening = DomainEvent<
  'BidExcludedAtOpening',
  {
    readonly bidId: BidId;
    readonly tenderId: TenderId;
    readonly problems: readonly BidContentProblem[];
    readonly at: string;
  }
>;

export type BidEvent = BidSubmitted | BidWithdrawn | BidResubmitted | BidOpened | BidOpeningFailed | BidExcludedAtOpening;

export const BID_EVENT_TYPES: readonly BidEvent['type'][] = [
  'BidSubmitted',
  'BidWithdrawn',
  'BidResubmitted',
  'BidOpened',
  'BidOpeningFailed',
  'BidExcludedAtOpening',
];

/** The bidder's receipt: proof of what was committed, and when. */
export type BidReceipt = {
  readonly bidId: BidId;
  readonly tenderId: TenderId;
  readonly commitment: Commitment;
  readonly submittedAt: string;
};

export function bidReceipt(event: BidSubmitted | BidResubmitted): BidReceipt {
  const { bidId, tenderId, commitment } = event.data;
  const submittedAt = event.type === 'BidSubmitted' ? event.data.submittedAt : event.data.resubmittedAt;
  return { bidId, tenderId, commitment, submittedAt };
}
