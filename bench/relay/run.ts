/**
 * Relay bench (issue 6, DESIGN §12): in one run, on PostgreSQL and the Kafka broker,
 *
 *   raw    a kafkajs producer sending the same records the relay sends — encoded beforehand and
 *          held in memory — with the same settings: idempotent, acks -1, one sendBatch per page of
 *          1000, one batch in flight, the default partitioner (the baseline: Kafka alone)
 *   relay  EventRelay from checkpoint 0 to the head: reads the store's gap-safe global order
 *          (store.readAll + JSON.stringify, the default), sends each page with KafkaEventPublisher
 *          and stores its checkpoint after each ack
 *   relay-sql  the same with serialiseIn 'database': PostgreSQL builds each record's JSON
 *   read   the relay's reader alone, page after page, nothing sent: the relay's ceiling when
 *          reading is slower than sending (it overlaps the two, so it cannot beat either)
 *
 * over N events (default 50,000, ≈ 400-byte data), each to fresh topics (3 partitions, created
 * before the clock starts), interleaved over rounds, median reported. Target: relay ≥ 0.8× raw.
 *
 *   node scripts/build.cjs && node dist/bench/relay/run.js        (or npm run bench:relay)
 *
 *   BENCH_PG_URL         server (default postgres://postgres@127.0.0.1:5432/tenderledger; the database name is ignored)
 *   BENCH_KAFKA_BROKERS  default KAFKA_BROKERS or 127.0.0.1:9092
 *   BENCH_SCALE          multiplies N (default 1; 0.1 for a smoke run)
 *   BENCH_ROUNDS         default 5
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Client } from 'pg';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { openPostgresEventStore, type NewEvent, type SqlEventStore } from '@tenderledger/event-store';
import { uuidv7 } from '@tenderledger/domain-kit';
import { allTopics, encodeEvent, EventRelay, KafkaEventPublisher, storeRelayReader, type EventMessage } from '@tenderledger/messaging';
import { OtherLoad } from '../event-store/quiet';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger';
const BROKERS = (process.env.BENCH_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const DB = 'tl_bench_relay';
const scale = Number(process.env.BENCH_SCALE ?? '1');
const N = Math.max(2000, Math.round(50_000 * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? '5'));
const PAGE = 1000;
const PARTITIONS = 3;
const RUN = randomBytes(4).toString('hex');

const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const started = Date.now();
const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);

function urlFor(database: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One append of ~PAGE events over tender, bid and contract streams (three context topics). */
function batch(seq: number): { streamId: string; events: NewEvent[]; expectedVersion: 'no-stream' }[] {
  const out: { streamId: string; events: NewEvent[]; expectedVersion: 'no-stream' }[] = [];
  const actor = { userId: uuidv7(), role: 'commissioner', organisationId: uuidv7() };
  for (let count = 0, p = 0; count < PAGE; p++) {
    const tenderId = `T-${seq}-${p}`;
    const correlationId = uuidv7();
    const event = (type: string, data: Record<string, unknown>): NewEvent => ({ eventId: uuidv7(), type, data, occurredAt: new Date(Date.UTC(2026, 0, 1) + count * 1000).toISOString(), actor, correlationId });
    const streams: [string, NewEvent[]][] = [
      [`tender-${tenderId}`, [event('TenderPublished', { tenderId, title: `Community health services, lot framework ${seq % 97}`, lots: ['lot-1', 'lot-2', 'lot-3'], valuePence: 450_000_000 + seq, cpv: ['85100000-0', '85140000-2'], procedure: 'open' })]],
      ...Array.from({ length: 8 }, (_, b): [string, NewEvent[]] => [
        `bid-${tenderId}-${b}`,
        [event('BidSubmitted', { bidId: `${tenderId}-${b}`, tenderId, lots: ['lot-1', 'lot-3'], bidder: { name: `Riverside Primary Care Federation ${b}`, sizeBand: 'medium' }, commitment: randomBytes(32).toString('hex'), amountPence: 125_000_000 + b })],
      ]),
      [`contract-${tenderId}`, [event('ContractAwarded', { contractId: `C-${tenderId}`, tenderId, supplier: 'Riverside Primary Care Federation 0', valuePence: 124_000_000 })]],
    ];
    for (const [streamId, events] of streams) {
      if (count >= PAGE) break;
      out.push({ streamId, events, expectedVersion: 'no-stream' });
      count += events.length;
    }
  }
  return out;
}

/** Every running Kafka broker does our work while we measure: count it as ours, not as other load. */
function brokerPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('kafka.Kafka')) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

async function createTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: allTopics(prefix).map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })) });
  await admin.disconnect();
}

async function deleteTopics(kafka: Kafka, prefixes: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: prefixes.flatMap((p) => allTopics(p)) }).catch(() => undefined);
  await admin.disconnect();
}

/** The baseline: the same records (already encoded), the same producer settings, one sendBatch per page. */
async function runRaw(kafka: Kafka, pages: EventMessage[][]): Promise<number> {
  const t0 = process.hrtime.bigint();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  for (const page of pages) {
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const m of page) {
      let list = byTopic.get(m.topic);
      if (!list) byTopic.set(m.topic, (list = []));
      list.push({ key: m.key, value: m.value, headers: { ...m.headers } });
    }
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await producer.disconnect();
  return seconds;
}

async function runRelay(store: SqlEventStore, prefix: string, name: string, head: number, serialiseIn: 'database' | 'process'): Promise<{ seconds: number; published: number }> {
  const t0 = process.hrtime.bigint();
  const relay = new EventRelay(store, new KafkaEventPublisher({ brokers: BROKERS }), { name, topicPrefix: prefix, pageSize: PAGE, pollIntervalMs: 5, partitions: PARTITIONS, serialiseIn });
  const done = new Promise<void>((resolve) => relay.onBatch((status) => status.position >= head && resolve()));
  await relay.start();
  await done;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const published = relay.status().published;
  await relay.stop();
  return { seconds, published };
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  const [{ server_version: pgVersion }] = (await admin.query('show server_version')).rows;
  console.log('TenderLedger relay bench: EventRelay beside a raw kafkajs producer');
  console.log(`  machine      ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
  console.log(`  node ${process.version}, PostgreSQL ${pgVersion}, Kafka at ${BROKERS.join(',')}, kafkajs 2.2.4`);
  console.log(`  N = ${fmt(N)} events, page ${PAGE}, ${PARTITIONS} partitions per topic, ${ROUNDS} rounds\n`);
  const kafka = new Kafka({ clientId: `tl-bench-relay-${RUN}`, brokers: BROKERS, logLevel: logLevel.NOTHING });
  const prefixes: string[] = [];
  const load = new OtherLoad();
  for (const pid of brokerPids()) load.addOwn(pid);
  type Line = 'raw' | 'relay' | 'relay-sql' | 'read';
  const results: Record<Line | 'other', number[]> = { raw: [], relay: [], 'relay-sql': [], read: [], other: [] };
  try {
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.query(`create database ${DB}`);
    const { store, pool } = await openPostgresEventStore({ connectionString: urlFor(DB), poolSize: 4 });
    try {
      const t = Date.now();
      for (let seq = 0; seq * PAGE < N; seq++) await store.appendMultiple(batch(seq));
      await store.executor.query('vacuum analyze tl_events');
      const head = await store.headPosition();
      // The raw producer's records: exactly what the relay will send, read and encoded once, up front.
      const pages: EventMessage[][] = [];
      let page: EventMessage[] = [];
      let bytes = 0;
      for await (const event of store.readAll({ raw: true, pageSize: PAGE })) {
        const m = encodeEvent(event, 'placeholder');
        bytes += m.value.length;
        page.push(m);
        if (page.length === PAGE) (pages.push(page), (page = []));
      }
      if (page.length) pages.push(page);
      const count = pages.reduce((s, p) => s + p.length, 0);
      log(`seeded ${fmt(count)} events in ${((Date.now() - t) / 1000).toFixed(1)} s; average record value ${fmt(bytes / count)} bytes`);

      for (let round = 1; round <= ROUNDS; round++) {
        const lines: Line[] = ['raw', 'relay', 'relay-sql', 'read'];
        const order = lines.map((_, i) => lines[(i + round) % lines.length]!); // rotate who goes first
        for (const line of order) {
          const prefix = `tl-bench-${RUN}-${round}-${line}`;
          prefixes.push(prefix);
          await createTopics(kafka, prefix);
          await admin.query('checkpoint').catch(() => undefined);
          await load.settle(0.25, 20_000);
          const other = load.start();
          if (line === 'raw') {
            const retargeted = pages.map((p) => p.map((m) => ({ ...m, topic: m.topic.replace(/^placeholder\./, `${prefix}.`) })));
            const seconds = await runRaw(kafka, retargeted);
            results.raw.push(count / seconds);
            log(`round ${round} ${'raw'.padEnd(13)} ${fmt(count / seconds).padStart(8)} ev/s  (${seconds.toFixed(2)} s; other processes ${other()?.toFixed(2) ?? '?'} cores)`);
          } else if (line === 'read') {
            const t0 = process.hrtime.bigint();
            const reader = storeRelayReader(store);
            let read = 0;
            for (let after = 0; ; ) {
              const page = await reader.readPage(after, PAGE);
              if (page.length === 0) break;
              read += page.length;
              after = page[page.length - 1]!.globalPosition;
            }
            const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
            if (read !== count) throw new Error(`read ${read} of ${count}`);
            results.read.push(count / seconds);
            log(`round ${round} ${'read'.padEnd(13)} ${fmt(count / seconds).padStart(8)} ev/s  (${seconds.toFixed(2)} s; other processes ${other()?.toFixed(2) ?? '?'} cores)`);
          } else {
            const { seconds, published } = await runRelay(store, prefix, `bench-${RUN}-${round}-${line}`, head, line === 'relay' ? 'process' : 'database');
            if (published !== count) throw new Error(`${line} published ${published} of ${count}`);
            results[line].push(count / seconds);
            const cores = other();
            if (cores !== undefined) results.other.push(cores);
            log(`round ${round} ${line.padEnd(13)} ${fmt(count / seconds).padStart(8)} ev/s  (${seconds.toFixed(2)} s; other processes ${cores?.toFixed(2) ?? '?'} cores)`);
          }
        }
      }
    } finally {
      await store.close().catch(() => undefined);
      await pool.end().catch(() => undefined);
    }
  } finally {
    await deleteTopics(kafka, prefixes).catch(() => undefined);
    await admin.query(`drop database if exists ${DB} with (force)`).catch(() => undefined);
    await admin.end();
  }
  const raw = median(results.raw);
  const relay = median(results.relay);
  const relaySql = median(results['relay-sql']);
  const read = median(results.read);
  const ratios = results.relay.map((r, i) => r / results.raw[i]!);
  const ratiosSql = results['relay-sql'].map((r, i) => r / results.raw[i]!);
  console.log(`\n| line | events/s (median of ${ROUNDS}) | ÷ raw | target |`);
  console.log('|---|---:|---:|---|');
  console.log(`| raw kafkajs producer (pre-encoded records, idempotent, acks -1, sendBatch per ${PAGE}) | ${fmt(raw)} | 1.00× | |`);
  console.log(`| EventRelay (default: store.readAll + JSON.stringify, send, checkpoint per ${PAGE}) | ${fmt(relay)} | **${(relay / raw).toFixed(2)}×** ${relay / raw >= 0.8 ? '✓' : '✗'} | ≥ 0.8× raw |`);
  console.log(`| EventRelay, serialiseIn 'database' (PostgreSQL builds the JSON) | ${fmt(relaySql)} | ${(relaySql / raw).toFixed(2)}× | |`);
  console.log(`| the relay's reader alone (no Kafka): its ceiling | ${fmt(read)} | ${(read / raw).toFixed(2)}× | |`);
  console.log(`\nper-round ratios ÷ raw — relay: ${ratios.map((r) => r.toFixed(2)).join(', ')}; relay-sql: ${ratiosSql.map((r) => r.toFixed(2)).join(', ')}; read: ${results.read.map((r, i) => (r / results.raw[i]!).toFixed(2)).join(', ')}`);
  console.log(`other processes' load during the measurements: median ${results.other.length ? median(results.other).toFixed(2) : '?'} cores (the broker counts as ours)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
