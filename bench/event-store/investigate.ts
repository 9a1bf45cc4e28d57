/**
 * Why do our appends trail the raw INSERT? Prices the pieces of an append separately:
 *
 *   1. client side: SqlEventStore.append's own JavaScript (validation, canonical JSON for the
 *      hash chain, parameter arrays), timed over an executor that does no I/O;
 *   2. server side: the same captured parameters sent straight to each tl_append variant
 *      (tl-append-variants.ts) and, for comparison, the raw INSERT, with one `pg` client;
 *   3. end to end: SqlEventStore over each variant vs the raw baseline, 1 writer, 8 writers,
 *      batches of 100, plus WAL bytes per event.
 *
 *   node scripts/build.cjs && node dist/bench/event-store/investigate.js
 *   (INVESTIGATE_SECTIONS=1,3 runs only those parts; BENCH_ROUNDS sets the repetitions)
 *
 * Uses its own database tl_bench_probe (dropped at the end unless BENCH_KEEP_DBS=1).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { SqlEventStore, type SqlExecutor } from '@tenderledger/event-store';
import { envelopeTemplate } from '../../libs/event-store/src/hash-chain';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (v: unknown) => unknown };
import { SCHEMA_SQL } from '../../libs/event-store/src/sql/schema';
import { RAW_SCHEMA, rawPostgres, type BenchAdapter } from './adapters';
import { KEEP_DBS, ROUNDS, urlFor, type AppendWorkload } from './config';
import { plan, type AppendStep } from './fixtures';
import { VARIANTS_SQL, VARIANT_NAMES, type VariantName } from './tl-append-variants';
import { runPlan, seed } from './workloads';
import { OtherLoad } from './quiet';
import { route, RoutingPoolExecutor, type AppendRouting } from './variant-executor';

const DB = 'tl_bench_probe';
const url = urlFor(DB);
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const started = Date.now();
const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);

const load = new OtherLoad();
let settleBudgetMs = Number(process.env.BENCH_SETTLE_BUDGET_MS ?? 120_000);
/** Waits (within a budget) for other people's processes to go quiet before a measurement. */
async function quiet(): Promise<void> {
  if (settleBudgetMs <= 0) return;
  const { waitedMs } = await load.settle(0.2, Math.min(15_000, settleBudgetMs));
  settleBudgetMs -= waitedMs;
}

const APPEND_ROW = [{ outcome: 'appended', stream_version: 1, first_position: 1, last_position: 1, last_hash: '0'.repeat(64) }];

/** Runs SqlEventStore.append against nothing: what is left is its JavaScript. */
class NullExecutor implements SqlExecutor {
  readonly captured: unknown[][] = [];
  constructor(private readonly capture: boolean) {}
  async query<Row>(_sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    if (this.capture) this.captured.push([...params]);
    return APPEND_ROW as Row[];
  }
  async transaction<T>(work: (query: <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T> {
    return work((sql, params) => this.query(sql, params));
  }
  async runScript(): Promise<void> {}
  async close(): Promise<void> {}
}

/** tl_append_one takes the one-event appends; the rest go to tl_append_fast (as a client change would do). */
const routingFor = (name: VariantName): AppendRouting =>
  name === 'tl_append_one'
    ? { many: 'tl_append_fast', one: 'tl_append_one' }
    : name === 'tl_append_json'
      ? { many: 'tl_append_json', json: true }
      : { many: name };

class VariantAdapter implements BenchAdapter {
  readonly readNote = '';
  private readonly store: SqlEventStore;
  constructor(readonly name: VariantName, pool: Pool) {
    this.store = new SqlEventStore('postgres', new RoutingPoolExecutor(pool, routingFor(name)));
  }
  async open(): Promise<void> {}
  async append(streamId: string, events: Parameters<BenchAdapter['append']>[1], expectedVersion: number): Promise<void> {
    await this.store.append(streamId, events, expectedVersion);
  }
  replay(): Promise<number> {
    throw new Error('not used');
  }
  async settle(): Promise<void> {}
  async count(): Promise<number> {
    return 0;
  }
  async close(): Promise<void> {}
}

const WORK: Record<'single' | 'concurrent' | 'batch', AppendWorkload> = {
  single: { writers: 1, appendsPerWriter: 1000, eventsPerAppend: 1, streamsPerWriter: 100 },
  concurrent: { writers: 8, appendsPerWriter: 250, eventsPerAppend: 1, streamsPerWriter: 25 },
  batch: { writers: 1, appendsPerWriter: 100, eventsPerAppend: 100, streamsPerWriter: 10 },
};
const WARM: Record<'single' | 'concurrent' | 'batch', AppendWorkload> = {
  single: { writers: 1, appendsPerWriter: 100, eventsPerAppend: 1, streamsPerWriter: 10 },
  concurrent: { writers: 8, appendsPerWriter: 20, eventsPerAppend: 1, streamsPerWriter: 4 },
  batch: { writers: 1, appendsPerWriter: 10, eventsPerAppend: 100, streamsPerWriter: 2 },
};

/** Where the store's JavaScript goes, piece by piece, per event (the pieces appendParameters runs). */
async function clientBreakdown(): Promise<void> {
  const events = plan({ writers: 1, appendsPerWriter: 20_000, eventsPerAppend: 1, streamsPerWriter: 1 })[0]!.map((s) => s.events[0]!);
  const envelope = (e: (typeof events)[number]) => ({
    eventId: e.eventId, type: e.type, schemaVersion: 1, streamId: 'bid-x', occurredAt: new Date(e.occurredAt).toISOString(),
    actor: e.actor, correlationId: e.correlationId, causationId: e.causationId ?? null, data: e.data,
  });
  const heads = events.map((e) => envelopeTemplate(envelope(e)).head);
  const datas = events.map((e) => JSON.stringify(e.data));
  let sink = 0;
  const time = (label: string, f: (e: (typeof events)[number], i: number) => number): void => {
    for (let w = 0; w < 2; w++) events.forEach((e, i) => (sink += f(e, i)));
    const t0 = performance.now();
    events.forEach((e, i) => (sink += f(e, i)));
    console.log(`   ${label.padEnd(58)} ${fmt(((performance.now() - t0) * 1000) / events.length, 1).padStart(6)} µs/event`);
  };
  console.log('   the pieces, in a tight loop:');
  time('JSON.parse(JSON.stringify(data))  (the "as jsonb stores it" round trip)', (e) => (JSON.parse(JSON.stringify(e.data)) ? 1 : 0));
  time('envelopeTemplate(envelope)  (canonical JSON of the envelope)', (e) => envelopeTemplate(envelope(e)).head.length);
  time('JSON.stringify(data)  (the p_data column)', (e) => JSON.stringify(e.data).length);
  time('pg array literal of one head  (prepareValue([head]))', (_, i) => (prepareValue([heads[i]]) as string).length);
  time('pg array literal of one data  (prepareValue([data]))', (_, i) => (prepareValue([datas[i]]) as string).length);
  time('raw: JSON.stringify(data) + JSON.stringify(actor)', (e) => JSON.stringify(e.data).length + JSON.stringify(e.actor).length);
  if (sink === 0) console.log('');
}

async function clientSide(): Promise<void> {
  console.log('\n1. Client side: JavaScript per append (no I/O), µs');
  const appendSql = (steps: AppendStep[][]) => steps.flat();
  for (const [label, workload] of [['1 event', WORK.single], ['batch of 100', WORK.batch]] as const) {
    const steps = appendSql(plan(workload));
    const ours = new SqlEventStore('null', new NullExecutor(false));
    const raw = rawPostgres('unused');
    // The raw adapter's own per-append work (JSON.stringify of data and actor, arrays), with a no-op query.
    (raw as unknown as { queries: unknown[] }).queries = [async () => ({ rows: [] })];
    for (let warm = 0; warm < 2; warm++) {
      for (const s of steps) await ours.append(s.streamId, s.events, s.expectedVersion);
      for (const s of steps) await raw.append(s.streamId, s.events, s.expectedVersion, 0);
    }
    const t0 = performance.now();
    for (const s of steps) await ours.append(s.streamId, s.events, s.expectedVersion);
    const t1 = performance.now();
    for (const s of steps) await raw.append(s.streamId, s.events, s.expectedVersion, 0);
    const t2 = performance.now();
    const events = steps.length * workload.eventsPerAppend;
    console.log(
      `   ${label.padEnd(13)} ours ${fmt(((t1 - t0) * 1000) / steps.length, 1).padStart(8)} µs/append (${fmt(((t1 - t0) * 1000) / events, 1)} µs/event)` +
        `   raw ${fmt(((t2 - t1) * 1000) / steps.length, 1).padStart(7)} µs/append (${fmt(((t2 - t1) * 1000) / events, 1)} µs/event)`,
    );
  }
  await clientBreakdown();
}

/** Captures the exact parameters SqlEventStore sends for a plan. */
async function capture(steps: AppendStep[][]): Promise<unknown[][][]> {
  return Promise.all(
    steps.map(async (writerSteps) => {
      const executor = new NullExecutor(true);
      const store = new SqlEventStore('capture', executor);
      for (const s of writerSteps) await store.append(s.streamId, s.events, s.expectedVersion);
      return executor.captured;
    }),
  );
}

const RAW_ONE = `insert into raw_events (stream_id, stream_version, event_id, type, schema_version, data, occurred_at, actor, correlation_id, causation_id, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
const RAW_MANY = `insert into raw_events (stream_id, stream_version, event_id, type, schema_version, data, occurred_at, actor, correlation_id, causation_id, hash)
  select $1, $2::bigint + t.ord, t.eid::uuid, t.typ, t.sv, t.dat::jsonb, t.occ::timestamptz, t.act::jsonb, t.cor, t.cau, t.h
    from unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         with ordinality as t(eid, typ, sv, dat, occ, act, cor, cau, h, ord)`;
const callSql = (fn: string) =>
  `select * from ${fn}($1, $2, $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int)`;

/** Raw parameters for the same appends (hash: the 64-hex text the raw row stores). */
function rawParams(steps: AppendStep[]): unknown[][] {
  return steps.map((s) => {
    if (s.events.length === 1) {
      const e = s.events[0]!;
      return [s.streamId, s.expectedVersion + 1, e.eventId, e.type, 1, JSON.stringify(e.data), e.occurredAt, JSON.stringify(e.actor), e.correlationId, e.causationId, e.rawHash];
    }
    const col = <T>(f: (e: AppendStep['events'][number]) => T) => s.events.map(f);
    return [s.streamId, s.expectedVersion, col((e) => e.eventId), col((e) => e.type), col(() => 1), col((e) => JSON.stringify(e.data)), col((e) => String(e.occurredAt)),
      col((e) => JSON.stringify(e.actor)), col((e) => e.correlationId), col((e) => e.causationId ?? null), col((e) => e.rawHash)];
  });
}

async function walLsn(client: Client): Promise<string> {
  return (await client.query('select pg_current_wal_insert_lsn()::text as l')).rows[0].l as string;
}
async function walBytes(client: Client, from: string): Promise<number> {
  return Number((await client.query('select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1::pg_lsn) as d', [from])).rows[0].d);
}

/** On-CPU nanoseconds of the given processes so far (/proc/<pid>/schedstat; excludes time waiting for a CPU or the disk). */
function cpuNs(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the backend went away: its time is lost, the figure is a lower bound
    }
  }
  return total;
}
const backendPids = async (admin: Client): Promise<number[]> =>
  (await admin.query('select pid from pg_stat_activity where datname = $1', [DB])).rows.map((r: { pid: number }) => r.pid);
const nodeCpuUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

interface Sample {
  evs: number[];
  wal: number[];
  serverUs: number[];
  clientUs: number[];
}
const sample = (table: Record<string, Record<string, Sample>>, line: string, name: string): Sample =>
  ((table[line] ??= {})[name] ??= { evs: [], wal: [], serverUs: [], clientUs: [] });

function printSamples(line: string, names: readonly string[], table: Record<string, Record<string, Sample>>, baseline: string): void {
  const base = median(table[line]![baseline]!.evs);
  for (const name of names) {
    const s = table[line]![name]!;
    const evs = median(s.evs);
    console.log(
      `   ${line.padEnd(10)} ${name.padEnd(18)} ${fmt(evs).padStart(8)} ev/s ${(evs / base).toFixed(2).padStart(5)}× raw` +
        `   server CPU ${fmt(median(s.serverUs), 1).padStart(7)} µs/event   client CPU ${fmt(median(s.clientUs), 1).padStart(6)} µs/event   WAL ${fmt(median(s.wal)).padStart(5)} B/event`,
    );
  }
}

async function serverSide(admin: Client): Promise<void> {
  console.log(`\n2. Server side: the captured parameters sent straight to each function (no store JavaScript), median of ${ROUNDS}`);
  console.log('   (WAL bytes/event measured on the whole server while the line ran)');
  const clients = await Promise.all(Array.from({ length: 8 }, async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  const names = ['raw', ...VARIANT_NAMES] as const;
  const table: Record<string, Record<string, Sample>> = {};
  for (const [line, workload] of Object.entries(WORK)) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of names) {
        if (name === 'tl_append_one' && workload.eventsPerAppend > 1) continue; // same as tl_append_fast
        // fresh streams for every run, same shapes
        const warm = plan(WARM[line as keyof typeof WARM]);
        const steps = plan(workload);
        // [sql, params] per append: raw rows, or exactly what SqlEventStore sends, routed to the variant
        const calls = async (p: AppendStep[][]): Promise<[string, unknown[]][][]> =>
          name === 'raw'
            ? p.map((w) => rawParams(w).map((ps): [string, unknown[]] => [workload.eventsPerAppend === 1 ? RAW_ONE : RAW_MANY, ps]))
            : (await capture(p)).map((w) => w.map((ps) => route(callSql('tl_append'), ps, routingFor(name))));
        const params = await calls(steps);
        const warmParams = await calls(warm);
        const check = (rows: { outcome?: string }[]) => {
          if (name !== 'raw' && rows[0]?.outcome !== 'appended') throw new Error(`${name}: ${rows[0]?.outcome}`);
        };
        await Promise.all(warmParams.map(async (ps, w) => { for (const [sql, p] of ps) check((await clients[w]!.query(sql, p)).rows); }));
        await admin.query('checkpoint');
        await quiet();
        const pids = await backendPids(admin);
        const lsn = await walLsn(admin);
        const cpu0 = cpuNs(pids);
        const node0 = nodeCpuUs();
        const t0 = performance.now();
        await Promise.all(params.map(async (ps, w) => { for (const [sql, p] of ps) check((await clients[w]!.query(sql, p)).rows); }));
        const seconds = (performance.now() - t0) / 1000;
        const nodeUs = nodeCpuUs() - node0;
        const serverNs = cpuNs(pids) - cpu0;
        const wal = await walBytes(admin, lsn);
        const events = workload.writers * workload.appendsPerWriter * workload.eventsPerAppend;
        const slot = sample(table, line, name);
        slot.evs.push(events / seconds);
        slot.wal.push(wal / events);
        slot.serverUs.push(serverNs / 1000 / events);
        slot.clientUs.push(nodeUs / events);
      }
    }
    printSamples(line, names.filter((n) => table[line]![n]), table, 'raw');
  }
  await Promise.all(clients.map((c) => c.end()));
}

async function endToEnd(admin: Client): Promise<void> {
  console.log(`\n3. End to end: SqlEventStore (all its JavaScript, a pg Pool) over each variant vs the raw baseline, median of ${ROUNDS}`);
  const pool = new Pool({ connectionString: url, max: 10 });
  const raw = rawPostgres(url, 8);
  await raw.open();
  const adapters: BenchAdapter[] = [raw, ...VARIANT_NAMES.map((n) => new VariantAdapter(n, pool))];
  const table: Record<string, Record<string, Sample>> = {};
  for (const [line, workload] of Object.entries(WORK)) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const adapter of adapters) {
        if (adapter.name === 'tl_append_one' && workload.eventsPerAppend > 1) continue; // same as tl_append_fast
        await runPlan(adapter, plan(WARM[line as keyof typeof WARM]));
        const steps = plan(workload);
        await admin.query('checkpoint');
        await quiet();
        const pids = await backendPids(admin);
        const lsn = await walLsn(admin);
        const cpu0 = cpuNs(pids);
        const node0 = nodeCpuUs();
        const m = await runPlan(adapter, steps);
        const nodeUs = nodeCpuUs() - node0;
        const serverNs = cpuNs(pids) - cpu0;
        const wal = await walBytes(admin, lsn);
        const slot = sample(table, line, adapter.name);
        slot.evs.push(m.eventsPerSecond);
        slot.wal.push(wal / m.events);
        slot.serverUs.push(serverNs / 1000 / m.events);
        slot.clientUs.push(nodeUs / m.events);
      }
    }
    printSamples(line, adapters.map((a) => a.name).filter((n) => table[line]![n]), table, raw.name);
  }
  await raw.close();
  await pool.end();
}

/** The SHA-256 chain alone, in plpgsql, as tl_append computes it (1.1 kB canonical envelope per event). */
async function hashLoop(probe: Client): Promise<void> {
  console.log('\n4. The hash chain alone in plpgsql (10,000 chained SHA-256 over a 1.1 kB envelope, one backend)');
  const notices: string[] = [];
  probe.on('notice', (n) => notices.push(n.message ?? ''));
  await probe.query(`do $$
declare h text := repeat('0', 64); head text := repeat('x', 1112); tail text := ',"type":"BidSubmitted"}'; t0 timestamptz; hs text[];
begin
  for round in 1..3 loop
    t0 := clock_timestamp(); hs := array[]::text[];
    for i in 1..10000 loop
      h := encode(sha256(convert_to(h || head || i::text || tail, 'UTF8')), 'hex');
      hs := array_append(hs, h);
    end loop;
    raise notice 'round %: % µs per chained hash', round, round(extract(epoch from clock_timestamp() - t0) * 1e6 / 10000, 2);
  end loop;
end $$`);
  for (const n of notices) console.log(`   ${n}`);
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  const probe = new Client({ connectionString: url });
  await probe.connect();
  try {
    await probe.query(SCHEMA_SQL);
    await probe.query(RAW_SCHEMA);
    await probe.query(VARIANTS_SQL);
    log(`created ${DB} with tl_events, raw_events and the variants ${VARIANT_NAMES.join(', ')}`);
    // Some history first, so indexes have a realistic depth.
    const pool = new Pool({ connectionString: url, max: 4 });
    const seedRaw = rawPostgres(url, 2);
    await seedRaw.open();
    await seed(new VariantAdapter('tl_append', pool), { writers: 2, appendsPerWriter: 1e9, eventsPerAppend: 100, streamsPerWriter: 20 }, 30_000);
    await seed(seedRaw, { writers: 2, appendsPerWriter: 1e9, eventsPerAppend: 100, streamsPerWriter: 20 }, 30_000);
    await seedRaw.close();
    await pool.end();
    await probe.query('vacuum analyze tl_events');
    await probe.query('vacuum analyze raw_events');
    log('seeded 30,000 events into each table');

    const sections = (process.env.INVESTIGATE_SECTIONS ?? '1,2,3,4').split(',');
    if (sections.includes('1')) await clientSide();
    if (sections.includes('2')) await serverSide(admin);
    if (sections.includes('3')) await endToEnd(admin);
    if (sections.includes('4')) await hashLoop(probe);
  } finally {
    await probe.end();
    if (!KEEP_DBS) await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
