import { conflict, refuse } from '@tenderledger/domain-kit';
import type { AmendDraft, DraftTender } from './commands';
import type { DraftAmended, TenderDrafted } from './events';
import { requireDraft, requireOwner, requireProfile, requireTender } from './guards';
import type { TenderState } from './state';
import type { TenderTerms } from './terms';
import { checkTerms } from './terms-rules';

export function decideDraftTender(command: DraftTender, state: TenderState): TenderDrafted[] {
  if (state.status !== 'none') conflict('TENDER_ALREADY_EXISTS', 'A tender with this id already exists.');
  const d = command.data;
  const profile = requireProfile(d.procedureProfileId);
  const terms: TenderTerms = {
    title: d.title.trim(),
    description: d.description,
    procedureProfileId: profile.id,
    contractType: d.contractType,
    replacesContractId: d.replacesContractId ?? null,
    services: d.services,
    population: d.population,
    estimatedAnnualValuePence: d.estimatedAnnualValuePence,
    contractTerm: d.contractTerm,
    criteria: d.criteria,
    timeline: d.timeline,
    region: d.region ?? null,
    minimumTenderPeriodDays: d.minimumTenderPeriodDays ?? null,
  };
  checkTerms(terms);
  if (d.lotLimit !== undefined) checkLotLimitShape(d.lotLimit);
  return [{ type: 'TenderDrafted', data: { tenderId: d.tenderId, commissionerId: d.commissionerId, terms, lotLimit: d.lotLimit ?? null } }];
}

export function decideAmendDraft(command: AmendDraft, state: TenderState): DraftAmended[] {
  const tender = requireTender(state);
  requireOwner(tender, command.data.commissionerId);
  requireDraft(tender);
  const { procedureProfileId, ...rest } = command.data.changes;
  const changes: Partial<TenderTerms> = {
    ...definedOnly(rest),
    ...(procedureProfileId === undefined ? {} : { procedureProfileId: requireProfile(procedureProfileId).id }),
  };
  if (Object.keys(changes).length === 0) refuse('TENDER_AMENDMENT_EMPTY', 'The amendment changes nothing.');
  const terms: TenderTerms = { ...tender.terms, ...changes };
  checkTerms(terms);
  if (!requireProfile(terms.procedureProfileId).lotsAllowed && tender.lots.length > 1)
    refuse('TENDER_PROFILE_NO_LOTS', 'That procedure does not use lots, and this tender has several: define a single lot first.');
  const lotsCleared = changes.services !== undefined && (tender.lots.length > 0 || tender.pendingProposal !== null);
  return [{ type: 'DraftAmended', data: { tenderId: tender.tenderId, amendedBy: command.data.commissionerId, changes, lotsCleared } }];
}

export function checkLotLimitShape(lotLimit: number): void {
  if (!Number.isSafeInteger(lotLimit) || lotLimit < 1)
    refuse('TENDER_LOT_LIMIT_INVALID', 'The lot limit is the most lots one bidder may win: a whole number, at least one.', { lotLimit });
}

/** Drops keys whose value is undefined, so the event records only what was actually changed. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
