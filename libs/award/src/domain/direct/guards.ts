import { conflict, notFound, refuse } from '@tenderledger/domain-kit';
import type { OrganisationId } from '../ids';
import type { DirectAward, DirectAwardState } from './state';

export function requireDirectAward(state: DirectAwardState): DirectAward {
  if (state.status === 'none') return notFound('DIRECT_AWARD_NOT_FOUND', 'There is no such direct award decision.');
  return state;
}

export function requireNotCancelled(award: DirectAward): void {
  if (award.status === 'cancelled')
    conflict('DIRECT_AWARD_CANCELLED', 'This direct award was cancelled after a challenge was upheld; a new decision is needed.');
}

export function requireOwner(award: DirectAward, commissionerId: OrganisationId): void {
  if (award.commissionerId !== commissionerId)
    refuse('AWARD_NOT_OWNER', 'Only the commissioner that took this decision may record outcomes on it.', { commissionerId });
}
