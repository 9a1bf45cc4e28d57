import type { TenderFactsForEvaluation } from '../domain';

/**
 * The evaluation rules a tender does not carry yet (tendering records criteria, lots and the lot
 * limit only). The commissioner states them when opening; EvaluationOpened records them, so they
 * are on the evaluation record before any bid is scored.
 */
export type EvaluationSettings = Pick<TenderFactsForEvaluation, 'scoringScale' | 'priceFormula' | 'tieBreakRule' | 'abnormallyLowThresholdBasisPoints' | 'awardRule'>;

export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  scoringScale: { step: 1 },
  priceFormula: 'lowest-price-ratio',
  tieBreakRule: 'highest-quality-then-lowest-price-then-earliest-submission',
  abnormallyLowThresholdBasisPoints: 2_000,
  awardRule: 'maximise-lots-then-score',
};
