import { withDecision, type Challenges } from '../challenges';
import type { DirectAwardId, OrganisationId } from '../ids';
import type { StandstillPeriod, StandstillRule } from '../standstill';
import type { DirectAwardEvent, DirectAwardDecided } from './events';

export type DirectAwardStatus = 'decided' | 'cancelled' | 'concluded';

export type DirectAward = {
  readonly status: DirectAwardStatus;
  readonly decisionId: DirectAwardId;
  readonly commissionerId: OrganisationId;
  readonly decision: DirectAwardDecided['data'];
  readonly standstillRule: StandstillRule | null;
  /** Null where the route has no standstill (direct award A and B). */
  readonly standstill: StandstillPeriod | null;
  /** A direct award is challenged as a whole, so the target is just the decision. */
  readonly challenges: Challenges<DirectAwardId>;
};

export type DirectAwardState = { readonly status: 'none' } | DirectAward;

export const initialDirectAwardState = (): DirectAwardState => ({ status: 'none' });

export function evolveDirectAward(state: DirectAwardState, event: DirectAwardEvent): DirectAwardState {
  if (event.type === 'DirectAwardDecided') {
    const { decisionId, commissionerId, standstillRule } = event.data;
    return { status: 'decided', decisionId, commissionerId, decision: event.data, standstillRule, standstill: null, challenges: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'IntentionNoticePublished':
      return state;
    case 'DirectAwardStandstillStarted': {
      const { decisionId: _d, ...period } = event.data;
      return { ...state, standstill: period };
    }
    case 'DirectAwardChallengeLodged': {
      const { challengeId, kind, by, grounds, lodgedAt } = event.data;
      const record = { id: challengeId, kind, by, grounds, against: state.decisionId, lodgedAt, decision: null };
      return { ...state, challenges: { ...state.challenges, [challengeId]: record } };
    }
    case 'DirectAwardChallengeUpheld':
    case 'DirectAwardChallengeDismissed': {
      const outcome = event.type === 'DirectAwardChallengeUpheld' ? 'upheld' : 'dismissed';
      const { challengeId, reasons, decidedAt } = event.data;
      return { ...state, challenges: withDecision(state.challenges, challengeId, { outcome, reasons, decidedAt }) };
    }
    case 'DirectAwardCancelled':
      return { ...state, status: 'cancelled' };
    case 'DirectAwardStandstillExtended': {
      if (!state.standstill) return state;
      const { endsAt, further } = event.data;
      const lastWorkingDay = endsAt === further.endsAt ? further.lastWorkingDay : state.standstill.lastWorkingDay;
      return { ...state, standstill: { ...state.standstill, endsAt, lastWorkingDay } };
    }
    case 'DirectAwardConcluded':
      return { ...state, status: 'concluded' };
  }
}
