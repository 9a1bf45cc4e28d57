// Test support: a published tender with two lots, appended through the tendering context's own
// decider (its public surface), for bidding tests that cannot go through /api/tenders yet.
import { handleCommand, type CommandContext } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import {
  defaultHealthServiceCriteria,
  lotId,
  organisationId,
  serviceLineId,
  tenderDecider,
  tenderId as asTenderId,
  tenderStreamId,
  type Lot,
  type ServiceLine,
  type TenderCommand,
} from '@tenderledger/tendering';

export const LOT_CORE = 'lot-core';
export const LOT_EXTENDED = 'lot-extended-access';
/** The PSR key criteria that need a written response (the tender's default criteria). */
export const CRITERIA = defaultHealthServiceCriteria().map((c) => c.id as string);

const SERVICES: ServiceLine[] = [
  { id: serviceLineId('core-gms'), name: 'Core general practice', population: 84_000, annualValuePence: 840_000_000, localities: [] },
  { id: serviceLineId('extended-access'), name: 'Extended access', population: 84_000, annualValuePence: 60_000_000, localities: [] },
];
const LOTS: Lot[] = [
  { id: lotId(LOT_CORE), title: 'Core general practice', description: 'All localities.', scope: [{ serviceLineId: serviceLineId('core-gms'), localityIds: [] }], population: 84_000, estimatedAnnualValuePence: 840_000_000 },
  { id: lotId(LOT_EXTENDED), title: 'Extended access', description: 'Evenings and weekends.', scope: [{ serviceLineId: serviceLineId('extended-access'), localityIds: [] }], population: 84_000, estimatedAnnualValuePence: 60_000_000 },
];

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Drafts, lots and publishes a PSR competitive tender; returns the last global position written. */
export async function publishTender(
  store: EventStore,
  options: { tenderId: string; commissionerId: string; publishAt: string; submissionDeadline: string },
): Promise<number | null> {
  const tenderId = asTenderId(options.tenderId);
  const commissionerId = organisationId(options.commissionerId);
  const deadline = Date.parse(options.submissionDeadline);
  const publishAt = Date.parse(options.publishAt);
  const commands: TenderCommand[] = [
    {
      type: 'DraftTender',
      data: {
        tenderId,
        commissionerId,
        title: 'Valley primary care re-procurement',
        description: 'Core general practice and extended access for 84,000 patients.',
        procedureProfileId: 'psr-competitive',
        contractType: 'APMS',
        services: SERVICES,
        population: 84_000,
        estimatedAnnualValuePence: 900_000_000,
        contractTerm: { startDate: '2026-10-01', months: 60 },
        criteria: defaultHealthServiceCriteria(),
        timeline: { clarificationDeadline: iso((publishAt + deadline) / 2), submissionDeadline: options.submissionDeadline, plannedAwardDate: iso(deadline + 30 * DAY) },
      },
    },
    { type: 'DefineLots', data: { tenderId, commissionerId, lots: LOTS } },
    { type: 'PublishTender', data: { tenderId, commissionerId, now: options.publishAt } },
  ];
  const context: CommandContext = { actor: { userId: 'commissioner', role: 'commissioner', organisationId: options.commissionerId }, correlationId: `tender-${options.tenderId}`, now: new Date(options.publishAt) };
  let last: number | null = null;
  for (const command of commands) last = (await handleCommand(store, tenderStreamId(tenderId), tenderDecider, command, context)).lastPosition ?? last;
  return last;
}
