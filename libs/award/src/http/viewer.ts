import type { Identity } from '@tenderledger/auth';

/**
 * How much of an award a caller sees: 'full' (the deciding commissioner, an admin, an auditor),
 * 'bidder' (its own assessment summaries and challenges besides the public notice) or 'public'.
 */
export type Visibility = 'full' | 'bidder' | 'public';

export function visibilityOf(actor: Identity, commissionerId: string): Visibility {
  if (actor.role === 'auditor' || actor.role === 'admin') return 'full';
  if (actor.role === 'commissioner') return actor.organisationId === commissionerId ? 'full' : 'public';
  return actor.role === 'bidder' ? 'bidder' : 'public';
}

/** Whether a record lodged or owned by `organisationId` shows to this caller. */
export const shows = (visibility: Visibility, actor: Identity, organisationId: string): boolean =>
  visibility === 'full' || (visibility === 'bidder' && actor.organisationId === organisationId);
