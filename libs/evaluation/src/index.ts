// The evaluation context's public surface: other contexts import only from here (DESIGN §3).

// Pure domain: panel, conflicts of interest, assignments, scores, moderation, compliance, ranking per lot.
export * from './domain';

// Lot award optimiser (domain/lot-award). Named re-exports: its `AwardRule` and `LotId` would clash
// with the evaluation domain's (its AwardRule has the same values; its LotId is an unbranded string),
// so those two are reached through the `lotAward` namespace.
export * as lotAward from './domain/lot-award';
export { optimiseLotAwards, LotAwardInputError, type LotAwardErrorCode } from './domain/lot-award';
export type {
  AwardedLot,
  BidderAwards,
  BidderId,
  BidderSpec,
  LotAwardInput,
  LotAwardOutcome,
  LotAwardResult,
  LotBid,
  LotSpec,
  UnawardedLot,
  UnawardedReason,
} from './domain/lot-award';
export { EvaluationModule } from './evaluation.module';

// Application surface. For the award context: the completed ranking per lot and the recommended bid
// per lot with its explanation, from the read model (`EvaluationResults#outcome`, exported by
// EvaluationModule) or folded from the stream (`loadEvaluationOutcome`). Both give EvaluationOutcome.
export { EvaluationResults } from './application/evaluation-results';
export { loadEvaluationOutcome, loadEvaluationEvents } from './application/evaluation-stream';
export { DecideEvaluation, OpenTenderEvaluation } from './application/messages';
export { DEFAULT_EVALUATION_SETTINGS, type EvaluationSettings } from './application/evaluation-settings';
export { type EvaluationView } from './http/evaluation-views';
export { type RankingView } from './http/evaluation-queries.controller';
