import { canonicalJson } from '@tenderledger/domain-kit';
import type { EvaluationEvent } from './events';
import { rankTender, type ComplianceOutcome, type EvaluationResult, type RankingInput } from './ranking';
import { recommendLotAwards, type LotAwardRecommendation } from './recommendation';

// Anyone allowed to read the `evaluation-{tenderId}` stream can recompute the result from it alone,
// without the decider: the tender's facts and bids from EvaluationOpened, the latest consensus per
// bid and criterion from ScoreModerated, the latest check per bid from ComplianceRecorded.

/** The ranking input as it stood just before EvaluationCompleted (or at the end of the events). Null without EvaluationOpened. */
export function rankingInputFromEvents(events: Iterable<EvaluationEvent>): RankingInput | null {
  let opened: Extract<EvaluationEvent, { type: 'EvaluationOpened' }> | undefined;
  const consensus: Record<string, Record<string, number>> = {};
  const compliance: Record<string, ComplianceOutcome> = {};
  for (const event of events) {
    if (event.type === 'EvaluationCompleted') break;
    if (event.type === 'EvaluationOpened') opened = event;
    if (event.type === 'ScoreModerated') {
      const { bidId, criterionId, consensusScore } = event.data;
      consensus[bidId] = { ...(consensus[bidId] ?? {}), [criterionId]: consensusScore };
    }
    if (event.type === 'ComplianceRecorded') compliance[event.data.bidId] = { passed: event.data.passed, reason: event.data.reason };
  }
  return opened ? { tender: opened.data.tender, bids: opened.data.bids, consensus, compliance } : null;
}

/** Recomputes the ranking per lot from the events alone. */
export function rankingFromEvents(events: Iterable<EvaluationEvent>): EvaluationResult | null {
  const input = rankingInputFromEvents(events);
  return input ? rankTender(input) : null;
}

/**
 * True when the stream's EvaluationCompleted recorded exactly what the events before it give,
 * compared as canonical JSON (key order does not matter). False when it differs or there is none.
 */
export function recordedRankingMatches(events: readonly EvaluationEvent[]): boolean {
  const completed = events.find((event) => event.type === 'EvaluationCompleted');
  const recomputed = rankingFromEvents(events);
  return completed !== undefined && recomputed !== null && canonicalJson(recomputed) === canonicalJson(completed.data.result);
}

/** Recomputes the lot award recommendation from the events alone (from the recomputed ranking). */
export function recommendationFromEvents(events: Iterable<EvaluationEvent>): LotAwardRecommendation | null {
  const input = rankingInputFromEvents(events);
  return input ? recommendLotAwards(input.tender, input.bids, rankTender(input)) : null;
}

export type EvaluationVerification = {
  readonly rankingMatches: boolean;
  readonly recommendationMatches: boolean;
  /** What the events before EvaluationCompleted give; null without EvaluationOpened. */
  readonly recomputed: { readonly ranking: EvaluationResult; readonly recommendation: LotAwardRecommendation } | null;
};

/** Both recorded figures of EvaluationCompleted checked against a recomputation, as canonical JSON. */
export function verifyRecordedEvaluation(events: readonly EvaluationEvent[]): EvaluationVerification {
  const completed = events.find((event) => event.type === 'EvaluationCompleted');
  const input = rankingInputFromEvents(events);
  if (!input) return { rankingMatches: false, recommendationMatches: false, recomputed: null };
  const ranking = rankTender(input);
  const recommendation = recommendLotAwards(input.tender, input.bids, ranking);
  const same = (a: unknown, b: unknown): boolean => b !== undefined && canonicalJson(a) === canonicalJson(b);
  return {
    rankingMatches: completed !== undefined && same(ranking, completed.data.result),
    recommendationMatches: completed !== undefined && same(recommendation, completed.data.recommendation),
    recomputed: { ranking, recommendation },
  };
}
