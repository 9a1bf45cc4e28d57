import { bidderOrganisations, type Bidder } from './bidder';
import type { Commitment } from './commitment';
import type { BidId, LotId, OrganisationId, TenderId } from './ids';
import type { BidState, ExistingBid } from './state';

/** DESIGN §10 roles; each is scoped to an organisation. */
export type PlatformRole = 'commissioner' | 'bidder' | 'evaluator' | 'auditor' | 'admin';

export type Reader = {
  readonly organisationId: OrganisationId;
  readonly role: PlatformRole;
  /** Needed only to match an evaluator against the tender's panel. */
  readonly userId?: string;
};

/** Tender-side facts the HTTP layer supplies; without them, buyer-side readers are refused (fail closed). */
export type TenderAccessFacts = {
  readonly commissionerOrganisationId: OrganisationId;
  /** User ids of the tender's evaluation panel. */
  readonly panelEvaluatorIds?: readonly string[];
};

/**
 * 'envelope': who bid, for which lots, status, commitment, times (never `sealed`).
 * 'content': the opened prices and responses.
 */
export type BidPart = 'envelope' | 'content';

/**
 * Who may read a bid (DESIGN §10):
 * - a bidder reads only its own bids (its organisation, or any lead/member of its consortium),
 *   never another's;
 * - content is readable by nobody, bidder included, until the bid is opened;
 * - once opened, the tender's commissioner, its panel evaluators and auditors read the content;
 * - the envelope is the bidder's own at any time, an auditor's at any time (it carries nothing
 *   sealed), and the buyer side's only once the deadline has passed and opening ran, so nobody
 *   buying can see who is bidding while bids can still change;
 * - admins operate the platform and read no bids.
 */
export function canRead(
  bid: BidState,
  reader: Reader,
  options: { readonly part?: BidPart; readonly tender?: TenderAccessFacts } = {},
): boolean {
  if (bid.status === 'none') return false;
  const part = options.part ?? 'content';
  const opened = bid.status === 'opened';
  const pastOpening = opened || bid.status === 'openingFailed';
  const tender = options.tender;

  switch (reader.role) {
    case 'bidder':
      return bidderOrganisations(bid.bidder).includes(reader.organisationId) && (part === 'envelope' || opened);
    case 'auditor':
      return part === 'envelope' || opened;
    case 'commissioner':
      return tender !== undefined && reader.organisationId === tender.commissionerOrganisationId && (part === 'envelope' ? pastOpening : opened);
    case 'evaluator':
      return (
        tender !== undefined &&
        reader.userId !== undefined &&
        (tender.panelEvaluatorIds ?? []).includes(reader.userId) &&
        (part === 'envelope' ? pastOpening : opened)
      );
    case 'admin':
      return false;
  }
}

/** The 'envelope' part as a read model may show it: built field by field so `sealed` can never leak in. */
export type BidEnvelope = {
  readonly bidId: BidId;
  readonly tenderId: TenderId;
  readonly bidder: Bidder;
  readonly lotIds: readonly LotId[];
  readonly status: ExistingBid['status'];
  readonly commitment: Commitment;
  readonly submittedAt: string;
  readonly lastSubmittedAt: string;
  readonly withdrawnAt?: string;
  readonly openedAt?: string;
  readonly excludedAtOpening?: boolean;
};

export function bidEnvelope(bid: ExistingBid): BidEnvelope {
  const { bidId, tenderId, bidder, lotIds, status, commitment, submittedAt, lastSubmittedAt } = bid;
  const envelope: BidEnvelope = { bidId, tenderId, bidder, lotIds, status, commitment, submittedAt, lastSubmittedAt };
  if (bid.status === 'withdrawn') return { ...envelope, withdrawnAt: bid.withdrawnAt };
  if (bid.status === 'opened') return { ...envelope, openedAt: bid.openedAt, excludedAtOpening: bid.exclusion !== null };
  return envelope;
}
