// Issue 6 "done" criterion: the relay is a real process, SIGKILLed mid-stream while events keep
// being appended, then started again. Every appended event reaches Kafka (duplicates allowed and
// counted), and an IdempotentEventConsumer applies each exactly once.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { openPostgresEventStore, PostgresExecutor, type SqlEventStore } from '@tenderledger/event-store';
import { allTopics, IdempotentEventConsumer } from '@tenderledger/messaging';
import { describeWithPostgresAndKafka, KAFKA_BROKERS } from '../support/infra';
import { appendEvents, createDatabase, dropDatabase, runId, streamIds, TopicReader, waitUntil } from '../support/messaging';
import { RELAY_MAIN, RelayProcess, ROOT } from '../support/relay-process';

const EVENTS = 6000;
/** Kill once the relay's checkpoint has moved and this many events are appended (of EVENTS). */
const KILL_AFTER_APPENDED = 2000;

const checkpointOf = async (store: SqlEventStore, name: string): Promise<number> =>
  Number((await store.executor.query<{ position: string }>('select position from tl_relay_checkpoints where name = $1', [name]))[0]?.position ?? 0);

/** A port nobody listens on right now. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.cjs')], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(RELAY_MAIN)) throw new Error(`${RELAY_MAIN} was not built`);
});

describeWithPostgresAndKafka('Kafka relay survives SIGKILL mid-stream (real process, broker and PostgreSQL)', () => {
  const run = runId();
  const db = `tl_test_relay_kill_${run}`;
  const prefix = `tl-test-kill-${run}`;
  const name = `relay-${run}`;
  let url = '';
  let store: SqlEventStore | undefined;
  let pool: Pool | undefined;
  const processes: RelayProcess[] = [];
  const stoppers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    url = await createDatabase(db);
    store = (await openPostgresEventStore({ connectionString: url, poolSize: 4 })).store;
  });
  afterAll(async () => {
    for (const p of processes) p.kill('SIGKILL');
    for (const stop of stoppers) await stop().catch(() => undefined);
    await pool?.end();
    await store?.close();
    const admin = new Kafka({ clientId: 'tl-test-cleanup', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: allTopics(prefix) }).catch(() => undefined);
    await admin.disconnect();
    await dropDatabase(db);
  });

  const startRelay = (extra: Record<string, string> = {}): RelayProcess => {
    const relay = new RelayProcess({
      ...extra,
      EVENT_STORE: 'postgres',
      DATABASE_URL: url,
      KAFKA_BROKERS: KAFKA_BROKERS.join(','),
      TOPIC_PREFIX: prefix,
      TOPIC_PARTITIONS: '3',
      RELAY_NAME: name,
      RELAY_PAGE_SIZE: '50',
      RELAY_POLL_MS: '20',
      LOG_LEVEL: 'debug',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    });
    processes.push(relay);
    return relay;
  };

  it('every appended event reaches Kafka after a SIGKILL and restart, and the idempotent consumer applies each exactly once', async () => {
    const s = store!;
    const streams = streamIds(run, 32);
    let appendedSoFar = 0;
    const appending = appendEvents(s, streams, EVENTS, { perAppend: 5, pauseMs: 2, onAppended: (n) => (appendedSoFar = n) });

    // 1. The relay runs while events are being appended, and is SIGKILLed mid-stream.
    const first = startRelay();
    await waitUntil(async () => appendedSoFar >= KILL_AFTER_APPENDED && (await checkpointOf(s, name)) > 0, 120_000, () => `appended ${appendedSoFar}\n${first.transcript()}`);
    expect(first.said('relay started')).toBe(true);
    first.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = await checkpointOf(s, name);
    const publishedBeforeKill = first.lines.filter((l) => l.msg === 'batch published').reduce((sum, l) => sum + Number(l.events), 0);
    expect(appendedSoFar).toBeLessThan(EVENTS); // the kill really was mid-stream

    // 2. Restarted, it resumes from the stored checkpoint while appends go on, and catches up.
    const port = await freePort();
    const second = startRelay({ RELAY_PORT: String(port) });
    await waitUntil(() => second.said('relay starting from its checkpoint'), 60_000, () => second.transcript());
    expect(second.lines.find((l) => l.msg === 'relay starting from its checkpoint')!.position).toBe(atKill);
    const appended = await appending;
    expect(appended).toBe(EVENTS);
    const head = await s.headPosition();
    await waitUntil(async () => (await checkpointOf(s, name)) >= head, 120_000, () => second.transcript());

    // Its /health and /metrics report the store, Kafka, the checkpoint and no backlog.
    await waitUntil(() => second.said('relay started'), 60_000, () => second.transcript());
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'ok', kafka: 'ok', relay: { name, state: 'running', position: head, lagEvents: 0 } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain(`tenderledger_relay_position{relay="${name}"} ${head}`);
    expect(metrics).toContain(`tenderledger_relay_lag_events{relay="${name}"} 0`);

    // 3. SIGTERM: a clean stop (batch in flight finished and checkpointed).
    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.said('relay stopped cleanly')).toBe(true);
    expect(await checkpointOf(s, name)).toBe(head);

    // 4. On Kafka: every appended event at least once; duplicates are what the kill re-sent.
    const appendedIds = new Set<string>();
    for await (const e of s.readAll({ raw: true })) appendedIds.add(e.eventId);
    expect(appendedIds.size).toBe(EVENTS);
    const reader = new TopicReader(allTopics(prefix));
    stoppers.push(() => reader.stop());
    await reader.start();
    await waitUntil(() => reader.distinctEventIds().size >= EVENTS, 120_000, () => `${reader.distinctEventIds().size}/${EVENTS} distinct`);
    expect(reader.distinctEventIds()).toEqual(appendedIds);
    const duplicates = reader.records.length - EVENTS;
    expect(duplicates).toBeGreaterThanOrEqual(0);
    process.stdout.write(`relay SIGKILL: ${EVENTS} appended, ${reader.records.length} records on Kafka (${duplicates} duplicates), ${publishedBeforeKill} published before the kill\n`);
    // Per stream, the first delivery of each version comes in version order.
    for (const streamId of streams) {
      const firsts: number[] = [];
      const seen = new Set<number>();
      for (const r of reader.records) if (r.streamId === streamId && !seen.has(r.streamVersion)) (seen.add(r.streamVersion), firsts.push(r.streamVersion));
      expect(firsts).toEqual(firsts.map((_, i) => i + 1));
    }

    // 5. The idempotent consumer: one effect row per appended event, none twice.
    pool = new Pool({ connectionString: url, max: 3 });
    const sql = new PostgresExecutor(pool);
    await sql.query('create table effects (seq bigserial primary key, event_id uuid not null, stream_id text not null, stream_version bigint not null)');
    const consumer = new IdempotentEventConsumer({
      brokers: KAFKA_BROKERS,
      name: `effects-${run}`,
      topics: allTopics(prefix),
      sql,
      partitionsConsumedConcurrently: 3,
      handler: async (event, tx) => {
        await tx('insert into effects (event_id, stream_id, stream_version) values ($1, $2, $3)', [event.eventId, event.streamId, event.streamVersion]);
      },
    });
    stoppers.push(() => consumer.stop());
    await consumer.start();
    await waitUntil(() => consumer.stats().received >= reader.records.length, 180_000, () => JSON.stringify(consumer.stats()));
    await consumer.stop();
    const [counts] = await sql.query<{ n: string; distinct_ids: string }>('select count(*) as n, count(distinct event_id) as distinct_ids from effects');
    expect({ n: Number(counts!.n), distinct: Number(counts!.distinct_ids) }).toEqual({ n: EVENTS, distinct: EVENTS });
    expect(consumer.stats()).toMatchObject({ applied: EVENTS, duplicates: duplicates, failed: 0, undecodable: 0 });
  }, 600_000);
});
