import { randomUUID } from 'node:crypto';
import type { NewEvent, SqlEventStore } from '@tenderledger/event-store';
import type { TenderCommand } from '@tenderledger/tendering';
import { amendPublished, defineLots, draftTender, history, ICB, publish, TENDER, TWO_LOTS } from '../../../tendering/src/domain/tender.fixtures';

/**
 * A procurement history for the read-model tests, appended straight to a store: organisations,
 * contracts, tenders (drafted, published, some amended, some cancelled) through the tendering
 * decider, bids, award decisions and concluded contracts, and the register's own events. Enough
 * variety for every statistics recorder kind and for OCDS releases that look organisations up.
 */
const PRACTICES = ['p-meadow', 'p-riverside', 'p-hilltop', 'p-brook', 'p-valley', 'p-carecorp'] as const;
const ACTOR = { userId: 'u-test', role: 'admin', organisationId: null };

type Batch = { readonly streamId: string; readonly events: { type: string; data: unknown }[] };

const newEvent = ({ type, data }: { type: string; data: unknown }): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  occurredAt: '2026-03-02T10:00:00.000Z',
  actor: ACTOR,
  correlationId: 'corr-read-models',
});

/** The tendering fixtures name one tender: the same history under another id. */
const renamed = <T>(value: T, tenderId: string): T => JSON.parse(JSON.stringify(value).replaceAll(JSON.stringify(TENDER), JSON.stringify(tenderId))) as T;

export function organisationsBatches(): Batch[] {
  const commissioner = { organisationId: ICB, name: 'North East ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' }, odsCode: 'QHM', listSize: null, staff: null, members: [], sizeBand: null, registeredOn: '2020-01-01' };
  const practices = PRACTICES.map((id, i) => ({
    organisationId: id, name: `Practice ${id.slice(2)}`, kind: 'practice', commissioner: null, odsCode: `A8${1000 + i}`,
    listSize: 4_000 + i * 3_000, staff: null, members: [], sizeBand: i % 3 === 0 ? 'small' : i % 3 === 1 ? 'medium' : 'large', registeredOn: '2020-01-01',
  }));
  return [commissioner, ...practices].map((data) => ({ streamId: `organisation-${data.organisationId}`, events: [{ type: 'OrganisationRegistered', data }] }));
}

/** Everything about tender number `i`, in the order the platform would commit it. */
export function procurementBatches(i: number): Batch[] {
  const tenderId = `tender-${i}`;
  const contractId = `contract-${i}`;
  const holder = PRACTICES[i % PRACTICES.length]!;
  const contract = { contractId, reference: `GMS-${i}`, contractType: i % 2 === 0 ? 'GMS' : 'APMS', commissionerId: ICB, region: 'North East and Yorkshire', holderId: holder, listSize: 8_000, annualValuePence: 100_000_000 + i * 1_000_000, startDate: '2016-04-01', endDate: '2026-03-31', services: [], predecessor: null, registeredOn: '2016-01-01' };
  const batches: Batch[] = [{ streamId: `contract-${contractId}`, events: [{ type: 'ContractRegistered', data: contract }] }];

  const cancelled = i % 5 === 4;
  const commands: TenderCommand[] = [draftTender({ replacesContractId: contractId } as never), defineLots(), publish()];
  if (i % 2 === 1) commands.push(amendPublished());
  if (cancelled) commands.push({ type: 'CancelTender', data: { tenderId: TENDER, commissionerId: ICB, reason: 'Funding withdrawn.', now: '2026-01-25T09:00:00.000Z' } } as TenderCommand);
  batches.push({ streamId: `tender-${tenderId}`, events: renamed(history(...commands), tenderId) });
  batches.push({ streamId: `contract-${contractId}`, events: [{ type: 'ContractMarkedForReprocurement', data: { ...contract, tenderId, markedOn: '2026-01-02' } }] });

  const bidders = [PRACTICES[(i + 1) % PRACTICES.length]!, PRACTICES[(i + 2) % PRACTICES.length]!];
  const bids = bidders.map((bidderId, b) => ({ bidId: `bid-${i}-${b}`, bidderId, lotIds: b === 0 ? ['lot-core', 'lot-ea'] : ['lot-core'] }));
  for (const bid of bids) {
    const events = [{ type: 'BidSubmitted', data: { bidId: bid.bidId, tenderId, bidder: { kind: 'organisation', organisationId: bid.bidderId }, lotIds: bid.lotIds, sealed: { ciphertext: 'x' }, commitment: 'c', submittedAt: '2026-02-01T10:00:00.000Z', submittedBy: bid.bidderId } }];
    if (i % 3 === 0 && bid === bids[1]) events.push({ type: 'BidWithdrawn', data: { bidId: bid.bidId, tenderId, withdrawnAt: '2026-02-03T10:00:00.000Z', by: bid.bidderId } } as never);
    batches.push({ streamId: `bid-${bid.bidId}`, events });
  }
  if (cancelled) return batches;

  const winner = bids[0]!;
  const lots = TWO_LOTS.map((lot) => ({
    lotId: lot.id,
    winner: { bidId: winner.bidId, bidderId: winner.bidderId, bidderName: `Practice ${winner.bidderId.slice(2)}`, annualValuePence: 50_000_000 },
    assessmentSummaries: bids.map((bid, rank) => ({ bidId: bid.bidId, bidderId: bid.bidderId, bidderName: bid.bidderId, rank: rank + 1, outcome: rank === 0 ? 'winner' : 'excluded', scores: {}, winnerScores: {}, reasons: [] })),
  }));
  const contractTerm = { startDate: '2026-07-01', endDate: '2031-06-30' };
  const award = [
    { type: 'AwardDecided', data: { tenderId, commissionerId: ICB, decidedAt: '2026-03-20T10:00:00.000Z', noticePublishedAt: '2026-03-20T10:00:00.000Z', standstillRule: null, contractTerm, decisionMakers: [], reasons: 'Highest score.', lots } },
    ...TWO_LOTS.map((lot) => ({ type: 'ContractConcluded', data: { tenderId, lotId: lot.id, commissionerId: ICB, winnerBidId: winner.bidId, winnerBidderId: winner.bidderId, annualValuePence: 50_000_000, ...contractTerm, replacesContractId: contractId, concludedAt: '2026-04-10T10:00:00.000Z' } })),
  ];
  batches.push({ streamId: `award-${tenderId}`, events: award });
  batches.push({
    streamId: `contract-${contractId}`,
    events: [{ type: 'ContractAwarded', data: { ...contract, tenderId, newHolderId: winner.bidderId, incumbentRetained: winner.bidderId === holder, newStartDate: '2026-07-01', newEndDate: '2031-06-30', newAnnualValuePence: 100_000_000, successorContractId: null, decidedOn: '2026-04-10' } }],
  });
  if (i % 4 === 2) batches.push({ streamId: `contract-${contractId}`, events: [{ type: 'ContractExtended', data: { ...contract, previousEndDate: '2031-06-30', newEndDate: '2032-06-30', decidedOn: '2026-05-01', reason: 'Option used.' } }] });
  return batches;
}

/** Appends tenders `from` .. `from + count - 1` (and, with `organisations`, the organisations first). */
export async function appendProcurements(store: SqlEventStore, from: number, count: number, organisations = false): Promise<void> {
  const batches = [...(organisations ? organisationsBatches() : []), ...Array.from({ length: count }, (_, k) => procurementBatches(from + k)).flat()];
  for (const batch of batches) await store.append(batch.streamId, batch.events.map(newEvent), 'any');
}
