// Test fixtures for the tender decider specs (no clock: every time is a fixed ISO string).
import type { AmendPublishedTender, AskClarification, DraftTender, TenderCommand } from './commands';
import { defaultHealthServiceCriteria } from './criteria';
import { tenderDecider } from './decider';
import type { TenderEvent } from './events';
import { clarificationId, localityId, lotId, organisationId, serviceLineId, tenderId } from './ids';
import type { Lot } from './lots';
import type { ServiceLine } from './services';
import { evolveTender, initialTenderState, type TenderState } from './state';

export const TENDER = tenderId('tender-1');
export const ICB = organisationId('icb-north-east');
export const OTHER_ICB = organisationId('icb-south-west');
export const PRACTICE = organisationId('practice-riverside');
export const Q1 = clarificationId('q-1');

export const PUBLISH_AT = '2026-01-05T09:00:00.000Z';
export const BEFORE_CLARIFICATION_DEADLINE = '2026-01-20T10:00:00.000Z';
export const CLARIFICATION_DEADLINE = '2026-02-02T12:00:00.000Z';
export const SUBMISSION_DEADLINE = '2026-02-16T12:00:00.000Z';
export const PLANNED_AWARD = '2026-03-16T12:00:00.000Z';

export const SERVICES: ServiceLine[] = [
  {
    id: serviceLineId('core-gms'),
    name: 'Core general practice',
    population: 84_000,
    annualValuePence: 840_000_000,
    localities: [
      { id: localityId('north'), name: 'North', population: 30_000 },
      { id: localityId('south'), name: 'South', population: 24_000 },
      { id: localityId('east'), name: 'East', population: 18_000 },
      { id: localityId('west'), name: 'West', population: 12_000 },
    ],
  },
  { id: serviceLineId('extended-access'), name: 'Extended access', population: 84_000, annualValuePence: 60_000_000, localities: [] },
];

export const draftTender = (overrides: Partial<DraftTender['data']> = {}): DraftTender => ({
  type: 'DraftTender',
  data: {
    tenderId: TENDER,
    commissionerId: ICB,
    title: 'Riverside primary care re-procurement',
    description: 'Core general practice and extended access for 84,000 registered patients.',
    procedureProfileId: 'psr-competitive',
    contractType: 'APMS',
    services: SERVICES,
    population: 84_000,
    estimatedAnnualValuePence: 900_000_000,
    contractTerm: { startDate: '2026-07-01', months: 60 },
    criteria: defaultHealthServiceCriteria(),
    timeline: { clarificationDeadline: CLARIFICATION_DEADLINE, submissionDeadline: SUBMISSION_DEADLINE, plannedAwardDate: PLANNED_AWARD },
    ...overrides,
  },
});

export const TWO_LOTS: Lot[] = [
  {
    id: lotId('lot-core'),
    title: 'Core general practice',
    description: 'All four localities.',
    scope: [{ serviceLineId: serviceLineId('core-gms'), localityIds: [] }],
    population: 84_000,
    estimatedAnnualValuePence: 840_000_000,
  },
  {
    id: lotId('lot-ea'),
    title: 'Extended access',
    description: 'Evening and weekend appointments.',
    scope: [{ serviceLineId: serviceLineId('extended-access'), localityIds: [] }],
    population: 84_000,
    estimatedAnnualValuePence: 60_000_000,
  },
];

export const defineLots = (lots: readonly Lot[] = TWO_LOTS, commissionerId = ICB): TenderCommand => ({
  type: 'DefineLots',
  data: { tenderId: TENDER, commissionerId, lots },
});

export const publish = (now = PUBLISH_AT, commissionerId = ICB): TenderCommand => ({
  type: 'PublishTender',
  data: { tenderId: TENDER, commissionerId, now },
});

export const ask = (overrides: Partial<AskClarification['data']> = {}): AskClarification => ({
  type: 'AskClarification',
  data: { tenderId: TENDER, clarificationId: Q1, askedBy: PRACTICE, question: 'Is TUPE expected to apply?', now: BEFORE_CLARIFICATION_DEADLINE, ...overrides },
});

export const amendPublished = (overrides: Partial<AmendPublishedTender['data']> = {}): AmendPublishedTender => ({
  type: 'AmendPublishedTender',
  data: {
    tenderId: TENDER,
    commissionerId: ICB,
    changes: { submissionDeadline: '2026-02-23T12:00:00.000Z' },
    reason: 'Bidders asked for more time after the TUPE clarification.',
    now: BEFORE_CLARIFICATION_DEADLINE,
    ...overrides,
  },
});

/** Runs commands through the decider from an empty stream and returns every event: realistic `given` lists. */
export function history(...commands: TenderCommand[]): TenderEvent[] {
  const events: TenderEvent[] = [];
  let state: TenderState = initialTenderState();
  for (const command of commands) {
    const produced = tenderDecider.decide(command, state);
    events.push(...produced);
    state = produced.reduce(evolveTender, state);
  }
  return events;
}

export const stateOf = (events: readonly TenderEvent[]): TenderState => events.reduce(evolveTender, initialTenderState());

/** A drafted tender with two lots, ready to publish. */
export const readyToPublish = (): TenderEvent[] => history(draftTender(), defineLots());
export const publishedTender = (): TenderEvent[] => history(draftTender(), defineLots(), publish());
export const askedTender = (): TenderEvent[] => history(draftTender(), defineLots(), publish(), ask());
