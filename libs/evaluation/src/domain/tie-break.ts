import type { TieBreakRule } from './facts';
import type { BidId } from './ids';

// Ranking order within a lot: total points, highest first; equal totals are ordered by the tender's
// stated tie-break rule; the bid id (plain code-unit order, no locale) is the last key, so the order
// is total and everyone who ranks the same events gets the same list.

export type RankingCandidate = {
  readonly bidId: BidId;
  readonly totalPoints: number;
  readonly qualityPoints: number;
  readonly pricePence: number;
  readonly submittedAt: string;
};

/** The key that put one bid above the next, recorded for readers of the ranking. */
export type RankingKey = 'total-points' | 'quality-points' | 'price' | 'submission-time' | 'bid-id';

/**
 * Points are compared in millionths of a point: sums of the same fractions taken in another order can
 * differ in the last binary digit, and that must not break a tie the tender's rule should decide.
 */
export const pointsKey = (points: number): number => Math.round(points * 1_000_000);

type KeyComparison = { readonly key: RankingKey; readonly compare: (a: RankingCandidate, b: RankingCandidate) => number };

const byTotal: KeyComparison = { key: 'total-points', compare: (a, b) => pointsKey(b.totalPoints) - pointsKey(a.totalPoints) };
const byQuality: KeyComparison = { key: 'quality-points', compare: (a, b) => pointsKey(b.qualityPoints) - pointsKey(a.qualityPoints) };
const byPrice: KeyComparison = { key: 'price', compare: (a, b) => a.pricePence - b.pricePence };
const bySubmission: KeyComparison = { key: 'submission-time', compare: (a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) };
const byBidId: KeyComparison = { key: 'bid-id', compare: (a, b) => (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0) };

const KEYS: Record<TieBreakRule, readonly KeyComparison[]> = {
  'highest-quality-then-lowest-price-then-earliest-submission': [byTotal, byQuality, byPrice, bySubmission, byBidId],
  'lowest-price-then-highest-quality-then-earliest-submission': [byTotal, byPrice, byQuality, bySubmission, byBidId],
};

/** Negative when `a` ranks above `b`; 0 only for the same bid id. */
export function compareForRanking(rule: TieBreakRule, a: RankingCandidate, b: RankingCandidate): number {
  for (const { compare } of KEYS[rule]) {
    const order = compare(a, b);
    if (order !== 0) return order;
  }
  return 0;
}

/** The first key that separates two bids under the rule, or null if they are the same bid. */
export function separatingKey(rule: TieBreakRule, a: RankingCandidate, b: RankingCandidate): RankingKey | null {
  return KEYS[rule].find(({ compare }) => compare(a, b) !== 0)?.key ?? null;
}

/** The candidates best first; the input is not changed. */
export const orderForRanking = <C extends RankingCandidate>(rule: TieBreakRule, candidates: readonly C[]): C[] =>
  [...candidates].sort((a, b) => compareForRanking(rule, a, b));
