import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '@tenderledger/projections';
import { directAwardDueForConclusion } from '../domain/direct/decide-after-decision';
import type { DirectAwardEvent } from '../domain/direct/events';
import { evolveDirectAward, initialDirectAwardState, type DirectAward } from '../domain/direct/state';

const DIRECT_AWARD_EVENT_TYPES = [
  'DirectAwardDecided',
  'IntentionNoticePublished',
  'DirectAwardStandstillStarted',
  'DirectAwardChallengeLodged',
  'DirectAwardChallengeUpheld',
  'DirectAwardChallengeDismissed',
  'DirectAwardCancelled',
  'DirectAwardStandstillExtended',
  'DirectAwardConcluded',
] as const satisfies readonly DirectAwardEvent['type'][];

type Missing = Exclude<DirectAwardEvent['type'], (typeof DIRECT_AWARD_EVENT_TYPES)[number]>;
const everyTypeRead: Missing extends never ? true : never = true;
void everyTypeRead;

/** Read model: every direct award decision, folded with the decider's own evolve. */
export class DirectAwardBook implements Projection {
  readonly name = 'direct-award-book';
  readonly handles = DIRECT_AWARD_EVENT_TYPES;
  private readonly byId = new Map<string, DirectAward>();

  apply(stored: StoredEvent): void {
    const event = { type: stored.type, data: stored.data } as DirectAwardEvent;
    const state = evolveDirectAward(this.byId.get(event.data.decisionId) ?? initialDirectAwardState(), event);
    if (state.status !== 'none') this.byId.set(state.decisionId, state);
  }

  get(decisionId: string): DirectAward | undefined {
    return this.byId.get(decisionId);
  }

  list(filter: { commissionerId?: string } = {}): DirectAward[] {
    return [...this.byId.values()]
      .filter((award) => !filter.commissionerId || award.commissionerId === filter.commissionerId)
      .sort((a, b) => a.decision.decidedAt.localeCompare(b.decision.decidedAt) || a.decisionId.localeCompare(b.decisionId));
  }

  dueForConclusion(now: Date): DirectAward[] {
    const at = now.toISOString();
    return [...this.byId.values()].filter((award) => directAwardDueForConclusion(award, at));
  }
}
