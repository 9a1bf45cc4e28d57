import { randomUUID } from 'node:crypto';
import { openPgliteEventStore } from '../pglite/pglite-event-store';
import { collect, newEvent } from '../testing/contract';
import { envelopeTemplate, GENESIS_HASH } from '../hash-chain';
import { toEnvelope } from '../envelope';
import type { NewEvent } from '../event-store.port';
import type { SqlEventStore } from './sql-event-store';
import { verifyStream } from '../verify';

/**
 * Streams written before tl_append_one/tl_append_json keep verifying, and appends through the new
 * functions continue their chains: the hashes are byte for byte what the old client and the old
 * ten-array tl_append produced.
 */
describe('sql append: old and new data share one hash chain', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = (await openPgliteEventStore()).store;
  });
  afterAll(() => store.close());

  /** Exactly what the client sent before this change: the JSON round trip and ten text[] parameters. */
  async function legacyAppend(streamId: string, events: NewEvent[], expected: string): Promise<string> {
    const envelopes = events.map((e) => toEnvelope(streamId, e));
    const parts = envelopes.map((e) => envelopeTemplate(e));
    const [row] = await store.executor.query<{ outcome: string; last_hash: string }>(
      'select * from tl_append($1, $2, $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int)',
      [
        streamId, expected,
        envelopes.map((e) => e.eventId), envelopes.map((e) => e.type), envelopes.map((e) => e.schemaVersion),
        envelopes.map((e) => JSON.stringify(e.data)), envelopes.map((e) => e.occurredAt), envelopes.map((e) => JSON.stringify(e.actor)),
        envelopes.map((e) => e.correlationId), envelopes.map((e) => e.causationId), parts.map((p) => p.head), parts.map((p) => p.tail), 0,
      ],
    );
    expect(row!.outcome).toBe('appended');
    return row!.last_hash;
  }

  const awkwardData = () => ({ z: 1, a: [undefined, 'é\u2028"'], at: new Date('2026-01-02T03:04:05.678Z'), nested: { b: null, a: 1.5e-7, dropped: undefined } });

  it('old rows, then new single and batch appends, verify as one chain', async () => {
    const id = `tender-${randomUUID()}`;
    const oldHash = await legacyAppend(id, [newEvent('TenderDrafted', awkwardData()), newEvent('LotAdded', { lot: 1 })], 'no-stream');
    expect(oldHash).not.toBe(GENESIS_HASH);
    const one = await store.append(id, [newEvent('LotAdded', awkwardData())], 2);
    const batch = await store.append(id, [newEvent('LotAdded', awkwardData(), { causationId: 'cmd-9' }), newEvent('TenderPublished', {})], 3);
    expect(batch.nextExpectedVersion).toBe(5);
    await legacyAppend(id, [newEvent('BidWindowClosed', awkwardData())], '5');

    expect(await verifyStream(store, id)).toEqual({ streamId: id, checked: 6, firstBreak: null });
    const events = await collect(store.readStream(id));
    expect(events[2]!.hash).toBe(one.lastHash);
    expect(events[1]!.hash).toBe(oldHash);
  });

  it('the same events on the same stream id hash the same through the old function and the new ones', async () => {
    const events = [newEvent('A', awkwardData()), newEvent('B', { x: [1, { y: 'z' }] })];
    const [batchStream, singleStream] = [`tender-${randomUUID()}`, `tender-${randomUUID()}`];
    const legacyBatch = await legacyAppend(batchStream, events, 'no-stream');
    const legacySingle = await legacyAppend(singleStream, [events[0]!], 'no-stream');
    // A second, empty database: same stream ids, same envelopes, written by tl_append_json and tl_append_one.
    const other = (await openPgliteEventStore()).store;
    try {
      expect((await other.append(batchStream, events, 'no-stream')).lastHash).toBe(legacyBatch);
      expect((await other.append(singleStream, [events[0]!], 'no-stream')).lastHash).toBe(legacySingle);
    } finally {
      await other.close();
    }
  });

  it('a retry with the same ids is a no-op, a stale version a conflict, on both new functions', async () => {
    const id = `tender-${randomUUID()}`;
    const single = [newEvent('A', {})];
    const batch = [newEvent('B', {}), newEvent('C', {})];
    await store.append(id, single, 'no-stream');
    expect(await store.append(id, single, 'no-stream')).toMatchObject({ appended: false, nextExpectedVersion: 1 });
    await store.append(id, batch, 1);
    expect(await store.append(id, batch, 1)).toMatchObject({ appended: false, nextExpectedVersion: 3 });
    await expect(store.append(id, [newEvent('D', {})], 1)).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    await expect(store.append(id, [newEvent('D', {}), newEvent('E', {})], 2)).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    expect(await collect(store.readStream(id))).toHaveLength(3);
  });

  it('migrating again keeps every stored event and head', async () => {
    const id = `tender-${randomUUID()}`;
    await store.append(id, [newEvent('A', {}), newEvent('B', {})], 'no-stream');
    const head = await store.streamHead(id);
    await store.migrate();
    expect(await store.streamHead(id)).toEqual(head);
    expect(await verifyStream(store, id)).toMatchObject({ checked: 2, firstBreak: null });
  });
});

describe('sql append chained in the client (AppendOptions.previousHash)', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = (await openPgliteEventStore()).store;
  });
  afterAll(() => store.close());

  it('gives the hashes the server would chain, for single events and batches', async () => {
    const events = [newEvent('A', { z: 1, a: [1, 'é'] }), newEvent('B', { n: null }), newEvent('C', {}), newEvent('D', { d: 'x' })];
    const [hinted, plain] = [`tender-${randomUUID()}`, `tender-${randomUUID()}`];
    let h = await store.append(hinted, [events[0]!], 'no-stream');
    h = await store.append(hinted, [events[1]!], 1, { previousHash: h.lastHash });
    h = await store.append(hinted, [events[2]!, events[3]!], 2, { previousHash: h.lastHash });
    expect(h).toMatchObject({ appended: true, nextExpectedVersion: 4 });
    expect(await verifyStream(store, hinted)).toEqual({ streamId: hinted, checked: 4, firstBreak: null });

    // The same stream id through the server-chained path (no hints, 'exists') in another database.
    const other = (await openPgliteEventStore()).store;
    try {
      await other.append(hinted, [events[0]!], 'any');
      await other.append(hinted, [events[1]!], 'exists');
      const p = await other.append(hinted, [events[2]!, events[3]!], 'exists');
      expect(p.lastHash).toBe(h.lastHash);
    } finally {
      await other.close();
    }
    await store.append(plain, events, 'no-stream');
    expect(await verifyStream(store, plain)).toMatchObject({ checked: 4, firstBreak: null });
  });

  it('a wrong or stale hint changes nothing: same result, conflict or no-op as without it', async () => {
    const id = `tender-${randomUUID()}`;
    const first = await store.append(id, [newEvent('A', {})], 'no-stream');
    const wrong = 'f'.repeat(64);
    const second = await store.append(id, [newEvent('B', {})], 1, { previousHash: wrong });
    expect(second).toMatchObject({ appended: true, nextExpectedVersion: 2 });
    expect(await verifyStream(store, id)).toMatchObject({ checked: 2, firstBreak: null });
    await expect(store.append(id, [newEvent('C', {})], 1, { previousHash: first.lastHash })).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });

    const batch = [newEvent('C', {}), newEvent('D', {})];
    await store.append(id, batch, 2, { previousHash: second.lastHash });
    // idempotent retry with the same hint: no-op
    expect(await store.append(id, batch, 2, { previousHash: second.lastHash })).toMatchObject({ appended: false, nextExpectedVersion: 4 });
    // ids already stored, sent at the current version with the right hint: still a no-op, nothing written
    const head = (await store.streamHead(id))!;
    expect(await store.append(id, batch, 4, { previousHash: head.lastHash })).toMatchObject({ appended: false, nextExpectedVersion: 4 });
    expect(await store.append(id, [batch[0]!], 4, { previousHash: head.lastHash })).toMatchObject({ appended: false });
    expect(await collect(store.readStream(id))).toHaveLength(4);
    expect(await verifyStream(store, id)).toMatchObject({ checked: 4, firstBreak: null });
  });
});
