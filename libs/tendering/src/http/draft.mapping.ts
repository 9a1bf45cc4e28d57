import { BadRequestException } from '@nestjs/common';
import type { ErrorBody } from '@tenderledger/http-kit';
import { defaultHealthServiceCriteria, type AwardCriterion } from '../domain/criteria';
import { contractId, criterionId, localityId, lotId, serviceLineId } from '../domain/ids';
import type { Lot } from '../domain/lots';
import type { ServiceLine } from '../domain/services';
import type { DraftChanges } from '../domain/terms';
import type { ContractTerm, Timeline } from '../domain/timeline';
import type { AmendDraftDto, DraftTenderDto } from './draft.dto';
import type { ContractTermDto, CriterionDto, ServiceLineDto, TimelineDto } from './terms.dto';
import type { LotDto } from './lots.dto';

// DTO → domain shapes: brands the ids and fills defaults; the decider judges the content.

/** A 400 in the shape the validation pipe gives, for checks class-validator cannot express. */
export function badField(field: string, problem: string): BadRequestException {
  const body: ErrorBody = { statusCode: 400, code: 'VALIDATION_FAILED', message: `${field}: ${problem}`, fields: [{ field, problems: [problem] }] };
  return new BadRequestException(body);
}

export const toServiceLines = (lines: readonly ServiceLineDto[]): ServiceLine[] =>
  lines.map((line) => ({
    id: serviceLineId(line.id),
    name: line.name,
    population: line.population,
    annualValuePence: line.annualValuePence,
    localities: (line.localities ?? []).map((l) => ({ id: localityId(l.id), name: l.name, population: l.population })),
  }));

export const toCriteria = (criteria: readonly CriterionDto[] | undefined): AwardCriterion[] =>
  criteria === undefined
    ? defaultHealthServiceCriteria()
    : criteria.map((c) => ({
        id: criterionId(c.id),
        name: c.name,
        description: c.description ?? '',
        kind: c.kind,
        ...(c.psrKeyCriterion === undefined ? {} : { psrKeyCriterion: c.psrKeyCriterion }),
        weightBasisPoints: c.weightBasisPoints,
        maxScore: c.maxScore,
        passMark: c.passMark ?? null,
      }));

export function toContractTerm(term: ContractTermDto, field = 'contractTerm'): ContractTerm {
  if (term.endDate !== undefined && term.months !== undefined) throw badField(`${field}.months`, 'give either endDate or months, not both');
  if (term.endDate !== undefined) return { startDate: term.startDate, endDate: term.endDate };
  if (term.months !== undefined) return { startDate: term.startDate, months: term.months };
  throw badField(`${field}.endDate`, 'give either endDate or months');
}

export const toLots = (lots: readonly LotDto[]): Lot[] =>
  lots.map((lot) => ({
    id: lotId(lot.id),
    title: lot.title,
    description: lot.description,
    scope: lot.scope.map((part) => ({ serviceLineId: serviceLineId(part.serviceLineId), localityIds: part.localityIds.map(localityId) })),
    population: lot.population,
    estimatedAnnualValuePence: lot.estimatedAnnualValuePence,
  }));

/** The terms of a new draft, without the ids the controller decides (tender, commissioner). */
export function toDraftTerms(body: DraftTenderDto) {
  return {
    title: body.title,
    description: body.description,
    procedureProfileId: body.procedureProfileId,
    contractType: body.contractType,
    ...(body.replacesContractId ? { replacesContractId: contractId(body.replacesContractId) } : {}),
    services: toServiceLines(body.services),
    population: body.population,
    estimatedAnnualValuePence: body.estimatedAnnualValuePence,
    contractTerm: toContractTerm(body.contractTerm),
    criteria: toCriteria(body.criteria),
    timeline: plainTimeline(body.timeline),
    ...(body.region ? { region: body.region } : {}),
    ...(body.lotLimit === undefined ? {} : { lotLimit: body.lotLimit }),
    ...(body.minimumTenderPeriodDays == null ? {} : { minimumTenderPeriodDays: body.minimumTenderPeriodDays }),
  };
}

/** Only the fields sent; `null` clears the three optional terms and is ignored elsewhere. */
export function toDraftChanges(body: AmendDraftDto): DraftChanges {
  const changes: { -readonly [K in keyof DraftChanges]: DraftChanges[K] } = {};
  if (body.title != null) changes.title = body.title;
  if (body.description != null) changes.description = body.description;
  if (body.procedureProfileId != null) changes.procedureProfileId = body.procedureProfileId;
  if (body.contractType != null) changes.contractType = body.contractType;
  if (body.replacesContractId !== undefined) changes.replacesContractId = body.replacesContractId === null ? null : contractId(body.replacesContractId);
  if (body.services != null) changes.services = toServiceLines(body.services);
  if (body.population != null) changes.population = body.population;
  if (body.estimatedAnnualValuePence != null) changes.estimatedAnnualValuePence = body.estimatedAnnualValuePence;
  if (body.contractTerm != null) changes.contractTerm = toContractTerm(body.contractTerm);
  if (body.criteria != null) changes.criteria = toCriteria(body.criteria);
  if (body.timeline != null) changes.timeline = plainTimeline(body.timeline);
  if (body.region !== undefined) changes.region = body.region;
  if (body.minimumTenderPeriodDays !== undefined) changes.minimumTenderPeriodDays = body.minimumTenderPeriodDays;
  return changes;
}

/** A plain object, not the DTO instance: event data is canonical JSON. */
const plainTimeline = (t: TimelineDto): Timeline => ({ clarificationDeadline: t.clarificationDeadline, submissionDeadline: t.submissionDeadline, plannedAwardDate: t.plannedAwardDate });
