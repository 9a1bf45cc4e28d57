import { isScoredByEvaluators, priceCriterionOf, type EvaluatedBid, type PriceFormula, type TenderFactsForEvaluation, type TieBreakRule } from './facts';
import type { BidId, CriterionId, LotId } from './ids';
import { abnormallyLowBelowPence, isAbnormallyLow, medianPence, pricePoints } from './price-formulas';
import { orderForRanking, separatingKey, type RankingKey } from './tie-break';

// The result of an evaluation, computed from facts recorded in the evaluation stream only: the
// tender's criteria and rules, the opened prices, the consensus scores and the compliance checks.
// Nothing here reads individual evaluators' scores: moderation is what counts.

export type CriterionResult = {
  readonly criterionId: CriterionId;
  /** Null only for a bid that failed compliance and so was never moderated. */
  readonly consensusScore: number | null;
  readonly maxScore: number;
  readonly weightBasisPoints: number;
  /** consensus ÷ maxScore × weight, on the tender's 0–100 points scale. */
  readonly points: number;
  readonly passMark: number | null;
  readonly passed: boolean;
};

export type BidLotResult = {
  readonly bidId: BidId;
  readonly pricePence: number;
  readonly submittedAt: string;
  readonly criteria: readonly CriterionResult[];
  readonly qualityPoints: number;
  readonly pricePoints: number;
  readonly totalPoints: number;
  readonly compliant: boolean;
  readonly passedPassMarks: boolean;
  /** Compliant and at or above every pass mark: only qualifying bids are ranked. */
  readonly qualifies: boolean;
  /** Why a bid does not qualify, in sentences; empty when it qualifies. */
  readonly exclusionReasons: readonly string[];
  /** A flag for the commissioner to ask the bidder to explain its price; it does not exclude the bid. */
  readonly abnormallyLow: boolean;
  /** 1 = best; null for bids that do not qualify. */
  readonly rank: number | null;
  /** For ranked bids after the first: the key that put it below the bid ranked just above it. */
  readonly placedBelowPreviousBy: RankingKey | null;
};

export type LotRanking = {
  readonly lotId: LotId;
  /**
   * Prices are scored against, and the median taken over, the qualifying bids; when none qualifies,
   * over all bids for the lot, so the figures can still be read (and nobody is ranked).
   */
  readonly priceBasis: 'qualifying-bids' | 'all-bids';
  readonly lowestPricePence: number | null;
  readonly medianPricePence: number | null;
  readonly abnormallyLowBelowPence: number | null;
  /** Ranked bids in rank order, then bids that do not qualify in bid id order. */
  readonly results: readonly BidLotResult[];
};

export type EvaluationResult = {
  readonly priceFormula: PriceFormula;
  readonly tieBreakRule: TieBreakRule;
  readonly abnormallyLowThresholdBasisPoints: number;
  readonly lots: readonly LotRanking[];
};

export type ComplianceOutcome = { readonly passed: boolean; readonly reason: string };

export type RankingInput = {
  readonly tender: TenderFactsForEvaluation;
  readonly bids: readonly EvaluatedBid[];
  /** Latest consensus score per bid and criterion. */
  readonly consensus: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Latest compliance check per bid; a bid without one is compliant (it was complete at opening). */
  readonly compliance: Readonly<Record<string, ComplianceOutcome>>;
};

type QualityAssessment = {
  readonly criteria: CriterionResult[];
  readonly qualityPoints: number;
  readonly passedPassMarks: boolean;
  readonly compliant: boolean;
  readonly exclusionReasons: string[];
};

/** Every lot's ranking, in the tender's lot order. Pure and deterministic: the same input gives the same numbers. */
export function rankTender(input: RankingInput): EvaluationResult {
  const { tender } = input;
  const assessments = new Map(input.bids.map((bid) => [bid.bidId, assessQuality(bid, input)] as const));
  return {
    priceFormula: tender.priceFormula,
    tieBreakRule: tender.tieBreakRule,
    abnormallyLowThresholdBasisPoints: tender.abnormallyLowThresholdBasisPoints,
    lots: tender.lots.map(({ lotId }) => rankLot(lotId, input, assessments)),
  };
}

function assessQuality(bid: EvaluatedBid, { tender, consensus, compliance }: RankingInput): QualityAssessment {
  const scores = consensus[bid.bidId] ?? {};
  const check = compliance[bid.bidId];
  const compliant = check?.passed ?? true;
  const exclusionReasons: string[] = compliant ? [] : [`Failed compliance: ${check?.reason ?? ''}`];
  let qualityPoints = 0;
  const criteria = tender.criteria.filter(isScoredByEvaluators).map((criterion): CriterionResult => {
    const score = scores[criterion.id] ?? null;
    const points = score === null ? 0 : (score * criterion.weightBasisPoints) / (criterion.maxScore * 100);
    qualityPoints += points;
    const passed = score !== null && (criterion.passMark === null || score >= criterion.passMark);
    if (score === null) {
      if (compliant) exclusionReasons.push(`${criterion.name} has no consensus score.`);
    } else if (!passed) {
      exclusionReasons.push(`${criterion.name} scored ${score} of ${criterion.maxScore}, below the pass mark of ${criterion.passMark}.`);
    }
    return {
      criterionId: criterion.id,
      consensusScore: score,
      maxScore: criterion.maxScore,
      weightBasisPoints: criterion.weightBasisPoints,
      points,
      passMark: criterion.passMark,
      passed,
    };
  });
  return { criteria, qualityPoints, passedPassMarks: criteria.every((c) => c.passed), compliant, exclusionReasons };
}

function rankLot(lotId: LotId, { tender, bids }: RankingInput, assessments: ReadonlyMap<BidId, QualityAssessment>): LotRanking {
  const bidding = bids.flatMap((bid) => {
    const offer = bid.lots.find((lot) => lot.lotId === lotId);
    const assessment = assessments.get(bid.bidId);
    return offer && assessment ? [{ bid, pricePence: offer.price, assessment }] : [];
  });
  const qualifying = bidding.filter(({ assessment }) => assessment.compliant && assessment.passedPassMarks);
  const basis = qualifying.length > 0 ? qualifying : bidding;
  const prices = basis.map(({ pricePence }) => pricePence);
  const lowest = prices.length > 0 ? Math.min(...prices) : null;
  const median = prices.length > 0 ? medianPence(prices) : null;
  const threshold = tender.abnormallyLowThresholdBasisPoints;
  const priceWeight = priceCriterionOf(tender.criteria)?.weightBasisPoints ?? 0;

  const unranked = bidding.map(({ bid, pricePence, assessment }) => {
    const pricePts = lowest === null ? 0 : pricePoints(tender.priceFormula, { lowestPence: lowest, pricePence, weightBasisPoints: priceWeight });
    return {
      bidId: bid.bidId,
      pricePence,
      submittedAt: bid.submittedAt,
      criteria: assessment.criteria,
      qualityPoints: assessment.qualityPoints,
      pricePoints: pricePts,
      totalPoints: assessment.qualityPoints + pricePts,
      compliant: assessment.compliant,
      passedPassMarks: assessment.passedPassMarks,
      qualifies: assessment.compliant && assessment.passedPassMarks,
      exclusionReasons: assessment.exclusionReasons,
      abnormallyLow: median !== null && isAbnormallyLow(pricePence, median, threshold),
    };
  });

  const ranked = orderForRanking(
    tender.tieBreakRule,
    unranked.filter((result) => result.qualifies),
  ).map((result, i, all): BidLotResult => ({
    ...result,
    rank: i + 1,
    placedBelowPreviousBy: i === 0 ? null : separatingKey(tender.tieBreakRule, all[i - 1]!, result),
  }));
  const excluded = unranked
    .filter((result) => !result.qualifies)
    .sort((a, b) => (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0))
    .map((result): BidLotResult => ({ ...result, rank: null, placedBelowPreviousBy: null }));

  return {
    lotId,
    priceBasis: qualifying.length > 0 || bidding.length === 0 ? 'qualifying-bids' : 'all-bids',
    lowestPricePence: lowest,
    medianPricePence: median,
    abnormallyLowBelowPence: median === null ? null : abnormallyLowBelowPence(median, threshold),
    results: [...ranked, ...excluded],
  };
}
