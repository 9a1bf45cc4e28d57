// The evaluation context's pure domain: panel, conflicts, assignments, scores, moderation, compliance, ranking.
export * from './ids';
export * from './facts';
export * from './panel';
export * from './commands';
export * from './events';
export * from './refusal-codes';
export { WEIGHTS_TOTAL_BASIS_POINTS } from './weights';
export {
  initialEvaluationState,
  evolveEvaluation,
  declarationOf,
  hasDeclared,
  assignedBids,
  evaluatorsAssignedTo,
  submissionOf,
  allScoresIn,
  moderationStarted,
  isCompliant,
  type EvaluationState,
  type Evaluation,
  type Declaration,
  type ConflictRecord,
  type ScoreSubmission,
  type Moderation,
} from './state';
export { evaluationDecider, decideEvaluation } from './decider';
export { tenderFactsProblem, bidsProblem } from './facts-rules';
export * from './price-formulas';
export * from './tie-break';
export * from './ranking';
export {
  rankingInputFromEvents,
  rankingFromEvents,
  recordedRankingMatches,
  recommendationFromEvents,
  verifyRecordedEvaluation,
  type EvaluationVerification,
} from './ranking-from-events';
export { recommendLotAwards, type LotAwardRecommendation, type RecommendedLot } from './recommendation';
export { evaluationOutcomeOf, type EvaluationOutcome } from './outcome';
export { rankingInputOf } from './decide-completion';
export { visibleScores, type ScoreViewer, type VisibleScores } from './visibility';
