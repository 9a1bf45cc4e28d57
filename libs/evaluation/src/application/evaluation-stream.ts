import { loadState } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { asTenderId, evaluationDecider, evaluationOutcomeOf, evaluationStreamId, type EvaluationEvent, type EvaluationOutcome } from '../domain';

/** The evaluation stream's events, in order, as domain events (for recomputation and audits). */
export async function loadEvaluationEvents(store: EventStore, tenderId: string): Promise<EvaluationEvent[]> {
  const events: EvaluationEvent[] = [];
  for await (const stored of store.readStream(evaluationStreamId(asTenderId(tenderId)))) events.push({ type: stored.type, data: stored.data } as EvaluationEvent);
  return events;
}

/**
 * The outcome of a tender's completed evaluation, folded from its stream (the truth, not a read
 * model): null when the evaluation is not opened or not completed yet. For the award context.
 */
export async function loadEvaluationOutcome(store: EventStore, tenderId: string): Promise<EvaluationOutcome | null> {
  const { state } = await loadState(store, evaluationStreamId(asTenderId(tenderId)), evaluationDecider);
  return evaluationOutcomeOf(state);
}
