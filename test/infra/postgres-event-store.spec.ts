import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresEventStore, type EventStore } from '@tenderledger/event-store';
import { collect, eventStoreContract, newEvent, untilReadable } from '../../libs/event-store/src/testing/contract';
import { describeWithPostgres, PG_URL } from '../support/infra';
import { verifyStream } from '../../libs/event-store/src/verify';

/** Each run gets its own schema, so runs never see each other's events and leave nothing behind. */
const schema = `tl_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const pool = { options: `-c search_path=${schema}` };

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describeWithPostgres('postgres event store', () => {
  beforeAll(() => admin((c) => c.query(`create schema if not exists ${schema}`)));
  afterAll(() => admin((c) => c.query(`drop schema if exists ${schema} cascade`)));

  eventStoreContract('postgres', {
    open: async (options) => (await openPostgresEventStore({ connectionString: PG_URL, pool, ...options })).store,
  });

  describe('gap-safe global order', () => {
    let store: EventStore;
    beforeAll(async () => {
      store = (await openPostgresEventStore({ connectionString: PG_URL, pool })).store;
    });
    afterAll(() => store.close());

    it('a reader never sees a later commit before an earlier, still-open transaction', async () => {
      const slow = new Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
      await slow.connect();
      try {
        const before = await store.headPosition();
        // The slow writer appends inside a transaction it keeps open.
        await slow.query('begin');
        await slow.query(
          `select * from tl_append($1, 'no-stream', $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
          ['tender-slow', [randomUUID()], ['Slow'], [1], ['{}'], ['2026-01-01T00:00:00.000Z'], ['{}'], ['c'], [null], ['{"a":1,"streamVersion":'], [',"type":"Slow"}']],
        );
        // A fast writer commits after it.
        const fast = await store.append(`tender-fast-${randomUUID()}`, [newEvent('Fast', {})], 'no-stream');

        // Only this test's two events count: `before` may lag if another session holds the horizon too.
        const ours = <E extends { type: string }>(events: E[]): E[] => events.filter((e) => e.type === 'Slow' || e.type === 'Fast');
        const whileOpen = ours(await collect(store.readAll({ fromPosition: before })));
        expect(whileOpen.map((e) => e.type)).toEqual([]);

        await slow.query('commit');
        await untilReadable(store, fast.lastPosition!);
        const afterCommit = ours(await collect(store.readAll({ fromPosition: before })));
        expect(afterCommit.map((e) => e.type)).toEqual(['Slow', 'Fast']);
        expect(afterCommit[0]!.globalPosition).toBeLessThan(afterCommit[1]!.globalPosition);
      } finally {
        await slow.query('rollback').catch(() => undefined);
        await slow.end();
      }
    });
  });

  describe('appends chained in the client (previousHash hint) under contention', () => {
    let store: EventStore;
    beforeAll(async () => {
      store = (await openPostgresEventStore({ connectionString: PG_URL, pool, poolSize: 8 })).store;
    });
    afterAll(() => store.close());

    it('8 writers racing on one stream with hints: versions gap-free, chain intact, losers get ConcurrencyError', async () => {
      const id = `tender-race-${randomUUID()}`;
      const first = await store.append(id, [newEvent('TenderDrafted', {})], 'no-stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.append(id, i % 2 ? [newEvent('LotAdded', { i })] : [newEvent('LotAdded', { i }), newEvent('LotAdded', { i, second: true })], 1, { previousHash: first.lastHash }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const lost of outcomes.filter((o) => o.status === 'rejected')) expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
      const events = await collect(store.readStream(id));
      expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
      expect(await verifyStream(store, id)).toMatchObject({ checked: events.length, firstBreak: null });
    });
  });
});
