import { asEvaluatorId } from './ids';
import { ANNA, BEN, BID_COMPANY, BID_PRACTICE, ICB, OTHER_ICB, QUALITY, allModerated, completeEvaluation, history, moderate, panelReady, stateOf, submitScores } from './testing/fixtures';
import { visibleScores, type ScoreViewer } from './visibility';

const seen = (viewer: ScoreViewer, events = history(...panelReady(), submitScores(ANNA, BID_PRACTICE))) =>
  visibleScores(stateOf(events), viewer).submissions.map((s) => `${s.evaluatorId}:${s.bidId}`);

describe('visibleScores', () => {
  it('an evaluator sees its own scores, and no one else’s for a bid it has not yet scored', () => {
    expect(seen({ role: 'evaluator', evaluatorId: ANNA })).toEqual(['user-anna:bid-practice']);
    expect(seen({ role: 'evaluator', evaluatorId: BEN })).toEqual([]);
  });

  it('an evaluator sees the others’ scores for a bid once it has submitted its own for that bid (and only that bid)', () => {
    const events = history(...panelReady(), submitScores(ANNA, BID_PRACTICE), submitScores(ANNA, BID_COMPANY), submitScores(BEN, BID_PRACTICE));
    expect(seen({ role: 'evaluator', evaluatorId: BEN }, events)).toEqual(['user-anna:bid-practice', 'user-ben:bid-practice']);
  });

  it('the commissioner sees a bid’s scores only once every assigned evaluator has submitted (when it moderates)', () => {
    const partly = history(...panelReady(), submitScores(ANNA, BID_PRACTICE), submitScores(ANNA, BID_COMPANY), submitScores(BEN, BID_PRACTICE));
    expect(seen({ role: 'commissioner', organisationId: ICB }, partly)).toEqual(['user-anna:bid-practice', 'user-ben:bid-practice']);
  });

  it('another commissioner, a bidder and a platform admin see nothing; an auditor sees everything', () => {
    const events = history(...allModerated());
    expect(seen({ role: 'commissioner', organisationId: OTHER_ICB }, events)).toEqual([]);
    expect(seen({ role: 'bidder' }, events)).toEqual([]);
    expect(seen({ role: 'admin' }, events)).toEqual([]);
    expect(seen({ role: 'auditor' }, events)).toHaveLength(6);
    expect(visibleScores(stateOf(events), { role: 'auditor' }).moderation).toHaveLength(6);
  });

  it('the consensus on a bid is shown to the evaluators who scored it, not to one who did not', () => {
    const events = history(...panelReady(), submitScores(ANNA, BID_PRACTICE), submitScores(BEN, BID_PRACTICE), moderate(BID_PRACTICE, QUALITY, 4));
    expect(visibleScores(stateOf(events), { role: 'evaluator', evaluatorId: BEN }).moderation).toHaveLength(1);
    expect(visibleScores(stateOf(events), { role: 'evaluator', evaluatorId: asEvaluatorId('user-cara') }).moderation).toHaveLength(0);
  });

  it('after completion the commissioner sees every score; before opening nobody sees any', () => {
    expect(seen({ role: 'commissioner', organisationId: ICB }, history(...allModerated(), completeEvaluation()))).toHaveLength(6);
    expect(seen({ role: 'auditor' }, [])).toEqual([]);
  });
});
