import { conflict, notFound, refuse } from '@tenderledger/domain-kit';
import type { OrganisationId } from './ids';
import { procedureProfile, type ProcedureProfile } from './procedure-profiles';
import type { Tender, TenderState, TenderStatus } from './state';
import { isInstant } from './timeline';

// Shared checks, in the order every command applies them: the tender exists, the caller owns it,
// the tender is in a state that allows the command. Rule checks on the content come after.

export function requireTender(state: TenderState): Tender {
  // 'not-found' so the HTTP edge answers 404, as for every other missing resource.
  if (state.status === 'none') return notFound('TENDER_NOT_FOUND', 'There is no such tender.');
  return state;
}

export function requireOwner(tender: Tender, commissionerId: OrganisationId): void {
  if (tender.commissionerId !== commissionerId)
    refuse('TENDER_NOT_OWNER', 'Only the commissioner that drafted this tender may change it.', { commissionerId });
}

export function requireNotCancelled(tender: Tender): asserts tender is Tender & { readonly status: Exclude<TenderStatus, 'cancelled'> } {
  if (tender.status === 'cancelled') conflict('TENDER_CANCELLED', 'This tender has been cancelled; nothing more can be done with it.');
}

export function requireDraft(tender: Tender): void {
  requireNotCancelled(tender);
  if (tender.status !== 'draft') conflict('TENDER_NOT_DRAFT', 'This tender has been published; change it with an amendment and a reason instead.');
}

/** Published and open (submissions not yet closed): clarifications and amendments need this. */
export function requirePublished(tender: Tender): void {
  requireNotCancelled(tender);
  if (tender.status === 'draft') conflict('TENDER_NOT_PUBLISHED', 'This tender has not been published yet.');
}

export function requireProfile(id: string): ProcedureProfile {
  const profile = procedureProfile(id);
  if (!profile) return refuse('TENDER_PROFILE_UNKNOWN', `"${id}" is not a procedure TenderLedger knows.`, { procedureProfileId: id });
  return profile;
}

export function requireInstant(value: string, field: string): void {
  if (!isInstant(value)) refuse('TENDER_INVALID_DATE', `${field} is not a date and time.`, { field });
}

export function requireText(value: string | undefined, code: string, sentence: string): string {
  if (value === undefined || value.trim() === '') return refuse(code, sentence);
  return value.trim();
}
