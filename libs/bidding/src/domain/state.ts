import type { BidContent, BidContentProblem } from './bid-content';
import type { Bidder } from './bidder';
import type { Commitment, SealedContent } from './commitment';
import type { OpeningFailureReason } from './events';
import type { BidId, LotId, OrganisationId, TenderId } from './ids';

/** What every bid that exists knows; `sealed`/`commitment`/`lotIds` are the latest (re)submission's. */
export type BidRecord = {
  readonly bidId: BidId;
  readonly tenderId: TenderId;
  readonly bidder: Bidder;
  readonly lotIds: readonly LotId[];
  /** Kept so the opening process manager can decrypt from state; never exposed by reads. */
  readonly sealed: SealedContent;
  readonly commitment: Commitment;
  readonly submittedAt: string;
  readonly submittedBy: OrganisationId;
  /** Time of the latest submission or resubmission. */
  readonly lastSubmittedAt: string;
};

export type OpeningFailure = {
  readonly reason: OpeningFailureReason;
  readonly computedCommitment?: string;
  readonly at: string;
};

export type BidState =
  | { readonly status: 'none' }
  | (BidRecord & { readonly status: 'submitted' })
  | (BidRecord & { readonly status: 'withdrawn'; readonly withdrawnAt: string })
  /** Opening was tried and failed; a later attempt may still succeed (e.g. a key restored). */
  | (BidRecord & { readonly status: 'openingFailed'; readonly failure: OpeningFailure })
  | (BidRecord & {
      readonly status: 'opened';
      readonly openedAt: string;
      readonly content: BidContent;
      readonly nonce: string;
      readonly exclusion: { readonly problems: readonly BidContentProblem[]; readonly at: string } | null;
    });

export type ExistingBid = Exclude<BidState, { status: 'none' }>;

export const initialBidState = (): BidState => ({ status: 'none' });
