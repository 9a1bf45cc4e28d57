import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { evaluationDecider } from './decider';
import {
  ACCESS,
  ANNA,
  BEN,
  BID_COMPANY,
  BID_PRACTICE,
  ICB,
  NOW,
  OTHER_ICB,
  PRICE,
  QUALITY,
  TENDER,
  appointPanel,
  assignBids,
  declareNoConflicts,
  history,
  moderate,
  openEvaluation,
  panelReady,
  score,
  submitScores,
} from './testing/fixtures';

const spec = deciderSpec(evaluationDecider);
const scoredPractice = () => [
  ...panelReady(),
  submitScores(ANNA, BID_PRACTICE, [score(QUALITY, 5), score(ACCESS, 3)]),
  submitScores(BEN, BID_PRACTICE, [score(QUALITY, 3), score(ACCESS, 3)]),
];
const bothScoredPractice = () => history(...scoredPractice());

describe('ModerateScore', () => {
  it('records the consensus and its rationale beside the individual scores', () => {
    spec
      .given(bothScoredPractice())
      .when(moderate(BID_PRACTICE, QUALITY, 4, 'Strong plan; Ben’s concern on staffing met by appendix B.'))
      .then([
        {
          type: 'ScoreModerated',
          data: {
            tenderId: TENDER,
            bidId: BID_PRACTICE,
            criterionId: QUALITY,
            consensusScore: 4,
            rationale: 'Strong plan; Ben’s concern on staffing met by appendix B.',
            individualScores: [
              { evaluatorId: ANNA, score: 5 },
              { evaluatorId: BEN, score: 3 },
            ],
            previousConsensusScore: null,
            moderatedBy: ICB,
            moderatedAt: NOW,
          },
        },
      ]);
  });

  it('may be revisited before completion; the new consensus names the one it replaces', () => {
    spec
      .given(history(...scoredPractice(), moderate(BID_PRACTICE, QUALITY, 4)))
      .when(moderate(BID_PRACTICE, QUALITY, 3, 'Re-read the workforce section.'))
      .thenMatches(([e]) => expect(e).toMatchObject({ data: { consensusScore: 3, previousConsensusScore: 4 } }));
  });

  it('waits for every assigned evaluator (MODERATION_BEFORE_ALL_SCORES)', () => {
    spec.given(history(...panelReady(), submitScores(ANNA, BID_PRACTICE))).when(moderate(BID_PRACTICE, QUALITY, 4)).thenRefuses('MODERATION_BEFORE_ALL_SCORES', /user-ben/);
  });

  it('needs at least one assigned evaluator (MODERATION_BEFORE_ALL_SCORES)', () => {
    const given = history(openEvaluation(), appointPanel(), declareNoConflicts(ANNA), assignBids(ANNA, [BID_PRACTICE]));
    spec.given(given).when(moderate(BID_COMPANY, QUALITY, 4)).thenRefuses('MODERATION_BEFORE_ALL_SCORES', /No evaluator/);
  });

  it('refuses a consensus without a rationale (MODERATION_RATIONALE_MISSING) or off the scale (SCORE_OUT_OF_SCALE)', () => {
    spec.given(bothScoredPractice()).when(moderate(BID_PRACTICE, QUALITY, 4, '')).thenRefuses('MODERATION_RATIONALE_MISSING');
    spec.given(bothScoredPractice()).when(moderate(BID_PRACTICE, QUALITY, 7)).thenRefuses('SCORE_OUT_OF_SCALE', /Consensus score 7/);
  });

  it('refuses moderating price (PRICE_IS_COMPUTED) or an unknown criterion (SCORE_CRITERION_UNKNOWN)', () => {
    spec.given(bothScoredPractice()).when(moderate(BID_PRACTICE, PRICE, 40)).thenRefuses('PRICE_IS_COMPUTED');
    spec.given(bothScoredPractice()).when(moderate(BID_PRACTICE, 'crit-vibes' as never, 4)).thenRefuses('SCORE_CRITERION_UNKNOWN');
  });

  it('is the commissioner’s (EVALUATION_NOT_COMMISSIONER)', () => {
    const command = moderate(BID_PRACTICE, QUALITY, 4);
    spec.given(bothScoredPractice()).when({ ...command, data: { ...command.data, commissionerId: OTHER_ICB } }).thenRefuses('EVALUATION_NOT_COMMISSIONER');
  });

  it('closes the bid to new evaluators once started (ASSIGNMENT_AFTER_MODERATION)', () => {
    const given = history(
      openEvaluation(),
      appointPanel(),
      declareNoConflicts(ANNA),
      declareNoConflicts(BEN),
      assignBids(ANNA, [BID_PRACTICE]),
      submitScores(ANNA, BID_PRACTICE),
      moderate(BID_PRACTICE, QUALITY, 4),
    );
    spec.given(given).when(assignBids(BEN, [BID_PRACTICE])).thenRefuses('ASSIGNMENT_AFTER_MODERATION');
  });
});
