import type { EvaluationCommand } from './commands';
import type { EvaluationCompleted, EvaluationEvent } from './events';
import { evaluationOutcomeOf } from './outcome';
import { recommendationFromEvents, verifyRecordedEvaluation } from './ranking-from-events';
import {
  ACCESS,
  BID_COMPANY,
  BID_FEDERATION,
  BID_PRACTICE,
  LEAD,
  LOT_A,
  LOT_B,
  QUALITY,
  allModerated,
  completeEvaluation,
  history,
  moderate,
  openEvaluation,
  stateOf,
  tenderFacts,
} from './testing/fixtures';

// Consensus from the fixtures, with the company marked down to 3/3: lot A federation 88, practice 84;
// lot B federation 88, company 76. With a lot limit of 1 the federation can win one lot only.
const weakerCompany = (): EvaluationCommand[] => [...allModerated(), moderate(BID_COMPANY, ACCESS, 3, 'Access plan thinner than first read.')];

const completedOf = (events: EvaluationEvent[]): EvaluationCompleted['data'] => {
  const last = events.at(-1);
  if (last?.type !== 'EvaluationCompleted') throw new Error('expected EvaluationCompleted last');
  return last.data;
};

describe('lot award recommendation at completion', () => {
  it('maximises the total score within the limit: the federation tops lot A but is moved to lot B, with the reason', () => {
    const { recommendation, result } = completedOf(history(...weakerCompany(), completeEvaluation()));
    expect(result.lots[0]!.results.map((r) => [r.bidId, r.totalPoints])).toEqual([[BID_FEDERATION, 88], [BID_PRACTICE, 84]]);
    expect(recommendation).toMatchObject({ rule: 'maximise-lots-then-score', lotLimit: 1, lotsAwarded: 2, totalScoreExact: '172' });
    expect(recommendation.lots.map((l) => [l.lotId, l.status, l.bidId, l.rankInLot])).toEqual([
      [LOT_A, 'recommended', BID_PRACTICE, 2],
      [LOT_B, 'recommended', BID_FEDERATION, 1],
    ]);
    expect(recommendation.lots[1]).toMatchObject({ bidderOrganisationId: LEAD, bidderName: 'Harrow GP Federation', totalPoints: 88 });
    expect(recommendation.lots[0]!.explanation).toBe(
      'North locality went to org-riverside-surgery (score 84.00), second-highest here: the top scorer, Harrow GP Federation (88.00), already holds its limit of 1 lot (South locality).',
    );
  });

  it("follows the bidders' stated preferences under the 'bidder-preference' rule", () => {
    const commands = weakerCompany();
    commands[0] = openEvaluation({ tender: tenderFacts({ awardRule: 'bidder-preference' }) });
    const { recommendation } = completedOf(history(...commands, completeEvaluation()));
    expect(recommendation.lots.map((l) => l.bidId)).toEqual([BID_FEDERATION, BID_COMPANY]);
    expect(recommendation.lots[1]!.explanation).toMatch(/already holds its limit of 1 lot \(North locality, which it prefers\)/);
  });

  it('leaves a lot unawarded when no bid on it qualifies, and says so', () => {
    const commands = [...weakerCompany(), moderate(BID_COMPANY, QUALITY, 1, 'No mobilisation plan.')];
    const { recommendation } = completedOf(history(...commands, completeEvaluation()));
    // Company fails the pass mark; the federation alone is left on lot B and takes its best lot.
    expect(recommendation.lots.map((l) => [l.status, l.bidId])).toEqual([['recommended', BID_PRACTICE], ['recommended', BID_FEDERATION]]);
    const solo = history(...commands.slice(0, -1), moderate(BID_FEDERATION, QUALITY, 1, 'Below standard.'), moderate(BID_COMPANY, QUALITY, 1, 'Below standard.'), completeEvaluation());
    expect(completedOf(solo).recommendation.lots[1]).toMatchObject({ status: 'not-awarded', bidId: null, unawardedReason: 'no-compliant-bid', explanation: 'South locality was not awarded: no compliant bid.' });
  });

  it('is recomputed from the events alone, and a tampered recommendation is detected', () => {
    const events = JSON.parse(JSON.stringify(history(...weakerCompany(), completeEvaluation()))) as EvaluationEvent[];
    expect(recommendationFromEvents(events)).toEqual(completedOf(events).recommendation);
    expect(verifyRecordedEvaluation(events)).toMatchObject({ rankingMatches: true, recommendationMatches: true });
    const tampered = events.map((e) =>
      e.type === 'EvaluationCompleted'
        ? { ...e, data: { ...e.data, recommendation: { ...e.data.recommendation, lots: [...e.data.recommendation.lots].reverse() } } }
        : e,
    );
    expect(verifyRecordedEvaluation(tampered)).toMatchObject({ rankingMatches: true, recommendationMatches: false });
  });

  it('gives the award context its outcome only once completed', () => {
    expect(evaluationOutcomeOf(stateOf(history(...weakerCompany())))).toBeNull();
    const outcome = evaluationOutcomeOf(stateOf(history(...weakerCompany(), completeEvaluation())));
    expect(outcome?.recommendation.lots.map((l) => l.bidId)).toEqual([BID_PRACTICE, BID_FEDERATION]);
    expect(outcome?.ranking.lots).toHaveLength(2);
    expect(outcome?.panel.map((m) => m.name)).toEqual(['Anna Shah', 'Dr Ben Okafor']);
  });
});
