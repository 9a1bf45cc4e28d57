// The award context's public surface: other contexts import only from here (DESIGN §3).
export * from './domain/ids';
export { AWARD_REFUSAL_CODES, type AwardRefusalCode } from './domain/refusal-codes';
export {
  standstillFrom,
  furtherStandstillFrom,
  standstillOver,
  type StandstillRule,
  type StandstillPeriod,
  type FurtherStandstill,
} from './domain/standstill';
export type { ChallengeKind, ChallengeOutcome, ChallengeDecision, ChallengeRecord } from './domain/challenges';
export type { ContractTerm } from './domain/contract-term';
export type { DecisionMaker } from './domain/decision-makers';

// Competitive award: stream `award-{tenderId}`.
export type * from './domain/competitive/commands';
export type * from './domain/competitive/events';
export { assessmentSummaries, type AssessmentSummary, type AssessmentOutcome, type Scores, type Winner } from './domain/competitive/assessment';
export { initialAwardState, evolveAward, type AwardState, type Award, type LotAward, type LotAwardStatus } from './domain/competitive/state';
export { awardDecider, decideAwardCommand } from './domain/competitive/decider';
export { dueForConclusion, lotsDueForConclusion, conclusionBlock, type ConclusionBlock } from './domain/competitive/conclusion';

// Direct awards and most suitable provider: stream `direct-award-{decisionId}`.
export type * from './domain/direct/commands';
export type * from './domain/direct/events';
export { DIRECT_AWARD_ROUTES, directAwardRouteRules, type DirectAwardRoute, type DirectAwardRouteRules } from './domain/direct/routes';
export { PSR_KEY_CRITERIA, type KeyCriteriaAssessment, type AssessedCriterion } from './domain/direct/key-criteria';
export { initialDirectAwardState, evolveDirectAward, type DirectAwardState, type DirectAward, type DirectAwardStatus } from './domain/direct/state';
export { directAwardDecider, decideDirectAwardCommand } from './domain/direct/decider';
export { directAwardDueForConclusion } from './domain/direct/decide-after-decision';
export { AwardModule } from './award.module';

// Application and edge: messages, read models and process managers other layers (tests, the CLI) may use.
export { DecideOnAward, DecideOnDirectAward, DecideAwardFromEvaluation, type AwardDecisionRequest } from './application/messages';
export { AwardBook, type AwardEntry, type DecisionRecord } from './application/award-book';
export { DirectAwardBook } from './application/direct-award-book';
export { lotOutcomes, type LotOutcome } from './application/evaluation-outcome';
export { contractTermOf } from './application/contract-term-of';
export { ConcludeContractsProcess } from './application/conclude-contracts.process';
export { RegisterAfterAward } from './application/register-after-award.process';
export { type AwardView, type LotAwardView, type ChallengeView } from './http/award-views';
export { type DirectAwardView } from './http/direct-award-views';
