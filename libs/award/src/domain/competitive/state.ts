import type { Challenges } from '../challenges';
import { withDecision } from '../challenges';
import type { ContractTerm } from '../contract-term';
import type { BidId, ContractId, LotId, OrganisationId, TenderId } from '../ids';
import type { StandstillPeriod, StandstillRule } from '../standstill';
import type { Winner } from './assessment';
import type { RankedBid } from './commands';
import type { AwardEvent, ChallengedAward } from './events';

/** 'pending': awarded, waiting for standstill and challenges; 'unawarded': no compliant bid was left. */
export type LotAwardStatus = 'pending' | 'concluded' | 'unawarded';

export type LotAward = {
  readonly lotId: LotId;
  readonly status: LotAwardStatus;
  readonly ranking: readonly RankedBid[];
  readonly explanation: string;
  readonly replacesContractId: ContractId | null;
  /** The current (pending or concluded) winner; null once the lot is left unawarded. */
  readonly winner: Winner | null;
  /** Bids whose award was cancelled after an upheld challenge: never awarded again. */
  readonly cancelledBidIds: readonly BidId[];
  /** Null where the profile has no standstill: conclusion may follow at once. */
  readonly standstill: StandstillPeriod | null;
  readonly concludedAt: string | null;
};

export type Award = {
  readonly status: 'decided';
  readonly tenderId: TenderId;
  readonly commissionerId: OrganisationId;
  readonly standstillRule: StandstillRule | null;
  readonly contractTerm: ContractTerm;
  readonly lotOrder: readonly LotId[];
  readonly lots: Readonly<Record<string, LotAward>>;
  readonly challenges: Challenges<readonly ChallengedAward[]>;
};

export type AwardState = { readonly status: 'none' } | Award;

export const initialAwardState = (): AwardState => ({ status: 'none' });

const updateLot = (award: Award, lotId: LotId, change: (lot: LotAward) => LotAward): Award => {
  const lot = award.lots[lotId];
  return lot ? { ...award, lots: { ...award.lots, [lotId]: change(lot) } } : award;
};

export function evolveAward(state: AwardState, event: AwardEvent): AwardState {
  if (event.type === 'AwardDecided') {
    const { tenderId, commissionerId, standstillRule, contractTerm, lots } = event.data;
    return {
      status: 'decided',
      tenderId,
      commissionerId,
      standstillRule,
      contractTerm,
      lotOrder: lots.map((lot) => lot.lotId),
      lots: Object.fromEntries(
        lots.map((lot): [string, LotAward] => [
          lot.lotId,
          {
            lotId: lot.lotId,
            status: 'pending',
            ranking: lot.ranking,
            explanation: lot.explanation,
            replacesContractId: lot.replacesContractId,
            winner: lot.winner,
            cancelledBidIds: [],
            standstill: null,
            concludedAt: null,
          },
        ]),
      ),
      challenges: {},
    };
  }
  if (state.status === 'none') return state; // a stream never starts with anything else
  switch (event.type) {
    case 'StandstillStarted': {
      const { tenderId: _t, lotIds, ...period } = event.data;
      return lotIds.reduce((award, lotId) => updateLot(award, lotId, (lot) => ({ ...lot, standstill: period })), state);
    }
    case 'ChallengeLodged': {
      const { challengeId, kind, by, grounds, against, lodgedAt } = event.data;
      return { ...state, challenges: { ...state.challenges, [challengeId]: { id: challengeId, kind, by, grounds, against, lodgedAt, decision: null } } };
    }
    case 'ChallengeUpheld':
    case 'ChallengeDismissed': {
      const outcome = event.type === 'ChallengeUpheld' ? 'upheld' : 'dismissed';
      const { challengeId, reasons, decidedAt } = event.data;
      return { ...state, challenges: withDecision(state.challenges, challengeId, { outcome, reasons, decidedAt }) };
    }
    case 'AwardCancelled':
      return updateLot(state, event.data.lotId, (lot) => ({ ...lot, winner: null, standstill: null, cancelledBidIds: [...lot.cancelledBidIds, event.data.bidId] }));
    case 'AwardReassigned':
      return updateLot(state, event.data.lotId, (lot) => ({ ...lot, winner: event.data.winner }));
    case 'LotLeftUnawarded':
      return updateLot(state, event.data.lotId, (lot) => ({ ...lot, status: 'unawarded', winner: null, standstill: null }));
    case 'StandstillExtended':
      return updateLot(state, event.data.lotId, (lot) => {
        if (!lot.standstill) return lot;
        const { endsAt, further } = event.data;
        const lastWorkingDay = endsAt === further.endsAt ? further.lastWorkingDay : lot.standstill.lastWorkingDay;
        return { ...lot, standstill: { ...lot.standstill, endsAt, lastWorkingDay } };
      });
    case 'ContractConcluded':
      return updateLot(state, event.data.lotId, (lot) => ({ ...lot, status: 'concluded', concludedAt: event.data.concludedAt }));
  }
}
