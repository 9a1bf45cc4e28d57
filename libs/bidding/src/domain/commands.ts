import type { Command } from '@tenderledger/domain-kit';
import type { BidContent } from './bid-content';
import type { Bidder } from './bidder';
import type { SealedContent } from './commitment';
import type { BidId, LotId, OrganisationId, TenderId } from './ids';
import type { TenderFacts } from './tender-facts';

// Data shapes are `type` aliases, not interfaces: Command's data must be assignable to a record.
// `now` is an ISO instant from the injected Clock (DESIGN §2.6); tender facts are loaded by the handler.

export type SubmitBidData = {
  readonly bidId: BidId;
  readonly tenderId: TenderId;
  readonly bidder: Bidder;
  readonly lotIds: readonly LotId[];
  /** Encrypted by the application; the decider never sees plaintext at submission. */
  readonly sealed: SealedContent;
  /** Hex SHA-256 of canonical {content, nonce} (see computeCommitment). */
  readonly commitment: string;
  /** The organisation submitting: the bidding organisation or the consortium lead. */
  readonly submittedBy: OrganisationId;
  readonly tender: TenderFacts;
  readonly now: string;
};
export type SubmitBid = Command<'SubmitBid', SubmitBidData>;

/** Replaces the content (and lots) of a submitted or withdrawn bid; the bidder stays the same. */
export type ResubmitBidData = {
  readonly bidId: BidId;
  readonly lotIds: readonly LotId[];
  readonly sealed: SealedContent;
  readonly commitment: string;
  readonly resubmittedBy: OrganisationId;
  readonly tender: TenderFacts;
  readonly now: string;
};
export type ResubmitBid = Command<'ResubmitBid', ResubmitBidData>;

export type WithdrawBidData = {
  readonly bidId: BidId;
  readonly by: OrganisationId;
  readonly reason?: string;
  readonly tender: TenderFacts;
  readonly now: string;
};
export type WithdrawBid = Command<'WithdrawBid', WithdrawBidData>;

/** What the application got when it tried to decrypt the latest sealed content. */
export type OpeningAttempt =
  | { readonly content: BidContent; readonly nonce: string }
  | { readonly failure: 'UNDECRYPTABLE' };

/** Sent by the opening process manager once the deadline has passed (and again, harmlessly, on restart). */
export type OpenBidData = {
  readonly bidId: BidId;
  readonly opened: OpeningAttempt;
  readonly tender: TenderFacts;
  readonly now: string;
};
export type OpenBid = Command<'OpenBid', OpenBidData>;

export type BidCommand = SubmitBid | ResubmitBid | WithdrawBid | OpenBid;
