import { DomainError } from '@tenderledger/domain-kit';
import { deciderSpec } from '@tenderledger/domain-kit/testing';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decider';
import type { EvaluationEvent } from './events';
import { EVALUATION_REFUSALS, EVALUATION_REFUSAL_CODES, type EvaluationRefusalCode } from './refusal-codes';
import {
  ACCESS,
  ANNA,
  BEN,
  BID_COMPANY,
  BID_PRACTICE,
  CARA,
  MEMBER_1,
  OTHER_ICB,
  PRACTICE,
  PRICE,
  QUALITY,
  allModerated,
  allScored,
  anna,
  appointPanel,
  assignBids,
  ben,
  completeEvaluation,
  declareConflict,
  declareNoConflicts,
  history,
  moderate,
  openEvaluation,
  panelReady,
  recordCompliance,
  score,
  submitScores,
  tenderFacts,
} from './testing/fixtures';

// Every refusal code, with one scenario that reaches it (the feature specs test each in context).
// The last test checks this table covers refusal-codes.ts exactly, so no code ships untested, and
// each case checks the 409/422/404 kind, and that nothing would be appended.
type Case = { code: EvaluationRefusalCode; given: EvaluationEvent[]; when: EvaluationCommand; message: RegExp };

const opened = () => history(openEvaluation());
const withPanel = () => history(openEvaluation(), appointPanel());
const ready = () => history(...panelReady());

const cases: Case[] = [
  { code: 'EVALUATION_NOT_OPEN', given: [], when: submitScores(ANNA, BID_PRACTICE), message: /not been opened/ },
  { code: 'EVALUATION_ALREADY_OPEN', given: opened(), when: openEvaluation(), message: /already open/ },
  { code: 'EVALUATION_COMPLETED', given: history(...allModerated(), completeEvaluation()), when: recordCompliance(BID_PRACTICE, true), message: /completed/ },
  { code: 'EVALUATION_INCOMPLETE', given: history(...allScored()), when: completeEvaluation(), message: /still to be moderated/ },
  { code: 'EVALUATION_FACTS_INVALID', given: [], when: openEvaluation({ tender: tenderFacts({ lots: [] }) }), message: /no lots/ },
  { code: 'EVALUATION_NO_BIDS', given: [], when: openEvaluation({ bids: [] }), message: /nothing to evaluate/ },
  { code: 'EVALUATION_TIME_INVALID', given: opened(), when: { ...appointPanel(), data: { ...appointPanel().data, now: 'yesterday' } }, message: /ISO 8601/ },
  { code: 'EVALUATION_NOT_COMMISSIONER', given: opened(), when: appointPanel([anna], OTHER_ICB), message: /Only the commissioner/ },
  { code: 'PANEL_INVALID', given: opened(), when: appointPanel([]), message: /at least one evaluator/ },
  { code: 'PANEL_MEMBER_FROM_BIDDER', given: opened(), when: appointPanel([{ ...ben, organisationId: PRACTICE }]), message: /cannot sit on the panel/ },
  { code: 'EVALUATOR_ALREADY_ON_PANEL', given: withPanel(), when: appointPanel([ben]), message: /already on the evaluation panel/ },
  { code: 'EVALUATOR_NOT_ON_PANEL', given: withPanel(), when: declareNoConflicts(CARA), message: /not on this tender's evaluation panel/ },
  { code: 'EVALUATOR_DECLARATION_MISSING', given: withPanel(), when: assignBids(BEN), message: /must declare any conflicts/ },
  { code: 'CONFLICT_NATURE_MISSING', given: withPanel(), when: declareConflict(BEN, PRACTICE, ''), message: /what it is/ },
  { code: 'CONFLICT_DECLARED_AFTER_SCORING', given: history(...panelReady(), submitScores(BEN, BID_PRACTICE)), when: declareConflict(BEN, MEMBER_1), message: /before scoring/ },
  { code: 'EVALUATION_ASSIGNMENT_CONFLICT', given: history(openEvaluation(), appointPanel(), declareConflict(BEN, PRACTICE)), when: assignBids(BEN, [BID_PRACTICE]), message: /cannot evaluate it/ },
  { code: 'ASSIGNMENT_EMPTY', given: history(openEvaluation(), appointPanel(), declareNoConflicts(BEN)), when: assignBids(BEN, []), message: /at least one bid/ },
  {
    code: 'ASSIGNMENT_AFTER_MODERATION',
    given: history(openEvaluation(), appointPanel(), declareNoConflicts(ANNA), declareNoConflicts(BEN), assignBids(ANNA, [BID_PRACTICE]), submitScores(ANNA, BID_PRACTICE), moderate(BID_PRACTICE, ACCESS, 3)),
    when: assignBids(BEN, [BID_PRACTICE]),
    message: /Moderation of bid bid-practice has started/,
  },
  { code: 'BID_NOT_IN_EVALUATION', given: opened(), when: recordCompliance('bid-unknown' as never, true), message: /not one of the bids/ },
  { code: 'BID_NOT_ASSIGNED', given: history(openEvaluation(), appointPanel(), declareNoConflicts(ANNA)), when: submitScores(ANNA, BID_PRACTICE), message: /not assigned to Anna Shah/ },
  { code: 'SCORES_ALREADY_SUBMITTED', given: history(...panelReady(), submitScores(ANNA, BID_PRACTICE)), when: submitScores(ANNA, BID_PRACTICE), message: /already submitted/ },
  { code: 'SCORE_CRITERION_UNKNOWN', given: ready(), when: submitScores(ANNA, BID_PRACTICE, [score('crit-x' as never, 1)]), message: /not an award criterion/ },
  { code: 'SCORE_CRITERION_MISSING', given: ready(), when: submitScores(ANNA, BID_PRACTICE, [score(ACCESS, 1)]), message: /missing: Quality and innovation/ },
  { code: 'SCORE_CRITERION_DUPLICATE', given: ready(), when: submitScores(ANNA, BID_PRACTICE, [score(ACCESS, 1), score(ACCESS, 2)]), message: /scored twice/ },
  { code: 'PRICE_IS_COMPUTED', given: ready(), when: submitScores(ANNA, BID_PRACTICE, [score(PRICE, 40)]), message: /never by hand/ },
  { code: 'SCORE_OUT_OF_SCALE', given: ready(), when: submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 50), score(ACCESS, 1)]), message: /not on the scale/ },
  { code: 'SCORE_JUSTIFICATION_MISSING', given: ready(), when: submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 3, ''), score(ACCESS, 1)]), message: /written justification/ },
  { code: 'MODERATION_BEFORE_ALL_SCORES', given: history(...panelReady(), submitScores(ANNA, BID_COMPANY)), when: moderate(BID_COMPANY, QUALITY, 3), message: /still waiting for user-ben/ },
  { code: 'MODERATION_RATIONALE_MISSING', given: history(...allScored()), when: moderate(BID_COMPANY, QUALITY, 3, ' '), message: /needs a rationale/ },
  { code: 'COMPLIANCE_REASON_MISSING', given: opened(), when: recordCompliance(BID_PRACTICE, true, ''), message: /passes the compliance check/ },
];

const spec = deciderSpec(evaluationDecider);
const HTTP = { conflict: 409, rule: 422, 'not-found': 404 } as const;

describe('evaluation refusals', () => {
  it.each(cases.map((c) => [c.code, HTTP[EVALUATION_REFUSALS[c.code]], c] as const))('%s (%i)', (code, _status, c) => {
    const error = spec.given(c.given).when(c.when).thenRefuses(code, c.message);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe(EVALUATION_REFUSALS[code]);
    expect(error.message).toMatch(/[.?]$/); // a sentence a person can read
  });

  it('every code in refusal-codes.ts has a case above, and no case uses an unlisted code', () => {
    expect([...new Set(cases.map((c) => c.code))].sort()).toEqual([...EVALUATION_REFUSAL_CODES].sort());
  });
});
