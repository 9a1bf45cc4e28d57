/** Public shapes of the lot award optimiser (DESIGN §8 "Lot limits"). Plain data: serialisable, no functions. */

export type LotId = string;
export type BidderId = string;

/**
 * - 'maximise-lots-then-score' (default): award as many lots as possible, then the highest total score,
 *   then the tie-break (see optimise.ts).
 * - 'bidder-preference': lots go to their highest-ranked bidder that still has room; a bidder topping
 *   more lots than it has room for takes the ones it prefers (see preference.ts).
 */
export type AwardRule = 'maximise-lots-then-score' | 'bidder-preference';

export interface LotSpec {
  readonly id: LotId;
  /** Shown in explanations; defaults to the id. */
  readonly name?: string;
}

export interface BidderSpec {
  readonly id: BidderId;
  /** Shown in explanations; defaults to the id. */
  readonly name?: string;
  /** The bidder's own stated maximum number of lots; the effective limit is min(this, lotLimit). */
  readonly maxLots?: number;
  /**
   * For 'bidder-preference': the bidder's lots, most preferred first. Lots it bid on but did not list
   * follow in the tender's lot order; listed lots it has no compliant bid on are ignored.
   */
  readonly preference?: readonly LotId[];
}

/** One compliant bid on one lot. */
export interface LotBid {
  readonly bidderId: BidderId;
  readonly lotId: LotId;
  /** Total weighted score; higher is better. Any finite number. */
  readonly score: number;
  /**
   * The evaluation's rank of this bid within its lot (1 = best). Only orders bids with EQUAL scores
   * (before the bidder tie-break); it may not contradict the scores.
   */
  readonly rankInLot?: number;
}

export interface LotAwardInput {
  /** Tender lot order; it is also the order in which ties are settled (earlier lots first). */
  readonly lots: readonly (LotId | LotSpec)[];
  readonly bids: readonly LotBid[];
  /** The tender's lot limit: the most lots any one bidder may be awarded (integer ≥ 1). */
  readonly lotLimit: number;
  /** Names, own maxima and preferences. Bidders that only appear in bids get the defaults. */
  readonly bidders?: readonly BidderSpec[];
  readonly rule?: AwardRule;
  /**
   * Deterministic tie-break: bidder ids, preferred first. Bidders not listed follow, ordered by id
   * (UTF-16 code-unit order, locale-independent). Defaults to ordering every bidder by id.
   */
  readonly tieBreak?: readonly BidderId[];
}

export type UnawardedReason = 'no-compliant-bid' | 'all-bidders-at-limit';

export interface AwardedLot {
  readonly status: 'awarded';
  readonly lotId: LotId;
  readonly lotName: string;
  readonly bidderId: BidderId;
  readonly bidderName: string;
  readonly score: number;
  /** 1-based position of the winning bid in the lot (score, then rankInLot, then tie-break). */
  readonly positionInLot: number;
  readonly explanation: string;
}

export interface UnawardedLot {
  readonly status: 'unawarded';
  readonly lotId: LotId;
  readonly lotName: string;
  readonly reason: UnawardedReason;
  readonly explanation: string;
}

export type LotAwardResult = AwardedLot | UnawardedLot;

export interface BidderAwards {
  readonly bidderId: BidderId;
  readonly bidderName: string;
  /** Effective limit: min(lotLimit, own maximum). */
  readonly limit: number;
  /** Lots awarded, in tender lot order. */
  readonly lotIds: readonly LotId[];
}

export interface LotAwardOutcome {
  readonly rule: AwardRule;
  /** One entry per lot, in tender lot order. */
  readonly lots: readonly LotAwardResult[];
  /** Every known bidder, in tie-break order. */
  readonly bidders: readonly BidderAwards[];
  /** Objective 1: number of lots awarded. */
  readonly lotsAwarded: number;
  /** Objective 2: total score of the awarded bids (nearest double to the exact decimal sum). */
  readonly totalScore: number;
  /** The exact decimal sum of the awarded scores, e.g. "175.5". */
  readonly totalScoreExact: string;
  readonly summary: string;
}
