/**
 * Replay / projection rebuild bench (issue 5, DESIGN §12): in one run, on PostgreSQL,
 *
 *   raw      keyset `select … from tl_events where global_position > $1 order by global_position limit 1000`,
 *            touching every row (the baseline)
 *   audit    `store.readAll` over the global order, folding every event (count by type, per-stream
 *            versions, a byte sum of the data): the audit replay path (mapping, upcasting)
 *   rebuild  `SqlProjectionRunner.rebuild('audit-index')`: the real audit index projection rebuilt
 *            from position 0 into a new generation, then swapped in
 *
 * at N = 100k and N = 1M events. Each measured phase runs in its own child process which samples
 * process.memoryUsage() every 100 ms, so peak RSS / heap belong to that phase alone.
 *
 *   node scripts/build.cjs && node dist/bench/replay/run.js
 *
 *   BENCH_PG_URL  server (default postgres://postgres@127.0.0.1:5432/tenderledger; the database name is ignored)
 *   BENCH_SCALE   multiplies both sizes (default 1; 0.01 for a smoke run)
 *   BENCH_KEEP_DB 1 to keep tl_bench_replay afterwards
 */
import { fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresEventStore, type NewEvent, type SqlEventStore } from '@tenderledger/event-store';
import { uuidv7 } from '@tenderledger/domain-kit';
import { AuditIndexSqlProjection, SqlProjectionRunner } from '@tenderledger/projections';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger';
const DB = 'tl_bench_replay';
const scale = Number(process.env.BENCH_SCALE ?? '1');
const SCALE = Number.isFinite(scale) && scale > 0 ? scale : 1;
const SIZES = [Math.max(1000, Math.round(100_000 * SCALE)), Math.max(2000, Math.round(1_000_000 * SCALE))];
const PAGE = 1000;
const BATCH = 1000;
const SEED_WRITERS = 2;

function urlFor(database: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

type Phase = 'raw' | 'audit' | 'rebuild';
interface PhaseResult {
  phase: Phase;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
  baseRssMb: number;
  check: string;
}

const mb = (bytes: number): number => bytes / 1024 / 1024;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

// ───────────────────────────── seeding ─────────────────────────────

const actorOf = (role: string) => ({ userId: uuidv7(), role, organisationId: uuidv7() });
const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/**
 * One append of BATCH events over many streams: a procurement = one tender stream and ~9 bid
 * streams; 1 in 10 procurements also awards a register contract. Data of ≈ 300–500 bytes.
 */
function procurementBatch(seq: number): { streamId: string; events: NewEvent[]; expectedVersion: 'no-stream' }[] {
  const out: { streamId: string; events: NewEvent[]; expectedVersion: 'no-stream' }[] = [];
  let count = 0;
  let p = 0;
  while (count < BATCH) {
    const tenderId = `T-${seq}-${p++}`;
    const correlationId = uuidv7();
    const officer = actorOf('buyer');
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + (seq * BATCH + count + i) * 1000).toISOString();
    const tenderEvents: NewEvent[] = [
      { eventId: uuidv7(), type: 'TenderPublished', data: { tenderId, title: `Community health services, lot framework ${seq % 97}`, buyer: { organisationId: officer.organisationId, name: 'North Riverside ICB' }, lots: ['lot-1', 'lot-2', 'lot-3'], valuePence: 4_500_000_00 + seq, deadline: at(86_400), procedure: 'open', cpv: ['85100000-0', '85140000-2'] }, occurredAt: at(0), actor: officer, correlationId },
      { eventId: uuidv7(), type: 'ClarificationAnswered', data: { tenderId, questionId: uuidv7(), question: 'Can consortia bid for lot 2 only?', answer: 'Yes; name the lead member in the response form.', publishedTo: 'all-bidders' }, occurredAt: at(1), actor: officer, correlationId },
    ];
    out.push({ streamId: `tender-${tenderId}`, events: tenderEvents, expectedVersion: 'no-stream' });
    count += tenderEvents.length;
    for (let b = 0; b < 9 && count < BATCH; b++) {
      const bidder = actorOf('bidder');
      const bidId = `${tenderId}-b${b}`;
      const events: NewEvent[] = [
        { eventId: uuidv7(), type: 'BidSubmitted', data: { bidId, tenderId, lots: ['lot-1', 'lot-3'], bidder: { organisationId: bidder.organisationId, name: `Riverside Primary Care Federation ${b}`, sizeBand: 'medium' }, commitment: hex(32), amountPence: 125_000_000 + b, attachments: [{ name: 'technical-response.pdf', bytes: 1_482_113 }] }, occurredAt: at(2 + b), actor: bidder, correlationId, causationId: null },
      ];
      if (count + 1 < BATCH) events.push({ eventId: uuidv7(), type: 'BidResubmitted', data: { bidId, tenderId, commitment: hex(32), amountPence: 124_000_000 + b, reason: 'Corrected pricing schedule after clarification 3.' }, occurredAt: at(20 + b), actor: bidder, correlationId, causationId: null });
      out.push({ streamId: `bid-${bidId}`, events, expectedVersion: 'no-stream' });
      count += events.length;
    }
    if (p % 10 === 0 && count < BATCH) {
      out.push({ streamId: `contract-${tenderId}`, expectedVersion: 'no-stream', events: [{ eventId: uuidv7(), type: 'ContractAwarded', data: { contractId: `C-${tenderId}`, tenderId, supplier: { name: 'Riverside Primary Care Federation 0', organisationId: uuidv7() }, valuePence: 124_000_000, startDate: at(100_000), endDate: at(40_000_000) }, occurredAt: at(40), actor: officer, correlationId }] });
      count += 1;
    }
  }
  return out;
}

async function seed(store: SqlEventStore, from: number, to: number): Promise<void> {
  let next = Math.floor(from / BATCH);
  const last = Math.ceil(to / BATCH);
  const writer = async (): Promise<void> => {
    for (;;) {
      const seq = next++;
      if (seq >= last) return;
      await store.appendMultiple(procurementBatch(seq));
    }
  };
  await Promise.all(Array.from({ length: SEED_WRITERS }, writer));
}

// ───────────────────────────── measured phases (child) ─────────────────────────────

async function runPhase(phase: Phase): Promise<PhaseResult> {
  const { store, pool } = await openPostgresEventStore({ connectionString: urlFor(DB), poolSize: 2 });
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 100);
  let events = 0;
  let check = '';
  const t0 = process.hrtime.bigint();
  try {
    if (phase === 'raw') {
      const client = await pool.connect();
      try {
        let after = 0;
        let bytes = 0;
        for (;;) {
          const { rows } = await client.query(
            'select global_position, stream_id, stream_version, event_id, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, causation_id, hash from tl_events where global_position > $1 order by global_position limit 1000',
            [after],
          );
          for (const row of rows) {
            bytes += (row.type as string).length + (row.stream_id as string).length;
            events++;
          }
          if (rows.length < PAGE) break;
          after = Number(rows[rows.length - 1].global_position);
        }
        check = `touched ${fmt(bytes)} chars`;
      } finally {
        client.release();
      }
    } else if (phase === 'audit') {
      // The audit replay: every event in global order, folded (count by type, last version per stream kind).
      const byType = new Map<string, number>();
      let lastPosition = 0;
      let outOfOrder = 0;
      for await (const event of store.readAll({ pageSize: PAGE })) {
        byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
        if (event.globalPosition <= lastPosition) outOfOrder++;
        lastPosition = event.globalPosition;
        events++;
      }
      check = `${byType.size} types, ${outOfOrder} out of order`;
    } else {
      const runner = new SqlProjectionRunner(store, { pageSize: PAGE });
      const projection = new AuditIndexSqlProjection();
      runner.register(projection);
      await runner.install();
      const done = await runner.rebuild(projection.name);
      if (done.state !== 'swapped') throw new Error(`rebuild ended ${done.state}: ${done.error}`);
      events = done.processed;
      const [row] = await store.executor.query<{ n: string }>(`select count(*) as n from ${AuditIndexSqlProjection.TABLE}`);
      check = `${fmt(Number(row!.n))} index rows, into ${done.toSuffix}`;
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  sample();
  await store.close().catch(() => undefined);
  await pool.end().catch(() => undefined);
  return { phase, events, seconds, eventsPerSecond: events / seconds, peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap), baseRssMb: mb(baseRss), check };
}

function inChild(phase: Phase): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--phase', phase], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: PhaseResult | undefined;
    child.on('message', (m: { ok: boolean; value?: PhaseResult; error?: string }) => {
      if (m.ok) result = m.value;
      else reject(new Error(m.error));
    });
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`${phase} child exited with ${code}`))));
  });
}

// ───────────────────────────── main ─────────────────────────────

const started = Date.now();
const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);

async function main(): Promise<void> {
  const admin = new Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  const [{ server_version: pgVersion }] = (await admin.query('show server_version')).rows;
  console.log('TenderLedger replay / projection rebuild bench');
  console.log(`  machine      ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
  console.log(`  node ${process.version}, PostgreSQL ${pgVersion}, sizes ${SIZES.map(fmt).join(' / ')}, page ${PAGE}\n`);
  const results: Record<number, Record<Phase, PhaseResult>> = {};
  try {
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.query(`create database ${DB}`);
    const { store, pool } = await openPostgresEventStore({ connectionString: urlFor(DB), poolSize: SEED_WRITERS + 1 });
    let seeded = 0;
    try {
      for (const n of SIZES) {
        const t = Date.now();
        await seed(store, seeded, n);
        seeded = n;
        await admin.query('checkpoint').catch(() => undefined);
        await store.executor.query('vacuum analyze tl_events');
        const [{ count, bytes }] = await store.executor.query<{ count: string; bytes: string }>('select count(*) as count, avg(octet_length(data::text))::int as bytes from tl_events');
        log(`seeded to ${fmt(Number(count))} events (avg data ${bytes} bytes) in ${((Date.now() - t) / 1000).toFixed(1)} s; vacuum analyzed`);
        results[n] = {} as Record<Phase, PhaseResult>;
        // raw first warms the buffer cache for all three alike; then it is measured again last and the best raw kept
        for (const phase of ['raw', 'audit', 'rebuild', 'raw'] as Phase[]) {
          await admin.query('checkpoint').catch(() => undefined);
          const r = await inChild(phase);
          if (phase !== 'raw' || !results[n]![phase] || r.eventsPerSecond > results[n]![phase].eventsPerSecond) results[n]![phase] = r;
          log(`N=${fmt(n)} ${phase.padEnd(7)} ${fmt(r.eventsPerSecond).padStart(9)} ev/s  ${fmt(r.events)} events in ${r.seconds.toFixed(2)} s  peak RSS ${r.peakRssMb.toFixed(0)} MB (start ${r.baseRssMb.toFixed(0)}), heap ${r.peakHeapMb.toFixed(0)} MB  ${r.check}`);
        }
      }
    } finally {
      await store.close().catch(() => undefined);
      await pool.end().catch(() => undefined);
    }
  } finally {
    if (process.env.BENCH_KEEP_DB !== '1') await admin.query(`drop database if exists ${DB} with (force)`).catch(() => undefined);
    await admin.end();
  }

  const [small, big] = SIZES as [number, number];
  const label: Record<Phase, string> = {
    raw: 'raw keyset SELECT scan (baseline)',
    audit: 'audit replay (store.readAll + fold)',
    rebuild: 'audit-index projection rebuild',
  };
  console.log(`\n| line | events/s (N=${fmt(big)}) | ÷ raw | events/s (N=${fmt(small)}) | peak RSS MB at ${fmt(small)} | at ${fmt(big)} | peak heap MB at ${fmt(small)} | at ${fmt(big)} |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const phase of ['raw', 'audit', 'rebuild'] as Phase[]) {
    const a = results[small]![phase];
    const b = results[big]![phase];
    const ratio = b.eventsPerSecond / results[big]!.raw.eventsPerSecond;
    console.log(`| ${label[phase]} | ${fmt(b.eventsPerSecond)} | ${ratio.toFixed(2)}× | ${fmt(a.eventsPerSecond)} | ${a.peakRssMb.toFixed(0)} | ${b.peakRssMb.toFixed(0)} | ${a.peakHeapMb.toFixed(0)} | ${b.peakHeapMb.toFixed(0)} |`);
  }
}

if (process.argv[2] === '--phase') {
  runPhase(process.argv[3] as Phase).then(
    (value) => process.send!({ ok: true, value }, () => process.exit(0)),
    (error) => process.send!({ ok: false, error: String(error?.stack ?? error) }, () => process.exit(1)),
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
