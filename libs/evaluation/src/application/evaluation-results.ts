import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '@tenderledger/projections';
import { EVALUATION_EVENT_TYPES, evaluationOutcomeOf, evolveEvaluation, initialEvaluationState, type Evaluation, type EvaluationEvent, type EvaluationOutcome } from '../domain';

/**
 * Read model: every tender's evaluation, folded with the decider's own evolve so the two never
 * disagree. It holds individual scores (the events do); readers filter through visibleScores.
 * The award context reads `outcome(tenderId)` for a completed evaluation.
 */
export class EvaluationResults implements Projection {
  readonly name = 'evaluation-results';
  readonly handles = EVALUATION_EVENT_TYPES;
  private readonly byTender = new Map<string, Evaluation>();

  apply(stored: StoredEvent): void {
    const event = { type: stored.type, data: stored.data } as EvaluationEvent;
    const next = evolveEvaluation(this.byTender.get(event.data.tenderId) ?? initialEvaluationState(), event);
    if (next.status !== 'none') this.byTender.set(next.tenderId, next);
  }

  /** The evaluation of a tender, open or completed; undefined before it is opened. */
  get(tenderId: string): Evaluation | undefined {
    return this.byTender.get(tenderId);
  }

  /** The completed ranking per lot and the recommended bid per lot with its explanation; null until completed. */
  outcome(tenderId: string): EvaluationOutcome | null {
    const evaluation = this.byTender.get(tenderId);
    return evaluation ? evaluationOutcomeOf(evaluation) : null;
  }
}
