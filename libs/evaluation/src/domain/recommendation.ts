import { optimiseLotAwards, type BidderSpec, type LotBid, type UnawardedReason } from './lot-award';
import { actingOrganisationOf, bidderName, type AwardRule, type EvaluatedBid, type TenderFactsForEvaluation } from './facts';
import type { BidId, LotId, OrganisationId } from './ids';
import type { EvaluationResult } from './ranking';
import { pointsKey } from './tie-break';

// The lot award recommendation, computed at completion from the ranking alone (so anyone can
// recompute it from the events): qualifying bids only, total points as the score, the tender's lot
// limit and award rule. The award context decides; this is what the evaluation recommends, and why.

export type RecommendedLot = {
  readonly lotId: LotId;
  readonly lotTitle: string;
  readonly status: 'recommended' | 'not-awarded';
  readonly bidId: BidId | null;
  /** The organisation acting for the bid (a consortium's lead): the lot limit applies per bidder. */
  readonly bidderOrganisationId: OrganisationId | null;
  readonly bidderName: string | null;
  readonly totalPoints: number | null;
  /** The recommended bid's rank in this lot's ranking (1 = top scorer). */
  readonly rankInLot: number | null;
  readonly unawardedReason: UnawardedReason | null;
  /** The optimiser's sentence: why this bid (or nobody) gets the lot. */
  readonly explanation: string;
};

export type LotAwardRecommendation = {
  readonly rule: AwardRule;
  readonly lotLimit: number;
  /** One per lot, in the tender's lot order. */
  readonly lots: readonly RecommendedLot[];
  readonly lotsAwarded: number;
  /** Exact decimal sum of the recommended bids' points (as scored for the optimiser, to millionths). */
  readonly totalScoreExact: string;
  readonly summary: string;
};

type Candidate = { readonly bid: EvaluatedBid; readonly totalPoints: number; readonly rank: number };

/** Pure: the same tender facts, bids and ranking always give the same recommendation. */
export function recommendLotAwards(tender: TenderFactsForEvaluation, bids: readonly EvaluatedBid[], result: EvaluationResult): LotAwardRecommendation {
  const bidById = new Map(bids.map((bid) => [bid.bidId, bid] as const));
  const candidates = new Map<string, Candidate>(); // key: bidder + lot
  const lotBids: LotBid[] = [];
  for (const lot of result.lots) {
    for (const row of lot.results) {
      const bid = bidById.get(row.bidId);
      if (row.rank === null || !bid) continue;
      const key = candidateKey(actingOrganisationOf(bid), lot.lotId);
      // One bid per bidder per lot (a bidder bids once per tender); should two appear, the better-ranked counts.
      if (candidates.has(key)) continue;
      candidates.set(key, { bid, totalPoints: row.totalPoints, rank: row.rank });
      // Rounded to millionths as the ranking compares them, so equal totals stay equal and ranks agree with scores.
      lotBids.push({ bidderId: actingOrganisationOf(bid), lotId: lot.lotId, score: pointsKey(row.totalPoints) / 1_000_000, rankInLot: row.rank });
    }
  }

  const outcome = optimiseLotAwards({
    lots: tender.lots.map((lot) => ({ id: lot.lotId, name: lot.title })),
    bids: lotBids,
    lotLimit: tender.lotLimit,
    bidders: bidderSpecs(bids),
    rule: tender.awardRule,
    tieBreak: tieBreakOrder(bids),
  });

  const lots = outcome.lots.map((lot): RecommendedLot => {
    const lotTitle = lot.lotName;
    if (lot.status === 'unawarded') {
      return { lotId: lot.lotId as LotId, lotTitle, status: 'not-awarded', bidId: null, bidderOrganisationId: null, bidderName: null, totalPoints: null, rankInLot: null, unawardedReason: lot.reason, explanation: lot.explanation };
    }
    const winner = candidates.get(candidateKey(lot.bidderId, lot.lotId));
    if (!winner) throw new Error(`lot award recommendation: ${lot.lotId} went to ${lot.bidderId}, which has no ranked bid there`);
    return {
      lotId: lot.lotId as LotId,
      lotTitle,
      status: 'recommended',
      bidId: winner.bid.bidId,
      bidderOrganisationId: actingOrganisationOf(winner.bid),
      bidderName: lot.bidderName,
      totalPoints: winner.totalPoints,
      rankInLot: winner.rank,
      unawardedReason: null,
      explanation: lot.explanation,
    };
  });
  return { rule: outcome.rule, lotLimit: tender.lotLimit, lots, lotsAwarded: outcome.lotsAwarded, totalScoreExact: outcome.totalScoreExact, summary: outcome.summary };
}

const candidateKey = (bidder: string, lotId: string): string => `${bidder}\u0000${lotId}`;

/** Names for the sentences, and each bidder's stated lot preference (1 = most wanted) for the 'bidder-preference' rule. */
function bidderSpecs(bids: readonly EvaluatedBid[]): BidderSpec[] {
  const seen = new Set<string>();
  return bids.flatMap((bid): BidderSpec[] => {
    const id = actingOrganisationOf(bid);
    if (seen.has(id)) return [];
    seen.add(id);
    const preference = bid.lots
      .filter((offer) => offer.preference !== undefined)
      .sort((a, b) => (a.preference ?? 0) - (b.preference ?? 0))
      .map((offer) => offer.lotId);
    return [{ id, name: bidderName(bid), preference: [...new Set(preference)] }];
  });
}

/**
 * Bidders in the ranking's last keys, earliest (latest re)submission first, then bid id: the same
 * order the tie-break rules end with, so the optimiser settles a tie as the ranking would.
 */
function tieBreakOrder(bids: readonly EvaluatedBid[]): OrganisationId[] {
  const ordered = [...bids].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0));
  return [...new Set(ordered.map(actingOrganisationOf))];
}
