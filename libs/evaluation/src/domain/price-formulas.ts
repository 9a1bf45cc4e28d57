import type { PriceFormula } from './facts';

// Price points are computed from the opened prices, never typed in. Points are on a 0–100 scale
// for the whole tender, so a criterion weighted 3,000 basis points is worth up to 30 points.
// Each formula is one division of exact integer products (prices are integer pence, weights integer
// basis points), so the lowest price gets exactly the full weight and a lower price never gets fewer
// points, without rounding: points are rounded to 2 decimals only when shown.

export type PriceScoringInput = {
  /** The lowest price among the bids the price is scored against, in pence. */
  readonly lowestPence: number;
  readonly pricePence: number;
  readonly weightBasisPoints: number;
};

/** weight × lowest ÷ price. */
export function lowestPriceRatioPoints({ lowestPence, pricePence, weightBasisPoints }: PriceScoringInput): number {
  checkInput(lowestPence, pricePence, weightBasisPoints);
  if (pricePence <= lowestPence) return weightBasisPoints / 100;
  return (weightBasisPoints * lowestPence) / (pricePence * 100);
}

/** weight × (1 − (price − lowest) ÷ lowest) = weight × (2 × lowest − price) ÷ lowest, never below 0. */
export function proportionalDifferencePoints({ lowestPence, pricePence, weightBasisPoints }: PriceScoringInput): number {
  checkInput(lowestPence, pricePence, weightBasisPoints);
  if (pricePence <= lowestPence) return weightBasisPoints / 100;
  if (pricePence >= 2 * lowestPence) return 0;
  return (weightBasisPoints * (2 * lowestPence - pricePence)) / (lowestPence * 100);
}

const FORMULAS: Record<PriceFormula, (input: PriceScoringInput) => number> = {
  'lowest-price-ratio': lowestPriceRatioPoints,
  'proportional-difference': proportionalDifferencePoints,
};

/**
 * Price points under the tender's formula. A price below `lowestPence` can only belong to a bid
 * outside the set the lowest was taken from (a bid that failed a gate); it is capped at the full weight.
 */
export const pricePoints = (formula: PriceFormula, input: PriceScoringInput): number => FORMULAS[formula](input);

function checkInput(lowestPence: number, pricePence: number, weightBasisPoints: number): void {
  // Programming errors, not refusals: OpenEvaluation already refused prices that are not positive whole pence.
  if (!Number.isSafeInteger(lowestPence) || lowestPence <= 0) throw new RangeError(`lowest price must be positive whole pence, got ${lowestPence}`);
  if (!Number.isSafeInteger(pricePence) || pricePence <= 0) throw new RangeError(`price must be positive whole pence, got ${pricePence}`);
  if (!Number.isSafeInteger(weightBasisPoints) || weightBasisPoints < 0) throw new RangeError(`weight must be whole basis points, got ${weightBasisPoints}`);
}

/** The median price in pence (the mean of the middle two for an even count, so it may end in .5). */
export function medianPence(prices: readonly number[]): number {
  if (prices.length === 0) throw new RangeError('the median of no prices is undefined');
  const sorted = [...prices].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The price under which a bid is flagged: median × (1 − threshold). Shown in the result for readers. */
export const abnormallyLowBelowPence = (median: number, thresholdBasisPoints: number): number => (median * (10_000 - thresholdBasisPoints)) / 10_000;

/**
 * Strictly below median × (1 − threshold), compared in integers (price × 10,000 against
 * median × (10,000 − threshold)) so a price exactly on the line is not flagged by a rounding error.
 */
export const isAbnormallyLow = (pricePence: number, median: number, thresholdBasisPoints: number): boolean =>
  pricePence * 10_000 < median * (10_000 - thresholdBasisPoints);
