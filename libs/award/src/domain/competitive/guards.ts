import { notFound, refuse } from '@tenderledger/domain-kit';
import type { OrganisationId } from '../ids';
import type { Award, AwardState } from './state';

export function requireAward(state: AwardState): Award {
  if (state.status === 'none') return notFound('AWARD_NOT_DECIDED', 'No award has been decided for this tender yet.');
  return state;
}

export function requireOwner(award: Award, commissionerId: OrganisationId): void {
  if (award.commissionerId !== commissionerId)
    refuse('AWARD_NOT_OWNER', 'Only the commissioner that decided this award may record outcomes on it.', { commissionerId });
}
