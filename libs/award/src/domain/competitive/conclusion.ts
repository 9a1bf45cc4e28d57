import { isOpen } from '../challenges';
import type { LotId } from '../ids';
import { standstillOver } from '../standstill';
import type { Award, AwardState, LotAward } from './state';

/** Why a pending lot cannot be concluded at `now`, or null when it can. */
export type ConclusionBlock = 'suspended-by-challenge' | 'standstill-not-over';

export function conclusionBlock(award: Award, lot: LotAward, now: string): ConclusionBlock | null {
  const challenged = Object.values(award.challenges).some((c) => isOpen(c) && c.against.some((a) => a.lotId === lot.lotId));
  if (challenged) return 'suspended-by-challenge';
  if (lot.standstill && !standstillOver(lot.standstill.endsAt, now)) return 'standstill-not-over';
  return null;
}

/** Lots still waiting for conclusion (awarded, not concluded), in decision order. */
export const pendingLots = (award: Award): LotAward[] =>
  award.lotOrder.map((id) => award.lots[id]!).filter((lot) => lot.status === 'pending' && lot.winner !== null);

/** The lots ConcludeContract would conclude now. */
export const lotsDueForConclusion = (award: Award, now: string): LotId[] =>
  pendingLots(award).filter((lot) => conclusionBlock(award, lot, now) === null).map((lot) => lot.lotId);

/** For the conclusion process manager: would ConcludeContract at `now` conclude anything? */
export const dueForConclusion = (state: AwardState, now: string): boolean =>
  state.status === 'decided' && lotsDueForConclusion(state, now).length > 0;
