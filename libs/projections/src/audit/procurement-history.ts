import { notFound } from '@tenderledger/domain-kit';
import type { EventStore, StoredEvent } from '@tenderledger/event-store';
import { tenderDecider, tenderStreamId, tenderId as asTenderId, type Tender, type TenderEvent } from '@tenderledger/tendering';
import type { AuditIndex } from './audit-index.projection';

/** Every stream of one procurement, read in full (a procurement is small: a few hundred events at most). */
export interface ProcurementHistory {
  readonly tenderId: string;
  /** The tender as it stands now: who commissions it decides who may read its audit. */
  readonly tender: Tender;
  readonly tenderEvents: readonly StoredEvent[];
  readonly bids: ReadonlyMap<string, readonly StoredEvent[]>;
  readonly evaluation: readonly StoredEvent[];
  readonly award: readonly StoredEvent[];
  /** Only the register events this procurement caused (a replaced contract's older history is not part of it). */
  readonly contracts: ReadonlyMap<string, readonly StoredEvent[]>;
}

export async function readAllOf(store: EventStore, streamId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A register event belongs to this procurement when it names the tender (or names it as a predecessor's). */
export function concernsTender(event: StoredEvent, tenderId: string): boolean {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const predecessor = (data['predecessor'] ?? {}) as Record<string, unknown>;
  return str(data['tenderId']) === tenderId || str(predecessor['tenderId']) === tenderId;
}

export async function loadProcurement(store: EventStore, index: AuditIndex, tenderId: string): Promise<ProcurementHistory> {
  const tenderEvents = await readAllOf(store, tenderStreamId(asTenderId(tenderId)));
  const tender = tenderEvents.reduce((state, e) => tenderDecider.evolve(state, { type: e.type, data: e.data } as TenderEvent), tenderDecider.initialState());
  if (tender.status === 'none') return notFound('AUDIT_TENDER_NOT_FOUND', `There is no tender ${tenderId}.`, { tenderId });

  const bids = new Map<string, readonly StoredEvent[]>();
  for (const streamId of index.bidStreams(tenderId)) bids.set(streamId, await readAllOf(store, streamId));

  const contractStreams = new Set(index.contractStreams(tenderId));
  // The replaced contract is found from the tender itself too, in case the register never recorded the link.
  if (tender.terms.replacesContractId) contractStreams.add(`contract-${tender.terms.replacesContractId}`);
  const contracts = new Map<string, readonly StoredEvent[]>();
  for (const streamId of contractStreams) {
    const related = (await readAllOf(store, streamId)).filter((e) => concernsTender(e, tenderId));
    if (related.length > 0) contracts.set(streamId, related);
  }

  return {
    tenderId,
    tender,
    tenderEvents,
    bids,
    evaluation: await readAllOf(store, `evaluation-${tenderId}`),
    award: await readAllOf(store, `award-${tenderId}`),
    contracts,
  };
}
