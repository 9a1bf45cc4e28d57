import { canonicalJson } from '@tenderledger/domain-kit';
import type { EvaluationEvent } from './events';
import { rankingFromEvents, rankingInputFromEvents, recordedRankingMatches } from './ranking-from-events';
import { ACCESS, BID_COMPANY, BID_PRACTICE, QUALITY, allModerated, allScored, completeEvaluation, history, moderate, recordCompliance } from './testing/fixtures';

const completedStream = (): EvaluationEvent[] =>
  history(...allModerated(), moderate(BID_PRACTICE, QUALITY, 5, 'Second look at the improvement plan.'), recordCompliance(BID_COMPANY, false), completeEvaluation());

describe('rankingFromEvents', () => {
  it('recomputes from the events alone exactly what EvaluationCompleted recorded', () => {
    const events = completedStream();
    const completed = events.at(-1)!;
    if (completed.type !== 'EvaluationCompleted') throw new Error('expected EvaluationCompleted last');
    expect(rankingFromEvents(events)).toEqual(completed.data.result);
    // …and survives a trip through JSON, as an auditor reading the store would have it.
    const fromStore = JSON.parse(JSON.stringify(events)) as EvaluationEvent[];
    expect(canonicalJson(rankingFromEvents(fromStore))).toBe(canonicalJson(completed.data.result));
    expect(recordedRankingMatches(fromStore)).toBe(true);
  });

  it('uses the latest consensus and the latest compliance check', () => {
    const input = rankingInputFromEvents(completedStream())!;
    expect(input.consensus[BID_PRACTICE]).toEqual({ [QUALITY]: 5, [ACCESS]: 3 });
    expect(input.compliance[BID_COMPANY]).toEqual({ passed: false, reason: 'No CQC registration.' });
  });

  it('detects a recorded result that the events do not support', () => {
    const events = completedStream();
    const tampered = events.map((e) =>
      e.type === 'EvaluationCompleted'
        ? { ...e, data: { ...e.data, result: { ...e.data.result, lots: e.data.result.lots.map((l) => ({ ...l, results: [...l.results].reverse() })) } } }
        : e,
    );
    expect(recordedRankingMatches(tampered)).toBe(false);
  });

  it('gives a provisional ranking before completion, and nothing before the evaluation is opened', () => {
    expect(rankingFromEvents(history(...allScored()))?.lots).toHaveLength(2);
    expect(rankingFromEvents([])).toBeNull();
    expect(recordedRankingMatches(history(...allModerated()))).toBe(false);
  });
});
