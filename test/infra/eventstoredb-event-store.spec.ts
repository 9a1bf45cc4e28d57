import { randomUUID } from 'node:crypto';
import { BACKWARDS, END, FORWARDS, jsonEvent, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventStore } from '@tenderledger/event-store';
import { openEventStoreDbEventStore } from '../../libs/event-store/src/eventstoredb/open-eventstoredb';
import { collect, eventStoreContract, newEvent } from '../../libs/event-store/src/testing/contract';
import { verifyStream } from '../../libs/event-store/src/verify';
import { describeWithEventStoreDb, EVENTSTORE_URL } from '../support/infra';

/*
 * The event store contract on a real KurrentDB / EventStoreDB at EVENTSTORE_URL (docker compose up -d
 * eventstoredb). Skipped with a visible line when none answers — also under REQUIRE_INFRA=1, since
 * no EventStoreDB can run where infra/up runs; REQUIRE_EVENTSTORE=1 makes a missing server fail.
 * Streams get random names, so runs against a long-lived server never see each other's streams.
 */
describeWithEventStoreDb('eventstoredb event store', () => {
  eventStoreContract('eventstoredb', {
    open: async (options) => (await openEventStoreDbEventStore({ connectionString: EVENTSTORE_URL, ...options })).store,
  });

  describe('on EventStoreDB itself', () => {
    let store: EventStore;
    let client: KurrentDBClient;
    beforeAll(async () => {
      store = (await openEventStoreDbEventStore({ connectionString: EVENTSTORE_URL })).store;
      client = KurrentDBClient.connectionString(EVENTSTORE_URL);
    });
    afterAll(async () => {
      await store.close();
      await client.dispose();
    });

    it("keeps the envelope in the event's metadata, with ESDB's own $correlationId and $causationId", async () => {
      const id = `tender-${randomUUID()}`;
      const event = newEvent('TenderDrafted', { title: 'Riverside' }, { correlationId: 'corr-esdb', causationId: 'cmd-esdb' });
      await store.append(id, [event], 'no-stream');
      const [raw] = await collect(client.readStream(id, { direction: FORWARDS, maxCount: 1 }));
      expect(raw!.event).toMatchObject({ id: event.eventId, type: 'TenderDrafted', revision: 0n, data: { title: 'Riverside' } });
      const [stored] = await collect(store.readStream(id));
      expect(raw!.event!.metadata).toEqual({
        schemaVersion: 1,
        occurredAt: '2026-03-02T10:15:30.123Z',
        actor: event.actor,
        correlationId: 'corr-esdb',
        causationId: 'cmd-esdb',
        hash: stored!.hash,
        $correlationId: 'corr-esdb',
        $causationId: 'cmd-esdb',
      });
      expect(stored!.recordedAt).toBe(raw!.event!.created.toISOString());
      expect(stored!.globalPosition).toBe(Number(raw!.event!.position!.commit));
    });

    it("writers racing with 'any' on one stream all land, in one unbroken chain", async () => {
      const id = `bid-${randomUUID()}`;
      const results = await Promise.all(Array.from({ length: 12 }, (_, n) => store.append(id, [newEvent('Noted', { n })], 'any')));
      expect(results.every((r) => r.appended)).toBe(true);
      const events = await collect(store.readStream(id));
      expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(new Set(events.map((e) => (e.data as { n: number }).n)).size).toBe(12);
      expect((await verifyStream(store, id)).firstBreak).toBeNull();
    });

    it('a retry after the stream moved on is still a no-op (ESDB alone would refuse it or store it twice)', async () => {
      const id = `tender-${randomUUID()}`;
      const first = newEvent('TenderDrafted', {});
      await store.append(id, [first], 'no-stream');
      await store.append(id, [newEvent('LotAdded', {})], 1);
      await expect(store.append(id, [first], 'no-stream')).resolves.toMatchObject({ appended: false, nextExpectedVersion: 2 });
      await expect(store.append(id, [first], 'any')).resolves.toMatchObject({ appended: false, nextExpectedVersion: 2 });
      expect((await collect(store.readStream(id))).map((e) => e.type)).toEqual(['TenderDrafted', 'LotAdded']);
    });

    it("ESDB's own events never reach readAll, streamIds or subscriptions", async () => {
      const before = await store.headPosition();
      const id = `contract-${randomUUID()}`;
      await store.append(id, [newEvent('ContractRegistered', {})], 'no-stream');
      await client.setStreamMetadata(id, { maxAge: 86_400 }); // writes a $metadata event to $$<id>
      await store.append(id, [newEvent('ContractExtended', {})], 1);
      const read = await collect(store.readAll({ fromPosition: before }));
      expect(read.some((e) => e.type.startsWith('$') || e.streamId.startsWith('$'))).toBe(false);
      expect(read.filter((e) => e.streamId === id).map((e) => e.type)).toEqual(['ContractRegistered', 'ContractExtended']);

      const seen: string[] = [];
      const subscription = store.subscribe((e) => void seen.push(`${e.streamId}:${e.type}`), { fromPosition: before });
      await subscription.caughtUp;
      await subscription.stop();
      expect(seen.filter((s) => s.startsWith('$'))).toEqual([]);
      expect(seen).toEqual(expect.arrayContaining([`${id}:ContractRegistered`, `${id}:ContractExtended`]));

      const names: string[] = [];
      for await (const name of store.streamIds()) names.push(name);
      expect(names).toContain(id);
      expect(names.filter((n) => n.startsWith('$'))).toEqual([]);
      expect(names.filter((n) => n === id)).toHaveLength(1);
    });

    it('verification names an event written behind the adapter’s back', async () => {
      const id = `award-${randomUUID()}`;
      await store.append(id, [newEvent('AwardDecided', { lot: 1 })], 'no-stream');
      const [last] = await collect(client.readStream(id, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
      const forged = newEvent('AwardDecided', { lot: 2 });
      await client.appendToStream(id, jsonEvent({ id: forged.eventId, type: forged.type, data: { lot: 2 }, metadata: { ...(last!.event!.metadata as object), hash: 'f'.repeat(64) } }));
      expect((await verifyStream(store, id)).firstBreak).toMatchObject({ streamVersion: 2, eventId: forged.eventId });
    });
  });
});
