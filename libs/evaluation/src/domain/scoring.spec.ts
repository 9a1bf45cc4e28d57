import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { evaluationDecider } from './decider';
import {
  ACCESS,
  ANNA,
  BEN,
  BID_COMPANY,
  BID_FEDERATION,
  BID_PRACTICE,
  CARA,
  MEMBER_2,
  NOW,
  PRICE,
  QUALITY,
  TENDER,
  appointPanel,
  assignBids,
  declareConflict,
  declareNoConflicts,
  history,
  openEvaluation,
  panelReady,
  score,
  submitScores,
  tenderFacts,
} from './testing/fixtures';

const spec = deciderSpec(evaluationDecider);

describe('SubmitScores', () => {
  it('records an assigned evaluator’s justified score on every quality criterion, in the tender’s criterion order', () => {
    spec
      .given(history(...panelReady()))
      .when(submitScores(ANNA, BID_PRACTICE, [score(ACCESS, 3, '  Extended hours on 3 sites. '), score(QUALITY, 4, 'Clear CQC improvement plan.')]))
      .then([
        {
          type: 'ScoresSubmitted',
          data: {
            tenderId: TENDER,
            evaluatorId: ANNA,
            bidId: BID_PRACTICE,
            scores: [score(QUALITY, 4, 'Clear CQC improvement plan.'), score(ACCESS, 3, 'Extended hours on 3 sites.')],
            submittedAt: NOW,
          },
        },
      ]);
  });

  it('accepts the ends of the scale and half steps when the scale allows them', () => {
    spec.given(history(...panelReady())).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 0), score(ACCESS, 5)])).thenMatches((e) => expect(e).toHaveLength(1));
    const halves = [openEvaluation({ tender: tenderFacts({ scoringScale: { step: 0.5 } }) }), appointPanel(), declareNoConflicts(ANNA), assignBids(ANNA)];
    spec.given(history(...halves)).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 3.5), score(ACCESS, 0.5)])).thenMatches((e) => expect(e).toHaveLength(1));
  });

  it('refuses scores off the scale: above the maximum, negative, or between steps (SCORE_OUT_OF_SCALE)', () => {
    const ready = history(...panelReady());
    spec.given(ready).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 6), score(ACCESS, 3)])).thenRefuses('SCORE_OUT_OF_SCALE', /0 to 5 in steps of 1/);
    spec.given(ready).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, -1), score(ACCESS, 3)])).thenRefuses('SCORE_OUT_OF_SCALE');
    spec.given(ready).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 3.5), score(ACCESS, 3)])).thenRefuses('SCORE_OUT_OF_SCALE');
    spec.given(ready).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, Number.NaN), score(ACCESS, 3)])).thenRefuses('SCORE_OUT_OF_SCALE');
  });

  it('refuses a score without a written justification (SCORE_JUSTIFICATION_MISSING)', () => {
    spec.given(history(...panelReady())).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 4, ' '), score(ACCESS, 3)])).thenRefuses('SCORE_JUSTIFICATION_MISSING', /Quality and innovation/);
  });

  it('refuses a missing quality criterion (SCORE_CRITERION_MISSING), an unknown one (SCORE_CRITERION_UNKNOWN) and one scored twice (SCORE_CRITERION_DUPLICATE)', () => {
    const ready = history(...panelReady());
    spec.given(ready).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 4)])).thenRefuses('SCORE_CRITERION_MISSING', /Improving access/);
    spec.given(ready).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 4), score(ACCESS, 3), score('crit-vibes' as never, 1)])).thenRefuses('SCORE_CRITERION_UNKNOWN');
    spec.given(ready).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 4), score(QUALITY, 3), score(ACCESS, 3)])).thenRefuses('SCORE_CRITERION_DUPLICATE');
  });

  it('refuses a typed-in price score: price points are computed (PRICE_IS_COMPUTED)', () => {
    spec.given(history(...panelReady())).when(submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 4), score(ACCESS, 3), score(PRICE, 40)])).thenRefuses('PRICE_IS_COMPUTED', /price formula/);
  });

  it('refuses a bid not assigned to the evaluator (BID_NOT_ASSIGNED)', () => {
    const given = history(openEvaluation(), appointPanel(), declareNoConflicts(ANNA), assignBids(ANNA, [BID_PRACTICE]));
    spec.given(given).when(submitScores(ANNA, BID_COMPANY)).thenRefuses('BID_NOT_ASSIGNED');
  });

  it('refuses a second submission for the same bid: scores are not revised once others can be seen (SCORES_ALREADY_SUBMITTED)', () => {
    spec.given(history(...panelReady(), submitScores(ANNA, BID_PRACTICE))).when(submitScores(ANNA, BID_PRACTICE)).thenRefuses('SCORES_ALREADY_SUBMITTED', /moderation/);
  });

  it('refuses an evaluator who has not declared (EVALUATOR_DECLARATION_MISSING)', () => {
    spec.given(history(openEvaluation(), appointPanel())).when(submitScores(ANNA, BID_PRACTICE)).thenRefuses('EVALUATOR_DECLARATION_MISSING', /before scoring/);
  });

  it('refuses an evaluator with a declared conflict with any consortium member of the bid (EVALUATION_ASSIGNMENT_CONFLICT)', () => {
    // Assigned first, then the conflict was declared: the assignment was taken back and scoring is refused by name.
    const given = history(openEvaluation(), appointPanel(), declareNoConflicts(BEN), assignBids(BEN), declareConflict(BEN, MEMBER_2));
    spec.given(given).when(submitScores(BEN, BID_FEDERATION)).thenRefuses('EVALUATION_ASSIGNMENT_CONFLICT', /cannot evaluate it/);
  });

  it('refuses someone not on the panel (EVALUATOR_NOT_ON_PANEL) and an unknown bid (BID_NOT_IN_EVALUATION)', () => {
    spec.given(history(...panelReady())).when(submitScores(CARA, BID_PRACTICE)).thenRefuses('EVALUATOR_NOT_ON_PANEL');
    spec.given(history(...panelReady())).when(submitScores(ANNA, 'bid-nope' as never)).thenRefuses('BID_NOT_IN_EVALUATION');
  });

  it('lets each evaluator score independently of the other', () => {
    spec.given(history(...panelReady(), submitScores(ANNA, BID_PRACTICE))).when(submitScores(BEN, BID_PRACTICE, [score(QUALITY, 2), score(ACCESS, 1)])).thenMatches(([event]) =>
      expect(event).toMatchObject({ data: { evaluatorId: BEN, scores: [{ score: 2 }, { score: 1 }] } }),
    );
  });
});
