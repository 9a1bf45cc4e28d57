import { randomUUID } from 'node:crypto';
import type { EventData, RecordedEvent } from '@kurrent/kurrentdb-client';
// The client's own decoder of what the server sends: the read side of the round trip is the real code.
import { convertRustRecord } from '@kurrent/kurrentdb-client/dist/utils/convertRustEvent';
import { openPgliteEventStore } from '../pglite/pglite-event-store';
import { toEnvelope } from '../envelope';
import { collect, newEvent } from '../testing/contract';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import { verifyStream } from '../verify';
import type { EventStore, NewEvent, StoredEvent, StreamHead } from '../event-store.port';
import { chainedEventData, isSystemEvent, toStoredEvent, type TenderLedgerMetadata } from './event-mapping';

/**
 * What EventStoreDB hands back for an event the client wrote: the client JSON-stringifies data and
 * metadata on append (streams/appendToStream), the server keeps the bytes, and on read the client's
 * convertRustRecord parses them. `created` is the server's clock, the position its log offset.
 */
function asRecordedByServer(event: EventData, streamId: string, revision: number, commit: bigint, created: Date): RecordedEvent {
  return convertRustRecord({
    streamId,
    id: event.id,
    type: event.type,
    isJson: true,
    revision: BigInt(revision),
    created: created.getTime(),
    data: new Uint8Array(Buffer.from(JSON.stringify(event.data), 'utf8')),
    metadata: new Uint8Array(Buffer.from(JSON.stringify(event.metadata), 'utf8')),
    position: { commit, prepare: commit },
  });
}

const created = new Date('2026-03-02T10:15:31.456Z');

/** Appends through the ESDB mapping (as the adapter does) and reads back what the server would return. */
function throughEventStoreDb(streamId: string, events: readonly NewEvent[], head: StreamHead | null = null, firstCommit = 4_096n): StoredEvent[] {
  const { events: proposed } = chainedEventData(events.map((e) => toEnvelope(streamId, e)), head);
  return proposed.map((event, i) => toStoredEvent(asRecordedByServer(event, streamId, (head?.version ?? 0) + i, firstCommit + BigInt(i) * 512n, created)));
}

describe('EventStoreDB metadata ↔ StoredEvent', () => {
  it('round-trips the whole envelope: metadata carries what ESDB has no slot for, recordedAt is ESDB created', () => {
    const streamId = `tender-${randomUUID()}`;
    const event = newEvent('TenderDrafted', { title: 'Riverside GP services', lots: [{ id: 'lot-1', value: 1250000.5 }], note: 'é ✓ "quoted"' }, { correlationId: 'c-7', causationId: 'cmd-1', schemaVersion: 2 });
    const { events: [proposed] } = chainedEventData([toEnvelope(streamId, event)], null);
    expect(proposed!.id).toBe(event.eventId);
    expect(proposed!.contentType).toBe('application/json');
    const metadata = proposed!.metadata as unknown as TenderLedgerMetadata;
    expect(metadata).toEqual({
      schemaVersion: 2,
      occurredAt: '2026-03-02T10:15:30.123Z',
      actor: event.actor,
      correlationId: 'c-7',
      causationId: 'cmd-1',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      $correlationId: 'c-7',
      $causationId: 'cmd-1',
    });

    const [stored] = throughEventStoreDb(streamId, [event]);
    expect(stored).toEqual({
      eventId: event.eventId,
      type: 'TenderDrafted',
      schemaVersion: 2,
      data: event.data,
      streamId,
      streamVersion: 1,
      globalPosition: 4096,
      occurredAt: '2026-03-02T10:15:30.123Z',
      recordedAt: created.toISOString(),
      actor: event.actor,
      correlationId: 'c-7',
      causationId: 'cmd-1',
      hash: metadata.hash,
    });
  });

  it('keeps a null causation as null and leaves ESDB’s $causationId out', () => {
    const streamId = `bid-${randomUUID()}`;
    const { events: [proposed] } = chainedEventData([toEnvelope(streamId, newEvent('BidDrafted', {}))], null);
    expect(proposed!.metadata).not.toHaveProperty('$causationId');
    expect(throughEventStoreDb(streamId, [newEvent('BidDrafted', {})])[0]!.causationId).toBeNull();
  });

  it('stores data that is not an object (null, a number, a string) and reads it back unchanged', () => {
    const streamId = `tender-${randomUUID()}`;
    const read = throughEventStoreDb(streamId, [newEvent('Nothing', null), newEvent('Count', 3), newEvent('Text', 'plain')]);
    expect(read.map((e) => e.data)).toEqual([null, 3, 'plain']);
  });

  it('tells ESDB’s own events from domain events', () => {
    expect(isSystemEvent({ type: '$metadata', streamId: '$$tender-1' })).toBe(true);
    expect(isSystemEvent({ type: '$>', streamId: '$ce-tender' })).toBe(true);
    expect(isSystemEvent({ type: 'Whatever', streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ type: 'TenderPublished', streamId: 'tender-1' })).toBe(false);
  });
});

describe('EventStoreDB hash chain = SQL adapter hash chain', () => {
  let sql: EventStore;
  beforeAll(async () => {
    sql = (await openPgliteEventStore()).store;
  });
  afterAll(() => sql.close());

  it('chains the same hashes for the same events as the SQL append, and verification accepts the ESDB-shaped events', async () => {
    const streamId = `tender-${randomUUID()}`;
    const first = [
      newEvent('TenderDrafted', { title: 'Lot ✓ "é"', nested: { z: 1, a: [true, null, 0.1] }, when: new Date('2026-01-02T03:04:05Z') }, { correlationId: 'c-1', causationId: 'cmd-9' }),
      newEvent('LotAdded', { lotId: 'lot-1', value: 1250000.5, dropped: undefined }),
    ];
    const second = [newEvent('TenderPublished', { at: '2026-03-03' }, { schemaVersion: 3 })];
    await sql.append(streamId, first, 'no-stream');
    await sql.append(streamId, second, 2);
    const fromSql = await collect(sql.readStream(streamId, { raw: true }));

    // Two appends through the ESDB path: the second chains from the head the first left.
    const firstBatch = throughEventStoreDb(streamId, first);
    const head = { version: 2, lastHash: firstBatch[1]!.hash };
    const fromEventStoreDb = [...firstBatch, ...throughEventStoreDb(streamId, second, head, 8_192n)];

    expect(fromEventStoreDb.map((e) => e.hash)).toEqual(fromSql.map((e) => e.hash));
    const envelope = ({ globalPosition: _p, recordedAt: _r, ...rest }: StoredEvent) => rest;
    expect(fromEventStoreDb.map(envelope)).toEqual(fromSql.map(envelope));
    // The chain recomputes from the ESDB-shaped events alone, as verifyStream does.
    let previous = GENESIS_HASH;
    for (const event of fromEventStoreDb) {
      expect(chainHash(previous, event)).toBe(event.hash);
      previous = event.hash;
    }
  });

  it('verifyStream accepts an ESDB-shaped stream and names the first altered event', async () => {
    const streamId = `award-${randomUUID()}`;
    const events = throughEventStoreDb(streamId, [newEvent('AwardDecided', { lot: 1 }), newEvent('StandstillStarted', { days: 8 }), newEvent('ContractConcluded', {})]);
    const over = (stored: StoredEvent[]): EventStore =>
      ({
        async *readStream() {
          yield* stored;
        },
        streamHead: async () => ({ version: stored.length, lastHash: stored[stored.length - 1]!.hash }),
      }) as unknown as EventStore;
    expect((await verifyStream(over(events), streamId)).firstBreak).toBeNull();
    const tampered = events.map((e) => (e.streamVersion === 2 ? { ...e, data: { days: 5 } } : e));
    expect((await verifyStream(over(tampered), streamId)).firstBreak).toMatchObject({ streamVersion: 2, eventId: events[1]!.eventId });
  });
});
