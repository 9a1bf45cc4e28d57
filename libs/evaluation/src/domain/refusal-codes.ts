import { DomainError, type DomainErrorKind } from '@tenderledger/domain-kit';

/**
 * Every stable code the evaluation decider refuses with, and how the HTTP edge answers it:
 * 'conflict' → 409 (the state of the evaluation forbids it now), 'rule' → 422 (the command breaks
 * a rule), 'not-found' → 404. Clients and tests match on the code, never on the sentence.
 */
export const EVALUATION_REFUSALS = {
  // Lifecycle
  EVALUATION_NOT_OPEN: 'conflict',
  EVALUATION_ALREADY_OPEN: 'conflict',
  EVALUATION_COMPLETED: 'conflict',
  EVALUATION_INCOMPLETE: 'conflict',
  // Opening facts
  EVALUATION_FACTS_INVALID: 'rule',
  EVALUATION_NO_BIDS: 'rule',
  EVALUATION_TIME_INVALID: 'rule',
  EVALUATION_NOT_COMMISSIONER: 'rule',
  // Panel, declarations, assignments
  PANEL_INVALID: 'rule',
  PANEL_MEMBER_FROM_BIDDER: 'rule',
  EVALUATOR_ALREADY_ON_PANEL: 'conflict',
  EVALUATOR_NOT_ON_PANEL: 'rule',
  EVALUATOR_DECLARATION_MISSING: 'conflict',
  CONFLICT_NATURE_MISSING: 'rule',
  CONFLICT_DECLARED_AFTER_SCORING: 'conflict',
  EVALUATION_ASSIGNMENT_CONFLICT: 'rule',
  ASSIGNMENT_EMPTY: 'rule',
  ASSIGNMENT_AFTER_MODERATION: 'conflict',
  BID_NOT_IN_EVALUATION: 'not-found',
  // Scoring
  BID_NOT_ASSIGNED: 'rule',
  SCORES_ALREADY_SUBMITTED: 'conflict',
  SCORE_CRITERION_UNKNOWN: 'rule',
  SCORE_CRITERION_MISSING: 'rule',
  SCORE_CRITERION_DUPLICATE: 'rule',
  PRICE_IS_COMPUTED: 'rule',
  SCORE_OUT_OF_SCALE: 'rule',
  SCORE_JUSTIFICATION_MISSING: 'rule',
  // Moderation and compliance
  MODERATION_BEFORE_ALL_SCORES: 'conflict',
  MODERATION_RATIONALE_MISSING: 'rule',
  COMPLIANCE_REASON_MISSING: 'rule',
} as const satisfies Record<string, DomainErrorKind>;

export type EvaluationRefusalCode = keyof typeof EVALUATION_REFUSALS;

export const EVALUATION_REFUSAL_CODES = Object.keys(EVALUATION_REFUSALS) as EvaluationRefusalCode[];

/** Throws the DomainError for `code` with the HTTP kind fixed by the table above. */
export const refusal = (code: EvaluationRefusalCode, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, EVALUATION_REFUSALS[code], details);
};
