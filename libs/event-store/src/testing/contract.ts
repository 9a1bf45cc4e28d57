import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '../event-store.port';
import { ConcurrencyError, PartialDuplicateError } from '../errors';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import { UpcasterRegistry } from '../upcasters';
import { verifyStream } from '../verify';

/**
 * The event store contract (DESIGN §5): every adapter runs this same suite.
 * `open` gives a store on an empty database; `upcasters` lets the suite check the hook.
 */
export interface ContractHarness {
  open(options?: { upcasters?: UpcasterRegistry }): Promise<EventStore>;
  /** Drops whatever `open` created. */
  cleanup?(): Promise<void>;
}

const actor = { userId: 'user-1', role: 'commissioner', organisationId: 'org-icb-1' };

export const newEvent = (type: string, data: unknown, overrides: Partial<NewEvent> = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  occurredAt: '2026-03-02T10:15:30.123Z',
  actor,
  correlationId: 'corr-1',
  causationId: null,
  ...overrides,
});

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const stream = (prefix = 'tender'): string => `${prefix}-${randomUUID()}`;

/**
 * Waits until global readers may see `position`. On a shared PostgreSQL server another session's
 * open write transaction holds the gap-safe horizon back for a moment (the point of the design),
 * so a test that reads the global order right after appending waits for it first.
 */
export async function untilReadable(store: EventStore, position: number, timeoutMs = 30_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; (await store.headPosition()) < position; ) {
    if (Date.now() > until) throw new Error(`position ${position} did not become readable within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function eventStoreContract(adapter: string, harness: ContractHarness): void {
  describe(`event store contract: ${adapter}`, () => {
    let store: EventStore;

    beforeAll(async () => {
      store = await harness.open();
    });

    afterAll(async () => {
      await store?.close();
      await harness.cleanup?.();
    });

    describe('append and read a stream', () => {
      it('stores the envelope, numbers versions from 1 and chains hashes', async () => {
        const id = stream();
        const events = [
          newEvent('TenderDrafted', { title: 'Riverside GP services', lots: [] }, { correlationId: 'c-7', causationId: 'cmd-1' }),
          newEvent('LotAdded', { lotId: 'lot-1', value: 1250000.5 }),
        ];
        const result = await store.append(id, events, 'no-stream');
        expect(result).toMatchObject({ nextExpectedVersion: 2, appended: true });
        // Positions are sparse (a log offset on EventStoreDB): compare them, never count with them.
        expect(result.lastPosition!).toBeGreaterThan(result.firstPosition!);

        const read = await collect(store.readStream(id));
        expect(read.map((e) => [e.type, e.streamVersion, e.streamId])).toEqual([
          ['TenderDrafted', 1, id],
          ['LotAdded', 2, id],
        ]);
        expect(read.map((e) => e.globalPosition)).toEqual([result.firstPosition, result.lastPosition]);
        expect(read[0]).toMatchObject({
          eventId: events[0]!.eventId,
          schemaVersion: 1,
          data: { title: 'Riverside GP services', lots: [] },
          occurredAt: '2026-03-02T10:15:30.123Z',
          actor,
          correlationId: 'c-7',
          causationId: 'cmd-1',
        });
        expect(Date.parse(read[0]!.recordedAt)).not.toBeNaN();
        // The database chained the hashes; the same formula in TypeScript must agree.
        const first = chainHash(GENESIS_HASH, { ...read[0]!, occurredAt: read[0]!.occurredAt });
        expect(read[0]!.hash).toBe(first);
        expect(read[1]!.hash).toBe(chainHash(first, read[1]!));
        expect(result.lastHash).toBe(read[1]!.hash);
        expect(await store.streamHead(id)).toEqual({ version: 2, lastHash: read[1]!.hash });
        expect((await verifyStream(store, id)).firstBreak).toBeNull();
      });

      it('stores any JSON value as data, null included, on every append path, and verifies the chain', async () => {
        const id = stream();
        // (A bare string is not a supported data shape: events carry objects; row mapping reads strings as JSON text.)
        const odd = [null, [1, 'two', null], 0, { nested: { empty: {} } }, true];
        // A new stream (client-chained batch), one event with the hash hint (client-chained single),
        // then a batch at 'any' (server-chained): the three ways an append can travel.
        const first = await store.append(id, odd.slice(0, 2).map((data) => newEvent('Odd', data)), 'no-stream');
        await store.append(id, [newEvent('Odd', odd[2])], 2, { previousHash: first.lastHash! });
        await store.append(id, odd.slice(3).map((data) => newEvent('Odd', data)), 'any');
        const read = await collect(store.readStream(id));
        expect(read.map((e) => e.data)).toEqual(odd);
        expect((await verifyStream(store, id)).firstBreak).toBeNull();
      });

      it('reads a version range and pages through long streams', async () => {
        const id = stream();
        await store.append(id, Array.from({ length: 25 }, (_, i) => newEvent('Counted', { i })), 'no-stream');
        const middle = await collect(store.readStream(id, { fromVersion: 5, toVersion: 9, pageSize: 2 }));
        expect(middle.map((e) => e.streamVersion)).toEqual([5, 6, 7, 8, 9]);
        const all = await collect(store.readStream(id, { pageSize: 7 }));
        expect(all.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 25 }, (_, i) => i));
        expect(await collect(store.readStream(stream()))).toEqual([]);
      });
    });

    describe('expected version', () => {
      it('refuses a stale version with ConcurrencyError and writes nothing', async () => {
        const id = stream();
        await store.append(id, [newEvent('A', {})], 'no-stream');
        await store.append(id, [newEvent('B', {})], 1);
        const stale = store.append(id, [newEvent('C', {})], 1);
        await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append(id, [newEvent('C', {})], 1)).rejects.toMatchObject({ streamId: id, expected: 1, actual: 2 });
        expect((await collect(store.readStream(id))).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it("distinguishes 'no-stream', 'exists' and 'any'", async () => {
        const id = stream();
        await expect(store.append(id, [newEvent('A', {})], 'exists')).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append(id, [newEvent('A', {})], 3)).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.streamHead(id)).toBeNull();
        await store.append(id, [newEvent('A', {})], 'any');
        await expect(store.append(id, [newEvent('B', {})], 'no-stream')).rejects.toBeInstanceOf(ConcurrencyError);
        await store.append(id, [newEvent('B', {})], 'exists');
        const result = await store.append(id, [newEvent('C', {})], 'any');
        expect(result.nextExpectedVersion).toBe(3);
        expect((await verifyStream(store, id)).firstBreak).toBeNull();
      });

      it('two writers racing on one stream: exactly one wins, nothing half-written', async () => {
        for (let round = 0; round < 10; round++) {
          const id = stream('bid');
          await store.append(id, [newEvent('BidDrafted', { round })], 'no-stream');
          const writers = ['alpha', 'beta'].map((who) =>
            store.append(id, [newEvent('BidSubmitted', { who }), newEvent('CommitmentPublished', { who })], 1).then(
              () => who,
              (error: unknown) => error,
            ),
          );
          const outcomes = await Promise.all(writers);
          const winners = outcomes.filter((o) => typeof o === 'string');
          const losers = outcomes.filter((o) => o instanceof ConcurrencyError);
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(1);
          const events = await collect(store.readStream(id));
          expect(events.map((e) => [e.type, (e.data as { who?: string }).who])).toEqual([
            ['BidDrafted', undefined],
            ['BidSubmitted', winners[0]],
            ['CommitmentPublished', winners[0]],
          ]);
        }
      });

      it("two writers creating the same stream with 'no-stream': one wins", async () => {
        const id = stream();
        const outcomes = await Promise.allSettled([
          store.append(id, [newEvent('A', { n: 1 })], 'no-stream'),
          store.append(id, [newEvent('A', { n: 2 })], 'no-stream'),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
        expect(await collect(store.readStream(id))).toHaveLength(1);
      });
    });

    describe('idempotent retries', () => {
      it('appending the same event ids again is a no-op', async () => {
        const id = stream();
        const events = [newEvent('A', {}), newEvent('B', {})];
        await store.append(id, events, 'no-stream');
        const retry = await store.append(id, events, 'no-stream');
        expect(retry).toMatchObject({ appended: false, nextExpectedVersion: 2 });
        expect(await collect(store.readStream(id))).toHaveLength(2);
      });

      it('a batch mixing stored and new ids is refused', async () => {
        const id = stream();
        const first = newEvent('A', {});
        await store.append(id, [first], 'no-stream');
        await expect(store.append(id, [first, newEvent('B', {})], 1)).rejects.toBeInstanceOf(PartialDuplicateError);
        expect(await collect(store.readStream(id))).toHaveLength(1);
      });
    });

    describe('global order', () => {
      it('reads all events in increasing position, from a position, with a limit', async () => {
        const before = await store.headPosition();
        const a = stream();
        const b = stream();
        await store.append(a, [newEvent('A1', {}), newEvent('A2', {})], 'no-stream');
        await store.append(b, [newEvent('B1', {})], 'no-stream');
        const last = await store.append(a, [newEvent('A3', {})], 2);
        await untilReadable(store, last.lastPosition!);
        // `before` may lag (another session's open transaction holds the horizon): keep this test's streams.
        const after = (await collect(store.readAll({ fromPosition: before }))).filter((e) => e.streamId === a || e.streamId === b);
        expect(after.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3']);
        const positions = after.map((e) => e.globalPosition);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
        const limited = await collect(store.readAll({ fromPosition: after[0]!.globalPosition, limit: 2, pageSize: 1 }));
        expect(limited.map((e) => e.type)).toEqual(['A2', 'B1']);
        // A read starts only where the store gave out a position (0, an event's, headPosition()):
        // EventStoreDB's are log offsets, and "position − 1" lands inside a record.
        const asOf = (await collect(store.readAll({ fromPosition: before, toPosition: after[2]!.globalPosition }))).filter((e) => e.streamId === a || e.streamId === b);
        expect(asOf.map((e) => e.type)).toEqual(['A1', 'A2', 'B1']);
        expect(await store.headPosition()).toBe(after[3]!.globalPosition);
      });

      it('8 concurrent writers × 500 events: a live subscriber sees each exactly once, in increasing position', async () => {
        const start = await store.headPosition();
        const seen: StoredEvent[] = [];
        const marker = `run-${randomUUID()}`;
        const subscription = store.subscribe((event) => void seen.push(event), {
          fromPosition: start,
          filter: (event) => event.correlationId === marker,
          pollIntervalMs: 20,
        });
        await subscription.caughtUp;
        const writers = Array.from({ length: 8 }, async (_, w) => {
          const id = stream(`writer${w}`);
          for (let i = 0; i < 500; i++) {
            await store.append(id, [newEvent('Tick', { w, i }, { correlationId: marker })], i === 0 ? 'no-stream' : i);
          }
        });
        await Promise.all(writers);
        const deadline = Date.now() + 30_000;
        while (seen.length < 4000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
        await new Promise((r) => setTimeout(r, 100)); // anything extra (a duplicate) would arrive now
        await subscription.stop();

        expect(seen).toHaveLength(4000);
        expect(new Set(seen.map((e) => e.eventId)).size).toBe(4000);
        for (let i = 1; i < seen.length; i++) expect(seen[i]!.globalPosition).toBeGreaterThan(seen[i - 1]!.globalPosition);
        for (let w = 0; w < 8; w++) {
          const mine = seen.filter((e) => (e.data as { w: number }).w === w).map((e) => (e.data as { i: number }).i);
          expect(mine).toEqual(Array.from({ length: 500 }, (_, i) => i));
        }
      });

      it('a subscription resumes after a stored checkpoint: catch-up, then live', async () => {
        const id = stream();
        const appended = await store.append(id, [newEvent('One', {}), newEvent('Two', {})], 'no-stream');
        await untilReadable(store, appended.lastPosition!); // "caught up" means: with what readers may see
        const [one] = await collect(store.readStream(id));
        const seen: string[] = [];
        const subscription = store.subscribe((event) => void seen.push(event.type), {
          fromPosition: one!.globalPosition,
          filter: (event) => event.streamId === id,
          pollIntervalMs: 20,
        });
        await subscription.caughtUp;
        expect(seen).toEqual(['Two']);
        await store.append(id, [newEvent('Three', {})], 2);
        const deadline = Date.now() + 30_000;
        while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        expect(seen).toEqual(['Two', 'Three']);
        expect(subscription.position()).toBeGreaterThan(one!.globalPosition);
        await subscription.stop();
      });
    });

    describe('atomic multi-stream append (SQL adapters)', () => {
      type Multi = { appendMultiple(batches: { streamId: string; events: NewEvent[]; expectedVersion: number | 'no-stream' }[]): Promise<unknown[]> };
      const multi = (): Multi | null => ('appendMultiple' in store ? (store as unknown as Multi) : null);

      it('appends to several streams in one transaction, positions unique and increasing', async () => {
        if (!multi()) return; // the capability is optional; the EventStoreDB adapter has no multi-stream transactions
        const ids = [stream('contract'), stream('contract'), stream('contract')];
        await multi()!.appendMultiple(ids.map((streamId, i) => ({ streamId, events: [newEvent('ContractRegistered', { i }), newEvent('ContractMarked', { i })], expectedVersion: 'no-stream' })));
        const events = (await Promise.all(ids.map((id) => collect(store.readStream(id))))).flat();
        expect(events).toHaveLength(6);
        const positions = events.map((e) => e.globalPosition);
        expect(new Set(positions).size).toBe(6);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        for (const id of ids) expect((await verifyStream(store, id)).firstBreak).toBeNull();
      });

      it('a conflict on one stream writes nothing to any of them', async () => {
        if (!multi()) return;
        const existing = stream('contract');
        await store.append(existing, [newEvent('ContractRegistered', {})], 'no-stream');
        const fresh = stream('contract');
        await expect(
          multi()!.appendMultiple([
            { streamId: fresh, events: [newEvent('ContractRegistered', {})], expectedVersion: 'no-stream' },
            { streamId: existing, events: [newEvent('ContractRegistered', {})], expectedVersion: 'no-stream' },
          ]),
        ).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.streamHead(fresh)).toBeNull();
        expect(await collect(store.readStream(fresh))).toEqual([]);
        expect(await collect(store.readStream(existing))).toHaveLength(1);
      });
    });

    describe('upcasters', () => {
      it('reads old shapes through the upcaster chain; stored bytes and hashes stay as written', async () => {
        const upcasters = new UpcasterRegistry()
          .register('BidSubmitted', 1, (data) => ({ ...(data as object), currency: 'GBP' }))
          .register('BidSubmitted', 2, (data) => {
            const { price, ...rest } = data as { price: number };
            return { ...rest, pricePence: Math.round(price * 100) };
          });
        const upcasting = await harness.open({ upcasters });
        try {
          const id = stream('bid');
          await upcasting.append(id, [newEvent('BidSubmitted', { price: 10.5 })], 'no-stream');
          const [read] = await collect(upcasting.readStream(id));
          expect(read).toMatchObject({ schemaVersion: 3, data: { currency: 'GBP', pricePence: 1050 } });
          const [raw] = await collect(upcasting.readStream(id, { raw: true }));
          expect(raw).toMatchObject({ schemaVersion: 1, data: { price: 10.5 } });
          expect((await verifyStream(upcasting, id)).firstBreak).toBeNull();
        } finally {
          await upcasting.close();
        }
      });
    });

    describe('big histories', () => {
      it('reads 100k events with flat memory', async () => {
        const id = stream('bulk');
        const payload = 'x'.repeat(1000);
        let lastPosition = 0;
        for (let batch = 0; batch < 100; batch++) {
          const events = Array.from({ length: 1000 }, (_, i) => newEvent('Bulk', { n: batch * 1000 + i, payload }));
          lastPosition = (await store.append(id, events, batch === 0 ? 'no-stream' : batch * 1000)).lastPosition!;
        }
        // Live heap, not garbage: sampled after a full GC (npm test runs node with --expose-gc).
        const live = (): number => {
          (globalThis as { gc?: () => void }).gc?.();
          return process.memoryUsage().heapUsed;
        };
        const limit = (globalThis as { gc?: unknown }).gc ? 32 * 1024 * 1024 : 128 * 1024 * 1024;

        const baseline = live();
        let peak = 0;
        let count = 0;
        let last = -1;
        let ordered = true;
        for await (const event of store.readStream(id, { pageSize: 500 })) {
          const n = (event.data as { n: number }).n;
          if (n !== last + 1) ordered = false;
          last = n;
          if (++count % 10_000 === 0) peak = Math.max(peak, live() - baseline);
        }
        expect(count).toBe(100_000);
        expect(ordered).toBe(true);
        // 100k × 1 kB held at once would be well over 150 MB of JS objects.
        expect(peak).toBeLessThan(limit);

        await untilReadable(store, lastPosition);
        let globalCount = 0;
        const globalBaseline = live();
        let globalPeak = 0;
        for await (const event of store.readAll({ pageSize: 1000 })) {
          if (event.streamId === id && ++globalCount % 10_000 === 0) globalPeak = Math.max(globalPeak, live() - globalBaseline);
        }
        expect(globalCount).toBe(100_000);
        expect(globalPeak).toBeLessThan(limit);
        // 100 MB in and out twice: minutes when the machine is shared (no timing is asserted, only that it ends).
      }, 600_000);
    });
  });
}
