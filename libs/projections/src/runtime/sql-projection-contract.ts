import { randomUUID } from 'node:crypto';
import type { NewEvent, SqlEventStore, StoredEvent } from '@tenderledger/event-store';
import type { SqlProjection, SqlQuery, TableName } from './sql-projection';
import { SqlProjectionRunner } from './sql-projection-runner';

/**
 * The SQL projection runtime's behaviour, run on PGlite (unit) and on PostgreSQL (test/infra).
 * `open` must hand out a fresh, empty store each time (its own database or schema).
 */
export interface SqlProjectionContractOptions {
  open(): Promise<SqlEventStore>;
}

const event = (type: string, n: number): NewEvent => ({
  eventId: randomUUID(),
  type,
  data: { n },
  occurredAt: '2026-03-02T10:15:30.123Z',
  actor: { userId: 'u-1', role: 'admin', organisationId: null },
  correlationId: 'corr-1',
});

/**
 * A deliberately NON-idempotent read model: one row per handled event (no key), plus a running
 * total. Applying any event twice shows as a duplicate row and a total above the event count.
 */
class Ledger implements SqlProjection {
  readonly name = 'ledger';
  readonly handles = ['Counted', 'Boom'];
  readonly tables = ['tlp_test_ledger', 'tlp_test_total'];
  /** Called before each page is applied (inside the transaction, after the ledger rows are written). */
  hook: (events: readonly StoredEvent[], table: TableName) => Promise<void> | void = () => undefined;

  constructor(readonly version = 1) {}

  createTables(table: TableName): string {
    return `create table ${table('tlp_test_ledger')} (position bigint not null, stream_id text not null, n integer not null);
            create table ${table('tlp_test_total')} (k text primary key, total bigint not null)`;
  }

  async applyPage(events: readonly StoredEvent[], query: SqlQuery, table: TableName): Promise<void> {
    if (events.length === 0) return;
    await query(`insert into ${table('tlp_test_ledger')} (position, stream_id, n) select * from unnest($1::bigint[], $2::text[], $3::int[])`, [
      events.map((e) => e.globalPosition),
      events.map((e) => e.streamId),
      events.map((e) => (e.data as { n: number }).n),
    ]);
    await query(`insert into ${table('tlp_test_total')} (k, total) values ('all', $1) on conflict (k) do update set total = ${table('tlp_test_total')}.total + excluded.total`, [events.length]);
    await this.hook(events, table);
    if (events.some((e) => e.type === 'Boom')) throw new Error('boom');
  }
}

async function appendMany(store: SqlEventStore, count: number, type = 'Counted'): Promise<void> {
  for (let i = 0; i < count; i += 25) {
    const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => event(j % 7 === 3 ? 'Ignored' : type, i + j));
    await store.append(`thing-${randomUUID()}`, batch, 'no-stream');
  }
  await untilVisible(store);
}

/**
 * Waits until readers may see everything committed so far. On a shared PostgreSQL server any
 * session's open transaction holds the gap-safe horizon back (that is the design); tests that
 * reason about pages must start from a visible history.
 */
export async function untilVisible(store: SqlEventStore, timeoutMs = 30_000): Promise<void> {
  const head = await committedHead(store);
  for (const until = Date.now() + timeoutMs; (await store.headPosition()) < head; ) {
    if (Date.now() > until) throw new Error(`the gap-safe horizon did not pass position ${head} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Counted straight from the table, not through the gap-safe horizon: on a shared PostgreSQL server
 * another session's open transaction holds the horizon back (by design), and a count taken through
 * it would lag what this test has committed.
 */
async function handledCount(store: SqlEventStore): Promise<number> {
  const [row] = await store.executor.query<{ n: string | number }>("select count(*) as n from tl_events where type in ('Counted', 'Boom')");
  return Number(row!.n);
}

/** The highest committed position, also regardless of the horizon: what a runner must reach. */
async function committedHead(store: SqlEventStore): Promise<number> {
  const [row] = await store.executor.query<{ m: string | number | null }>('select max(global_position) as m from tl_events');
  return Number(row?.m ?? 0);
}

const one = async <T>(store: SqlEventStore, sql: string, params: unknown[] = []): Promise<T> => (await store.executor.query<T>(sql, params))[0]!;
const ledgerRows = (store: SqlEventStore, table = 'tlp_test_ledger') =>
  store.executor.query<{ position: string | number; n: number }>(`select position, n from ${table} order by position, n`);
const stats = async (store: SqlEventStore, table = 'tlp_test_ledger'): Promise<{ rows: number; distinct: number; total: number }> => {
  const r = await one<{ rows: string | number; distinct: string | number }>(store, `select count(*) as rows, count(distinct position) as distinct from ${table}`);
  const t = await store.executor.query<{ total: string | number }>(`select total from ${table.replace('ledger', 'total')} where k = 'all'`);
  return { rows: Number(r.rows), distinct: Number(r.distinct), total: Number(t[0]?.total ?? 0) };
};
const checkpoint = (store: SqlEventStore) =>
  one<{ position: string | number; active_table_suffix: string; rebuilding_suffix: string | null; rebuild_position: string | number | null }>(store, `select * from tl_projections where name = 'ledger'`);

export function sqlProjectionContract(label: string, options: SqlProjectionContractOptions): void {
  describe(`SQL projection runtime (${label})`, () => {
    let store: SqlEventStore;
    const runners: SqlProjectionRunner[] = [];
    const runner = (projection: SqlProjection, pageSize = 10): SqlProjectionRunner => {
      const r = new SqlProjectionRunner(store, { pageSize, pollIntervalMs: 5 });
      r.register(projection);
      runners.push(r);
      return r;
    };

    beforeEach(async () => {
      store = await options.open();
    });
    afterEach(async () => {
      for (const r of runners.splice(0)) await r.stop();
      await store.close();
    });

    it('applies every event exactly once, checkpoint in the same table transaction, and keeps it across a restart mid-way', async () => {
      await appendMany(store, 230);
      const expected = await handledCount(store);
      const first = new Ledger();
      let pages = 0;
      first.hook = () => {
        if (++pages === 6) throw new Error('killed mid-page'); // rows of that page were written, then the process "died"
      };
      const a = runner(first);
      await a.install();
      await expect(a.catchUp()).rejects.toThrow('killed mid-page');
      const stopped = await checkpoint(store);
      // Five pages committed with their checkpoint; the sixth left neither rows nor checkpoint.
      expect((await stats(store)).rows).toBe((await ledgerRows(store)).length);
      const afterFive = await stats(store);
      expect(afterFive.total).toBe(afterFive.rows);
      expect(Number(stopped.position)).toBeGreaterThan(0);
      expect(Number(stopped.position)).toBeLessThan(await committedHead(store));
      for (const row of await ledgerRows(store)) expect(Number(row.position)).toBeLessThanOrEqual(Number(stopped.position));
      await a.stop();

      // A new runner (a restarted process) on the same database resumes from the stored checkpoint.
      const b = runner(new Ledger());
      await b.start();
      await b.waitFor(await committedHead(store));
      expect(await stats(store)).toEqual({ rows: expected, distinct: expected, total: expected });
      expect(Number((await checkpoint(store)).position)).toBe(await committedHead(store));

      // Live: new appends are applied once too.
      await appendMany(store, 40);
      await b.waitFor(await committedHead(store));
      const now = await handledCount(store);
      expect(await stats(store)).toEqual({ rows: now, distinct: now, total: now });
    });

    it('a page whose apply throws leaves neither its rows nor an advanced checkpoint', async () => {
      await appendMany(store, 15);
      await store.append(`thing-${randomUUID()}`, [event('Boom', 999)], 'no-stream');
      await appendMany(store, 15);
      const r = runner(new Ledger(), 1000);
      await r.install();
      await expect(r.catchUp()).rejects.toThrow('boom');
      expect(await stats(store)).toEqual({ rows: 0, distinct: 0, total: 0 });
      expect(Number((await checkpoint(store)).position)).toBe(0);
    });

    it('two runners on the same database still apply each event once', async () => {
      await appendMany(store, 300);
      const expected = await handledCount(store);
      const a = runner(new Ledger(), 7);
      const b = runner(new Ledger(), 7);
      await a.install();
      await b.install();
      await Promise.all([a.catchUp(), b.catchUp(), a.catchUp()]);
      // Another session's open transaction may hold the horizon back: keep catching up until it passes.
      const head = await committedHead(store);
      for (const until = Date.now() + 20_000; Number((await checkpoint(store)).position) < head && Date.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await Promise.all([a.catchUp(), b.catchUp()]);
      }
      expect(await stats(store)).toEqual({ rows: expected, distinct: expected, total: expected });
    });

    it('rebuilds into fresh tables while the old ones serve, then swaps: same content, old tables dropped', async () => {
      await appendMany(store, 120);
      const projection = new Ledger();
      const r = runner(projection);
      await r.start();
      await r.waitFor(await committedHead(store));
      const before = await ledgerRows(store);
      const oldSuffix = (await checkpoint(store)).active_table_suffix;

      // Between rebuild pages (the listener holds the rebuild), look at what queries see.
      const progress: number[] = [];
      let looked = false;
      const done = r.rebuild('ledger', async (p) => {
        progress.push(p.processed);
        if (looked || p.processed < 30 || p.state !== 'running') return;
        looked = true;
        // The active generation keeps serving through the view, unchanged…
        expect((await checkpoint(store)).active_table_suffix).toBe(oldSuffix);
        expect((await checkpoint(store)).rebuilding_suffix).toBe(p.toSuffix);
        expect(await ledgerRows(store)).toEqual(before);
        // …while the new one is only partly filled…
        expect((await stats(store, `tlp_test_ledger__${p.toSuffix}`)).rows).toBeLessThan(before.length);
        // …and the live loop keeps feeding the active one.
        await appendMany(store, 30);
        await r.waitFor(await committedHead(store));
        expect((await ledgerRows(store)).length).toBe(await handledCount(store));
      });
      const rebuilt = await done;
      expect(rebuilt.state).toBe('swapped');
      expect(looked).toBe(true);
      expect(progress.length).toBeGreaterThan(2);
      const after = await checkpoint(store);
      expect(after.active_table_suffix).not.toBe(oldSuffix);
      expect(after.rebuilding_suffix).toBeNull();
      await r.waitFor(await committedHead(store));
      const expected = await handledCount(store);
      expect(await stats(store)).toEqual({ rows: expected, distinct: expected, total: expected });
      // Row for row what a clean build from position 0 gives.
      const clean = await cleanBuild(store);
      expect((await ledgerRows(store)).map((x) => [Number(x.position), x.n])).toEqual(clean);
      const old = await store.executor.query(`select 1 from information_schema.tables where table_name = $1 and table_schema = current_schema()`, [`tlp_test_ledger__${oldSuffix}`]);
      expect(old).toHaveLength(0);
    });

    it('a rebuild interrupted mid-way resumes at the next start and ends equal to a clean build', async () => {
      await appendMany(store, 150);
      const first = new Ledger();
      const a = runner(first);
      await a.start();
      await a.waitFor(await committedHead(store));
      const oldSuffix = (await checkpoint(store)).active_table_suffix;
      let pages = 0;
      first.hook = (_events, table) => {
        if (!table('x').endsWith(oldSuffix) && ++pages === 4) throw new Error('killed mid-rebuild');
      };
      await expect(a.rebuild('ledger')).rejects.toThrow('killed mid-rebuild');
      await a.stop();
      const interrupted = await checkpoint(store);
      expect(interrupted.rebuilding_suffix).not.toBeNull();
      expect(Number(interrupted.rebuild_position)).toBeGreaterThan(0);
      expect(interrupted.active_table_suffix).toBe(oldSuffix);

      const b = runner(new Ledger());
      await b.start(); // resumes the rebuild in the background
      for (let i = 0; i < 400 && (await checkpoint(store)).rebuilding_suffix !== null; i++) await new Promise((res) => setTimeout(res, 10));
      const swapped = await checkpoint(store);
      expect(swapped.rebuilding_suffix).toBeNull();
      expect(swapped.active_table_suffix).toBe(interrupted.rebuilding_suffix);
      await b.waitFor(await committedHead(store));
      const expected = await handledCount(store);
      expect(await stats(store)).toEqual({ rows: expected, distinct: expected, total: expected });
      expect((await ledgerRows(store)).map((x) => [Number(x.position), x.n])).toEqual(await cleanBuild(store));
    });

    it('bumping the version rebuilds at the next start into a new generation', async () => {
      await appendMany(store, 50);
      const a = runner(new Ledger(1));
      await a.start();
      await a.waitFor(await committedHead(store));
      await a.stop();
      const b = runner(new Ledger(2));
      await b.start();
      for (let i = 0; i < 400 && !(await checkpoint(store)).active_table_suffix.startsWith('v2_'); i++) await new Promise((res) => setTimeout(res, 10));
      expect((await checkpoint(store)).active_table_suffix).toBe('v2_2');
      await b.waitFor(await committedHead(store));
      const expected = await handledCount(store);
      expect(await stats(store)).toEqual({ rows: expected, distinct: expected, total: expected });
    });
  });
}

/** What the ledger holds when built from scratch: (position, n) of every handled event. */
async function cleanBuild(store: SqlEventStore): Promise<[number, number][]> {
  const rows: [number, number][] = [];
  for await (const e of store.readAll({})) if (e.type === 'Counted') rows.push([e.globalPosition, (e.data as { n: number }).n]);
  return rows.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
