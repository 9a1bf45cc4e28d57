import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '@tenderledger/projections';
import { dueForConclusion } from '../domain/competitive/conclusion';
import type { AwardDecided, AwardEvent } from '../domain/competitive/events';
import { evolveAward, initialAwardState, type Award } from '../domain/competitive/state';

const AWARD_EVENT_TYPES = [
  'AwardDecided',
  'StandstillStarted',
  'ChallengeLodged',
  'ChallengeUpheld',
  'ChallengeDismissed',
  'AwardCancelled',
  'AwardReassigned',
  'LotLeftUnawarded',
  'StandstillExtended',
  'ContractConcluded',
] as const satisfies readonly AwardEvent['type'][];

// Fails to compile when the domain gains an award event this read model does not read.
type Missing = Exclude<AwardEvent['type'], (typeof AWARD_EVENT_TYPES)[number]>;
const everyTypeRead: Missing extends never ? true : never = true;
void everyTypeRead;

/** What the state does not keep but a reader of the decision wants: who decided, why, when. */
export type DecisionRecord = Pick<AwardDecided['data'], 'decidedAt' | 'noticePublishedAt' | 'decisionMakers' | 'reasons'>;

export type AwardEntry = { readonly award: Award; readonly decision: DecisionRecord };

/** Read model: every competitive award, folded with the decider's own evolve, for views and the conclusion process manager. */
export class AwardBook implements Projection {
  readonly name = 'award-book';
  readonly handles = AWARD_EVENT_TYPES;
  private readonly byTender = new Map<string, AwardEntry>();

  apply(stored: StoredEvent): void {
    const event = { type: stored.type, data: stored.data } as AwardEvent;
    const current = this.byTender.get(event.data.tenderId);
    const state = evolveAward(current?.award ?? initialAwardState(), event);
    if (state.status === 'none') return;
    const decision: DecisionRecord | undefined =
      event.type === 'AwardDecided'
        ? { decidedAt: event.data.decidedAt, noticePublishedAt: event.data.noticePublishedAt, decisionMakers: event.data.decisionMakers, reasons: event.data.reasons }
        : current?.decision;
    if (decision) this.byTender.set(state.tenderId, { award: state, decision });
  }

  get(tenderId: string): AwardEntry | undefined {
    return this.byTender.get(tenderId);
  }

  /** Awards with at least one lot the conclusion process manager may conclude at `now`. */
  dueForConclusion(now: Date): Award[] {
    const at = now.toISOString();
    return [...this.byTender.values()].map((entry) => entry.award).filter((award) => dueForConclusion(award, at));
  }
}
