// The relay and the idempotent consumer against the real broker and PostgreSQL (DESIGN §6).
// Each scenario has its own database and topic prefix, so suites sharing the servers never meet.
//
// 1. A normal run: every event reaches Kafka once, on its context's topic, keyed by stream, in
//    per-stream order, with the wire headers, and the checkpoint never runs ahead of an ack.
// 2. A batch whose ack is lost (the batch reached Kafka, the relay saw a failure): the checkpoint
//    stays, the relay reconnects and re-sends (duplicates on the topic), and an IdempotentEventConsumer
//    still applies every event exactly once, in per-stream order, across a stop and a restart.
// 3. A handler that keeps throwing, or throws a few times, and a message that is not an event: the
//    partition is not blocked, failures are recorded, the rest is applied once.
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { openPostgresEventStore, PostgresExecutor, type SqlEventStore, type StoredEvent } from '@tenderledger/event-store';
import {
  allTopics,
  EventRelay,
  IdempotentEventConsumer,
  KafkaEventPublisher,
  sqlRelayReader,
  storeRelayReader,
  topicFor,
  type EventMessage,
  type EventPublisher,
  type TopicSettings,
} from '@tenderledger/messaging';
import { Pool } from 'pg';
import { describeWithPostgresAndKafka, KAFKA_BROKERS } from '../support/infra';
import { appendEvents, createDatabase, dropDatabase, EXPECTED_CONTEXT, runId, streamIds, STREAM_KINDS, TopicReader, waitUntil } from '../support/messaging';
import { newEvent } from '../../libs/event-store/src/testing/contract';

/** Wraps the real Kafka publisher to watch the checkpoint around every send (and, on request, lose one ack). */
class WatchedPublisher implements EventPublisher {
  readonly sends: { checkpointBefore: number; first: number; last: number; acked: boolean }[] = [];
  /** The 1-based send whose ack is "lost": it reaches Kafka, then publish() rejects. */
  loseAckOfSend: number | null = null;

  constructor(
    private readonly inner: EventPublisher,
    private readonly store: SqlEventStore,
    private readonly relayName: string,
  ) {}

  connect(): Promise<void> {
    return this.inner.connect();
  }
  ensureTopics(topics: readonly string[], settings: TopicSettings): Promise<void> {
    return this.inner.ensureTopics(topics, settings);
  }
  async publish(messages: readonly EventMessage[]): Promise<void> {
    const [row] = await this.store.executor.query<{ position: string }>('select position from tl_relay_checkpoints where name = $1', [this.relayName]);
    const positions = messages.map((m) => Number(m.headers['global-position']));
    const send = { checkpointBefore: Number(row!.position), first: positions[0]!, last: positions[positions.length - 1]!, acked: false };
    this.sends.push(send);
    await this.inner.publish(messages);
    if (this.sends.length === this.loseAckOfSend) throw new Error('test: ack lost after the broker wrote the batch');
    send.acked = true;
  }
  ping(): Promise<void> {
    return this.inner.ping();
  }
  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }
}

const storedEvents = async (store: SqlEventStore): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const e of store.readAll({ raw: true })) events.push(e);
  return events;
};

/** The effect table a test consumer writes: one key-less row per handler call, so a double apply shows. */
const EFFECTS_SQL = 'create table effects (seq bigserial primary key, event_id uuid not null, stream_id text not null, stream_version bigint not null)';
const applyEffect = async (event: StoredEvent, tx: <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>): Promise<void> => {
  await tx('insert into effects (event_id, stream_id, stream_version) values ($1, $2, $3)', [event.eventId, event.streamId, event.streamVersion]);
};

describeWithPostgresAndKafka('Kafka relay and idempotent consumer (real broker and PostgreSQL)', () => {
  const databases: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    const kafka = new Kafka({ clientId: 'tl-test-cleanup', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => prefixes.some((p) => t.startsWith(`${p}.`)));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
    for (const db of databases) await dropDatabase(db);
  });
  const prefixes: string[] = [];

  async function scenario(): Promise<{ run: string; prefix: string; store: SqlEventStore; url: string }> {
    const run = runId();
    const db = `tl_test_relay_${run}`;
    databases.push(db);
    const url = await createDatabase(db);
    const { store } = await openPostgresEventStore({ connectionString: url, poolSize: 4 });
    cleanups.push(() => store.close());
    const prefix = `tl-test-${run}`;
    prefixes.push(prefix);
    return { run, prefix, store, url };
  }

  it('serialises every event the same whether PostgreSQL builds the JSON or the process does, and both equal the stored event', async () => {
    const { run, store } = await scenario();
    const odd = [
      newEvent('Odd', { text: 'Bid for “lot 2” — £1,250 ✓ and \\ "quotes"', ratio: 0.1 + 0.2, big: 2 ** 53 - 1, tiny: 1e-7, nested: { list: [1, 'two', null, { three: true }], empty: {} } }, { causationId: 'cause-1' }),
      newEvent('Null', null, { occurredAt: '1999-12-31T23:59:59.999Z' }),
      newEvent('List', [1, 2, 3], { correlationId: 'corr-ünïcode' }),
    ];
    await store.append(`tender-${run}`, odd, 'no-stream');
    await appendEvents(store, streamIds(run, 8), 300, { perAppend: 9 });
    const events = await storedEvents(store);
    const [viaDatabase, viaProcess] = await Promise.all([sqlRelayReader(store.executor).readPage(0, 1000), storeRelayReader(store).readPage(0, 1000)]);
    expect(viaDatabase).toHaveLength(events.length);
    expect(viaDatabase.map(({ value: _v, ...rest }) => rest)).toEqual(viaProcess.map(({ value: _v, ...rest }) => rest));
    expect(viaDatabase.map((e) => JSON.parse(e.value))).toEqual(events);
    expect(viaProcess.map((e) => JSON.parse(e.value))).toEqual(events);
  });

  it.each(['database', 'process'] as const)('publishes every event once, on its context topic, keyed by stream, in stream order, with the headers, checkpointing only after each ack (serialised in the %s)', async (serialiseIn) => {
    const { run, prefix, store } = await scenario();
    const streams = streamIds(run, 40);
    const appended = await appendEvents(store, streams, 1200, { perAppend: 7 });
    const events = await storedEvents(store);
    expect(events).toHaveLength(appended);

    const publisher = new WatchedPublisher(new KafkaEventPublisher({ brokers: KAFKA_BROKERS }), store, 'relay-a');
    const relay = new EventRelay(store, publisher, { name: 'relay-a', topicPrefix: prefix, pageSize: 100, partitions: 3, pollIntervalMs: 20, serialiseIn });
    const reader = new TopicReader(allTopics(prefix));
    cleanups.push(() => reader.stop(), () => relay.stop());
    await relay.start();
    const head = events[events.length - 1]!.globalPosition;
    await waitUntil(() => relay.status().position >= head, 120_000, () => JSON.stringify(relay.status()));
    await relay.stop();
    await reader.start();
    await waitUntil(() => reader.records.length >= appended, 120_000, () => `${reader.records.length}/${appended} records`);

    // Once each, nothing else (a normal run of an idempotent producer writes no duplicates).
    expect(reader.records).toHaveLength(appended);
    expect(reader.distinctEventIds()).toEqual(new Set(events.map((e) => e.eventId)));
    const byId = new Map(events.map((e) => [e.eventId, e]));
    for (const record of reader.records) {
      const event = byId.get(record.eventId)!;
      const kind = STREAM_KINDS.find((k) => event.streamId.startsWith(`${k}-${run}-`))!;
      expect(record.topic).toBe(`${prefix}.${EXPECTED_CONTEXT[kind]}.events`);
      expect(record.key).toBe(event.streamId);
      expect(JSON.parse(record.value)).toEqual(event);
      expect(record.headers).toEqual({
        'event-id': event.eventId,
        'event-type': event.type,
        'schema-version': String(event.schemaVersion),
        'correlation-id': event.correlationId,
        'global-position': String(event.globalPosition),
      });
    }
    // Per stream: one partition, versions 1..n in the order they were received.
    for (const streamId of streams) {
      const mine = reader.records.filter((r) => r.streamId === streamId);
      expect(new Set(mine.map((r) => `${r.topic}/${r.partition}`)).size).toBe(1);
      expect(mine.map((r) => r.streamVersion)).toEqual(mine.map((_, i) => i + 1));
    }
    // The checkpoint: before each send it held exactly the previous acknowledged batch's last position.
    // (More sends than pages only if another session's open transaction held the horizon mid-way.)
    expect(publisher.sends.length).toBeGreaterThanOrEqual(Math.ceil(appended / 100));
    publisher.sends.forEach((send, i) => {
      expect(send.acked).toBe(true);
      expect(send.checkpointBefore).toBe(i === 0 ? 0 : publisher.sends[i - 1]!.last);
      expect(send.checkpointBefore).toBeLessThan(send.first);
    });
    const [cp] = await store.executor.query<{ position: string }>('select position from tl_relay_checkpoints where name = $1', ['relay-a']);
    expect(Number(cp!.position)).toBe(head);
    expect(await relay.progress()).toMatchObject({ position: head, lagEvents: 0, published: appended, failures: 0 });
  });

  it('re-sends a batch whose ack was lost, and the idempotent consumer applies every event exactly once, in stream order, across a stop and restart', async () => {
    const { run, prefix, store, url } = await scenario();
    const streams = streamIds(run, 24);
    const appended = await appendEvents(store, streams, 1000, { perAppend: 5 });
    const publisher = new WatchedPublisher(new KafkaEventPublisher({ brokers: KAFKA_BROKERS }), store, 'relay-b');
    publisher.loseAckOfSend = 3;
    const relay = new EventRelay(store, publisher, { name: 'relay-b', topicPrefix: prefix, pageSize: 100, pollIntervalMs: 20, reconnectDelayMs: 50 });
    cleanups.push(() => relay.stop());
    await relay.start();
    const head = await store.headPosition();
    await waitUntil(() => relay.status().position >= head, 120_000, () => JSON.stringify(relay.status()));

    // The failed send reached Kafka but did not move the checkpoint; the retry re-sent the same batch.
    const [second, lost, retry] = [publisher.sends[1]!, publisher.sends[2]!, publisher.sends[3]!];
    expect(lost).toMatchObject({ acked: false, checkpointBefore: second.last });
    expect(retry).toMatchObject({ acked: true, checkpointBefore: second.last, first: lost.first, last: lost.last });
    expect(relay.status()).toMatchObject({ failures: 1, published: appended });

    // A consumer over every context topic, stopped part-way and restarted under the same name.
    const pool = new Pool({ connectionString: url, max: 3 });
    cleanups.push(() => pool.end());
    const sql = new PostgresExecutor(pool);
    await sql.query(EFFECTS_SQL);
    const options = { brokers: KAFKA_BROKERS, name: `effects-${run}`, topics: allTopics(prefix), sql, handler: applyEffect };
    const first = new IdempotentEventConsumer(options);
    cleanups.push(() => first.stop());
    await first.start();
    await waitUntil(() => first.stats().applied >= 300, 120_000, () => JSON.stringify(first.stats()));
    await first.stop();
    const second2 = new IdempotentEventConsumer(options);
    cleanups.push(() => second2.stop());
    await second2.start();
    const effectCount = async (): Promise<number> => Number((await sql.query<{ n: string }>('select count(*) as n from effects'))[0]!.n);
    await waitUntil(async () => (await effectCount()) >= appended, 120_000, () => JSON.stringify({ first: first.stats(), second: second2.stats() }));
    // Everything on the topics has been seen once the duplicates of the lost batch are counted too.
    await waitUntil(() => first.stats().received + second2.stats().received >= appended + 100, 60_000, () => JSON.stringify({ first: first.stats(), second: second2.stats() }));
    await second2.stop();

    const [counts] = await sql.query<{ n: string; distinct_ids: string }>('select count(*) as n, count(distinct event_id) as distinct_ids from effects');
    expect({ n: Number(counts!.n), distinct: Number(counts!.distinct_ids) }).toEqual({ n: appended, distinct: appended });
    const applied = first.stats().applied + second2.stats().applied;
    const duplicates = first.stats().duplicates + second2.stats().duplicates;
    expect(applied).toBe(appended);
    expect(duplicates).toBeGreaterThanOrEqual(100); // at least the re-sent batch
    const [consumed] = await sql.query<{ n: string }>(`select count(*) as n from tl_consumed_events where consumer_name = $1 and outcome = 'applied'`, [options.name]);
    expect(Number(consumed!.n)).toBe(appended);
    // Per stream, the effects were applied in version order, each version once.
    const rows = await sql.query<{ stream_id: string; stream_version: string }>('select stream_id, stream_version from effects order by seq');
    for (const streamId of streams) {
      const versions = rows.filter((r) => r.stream_id === streamId).map((r) => Number(r.stream_version));
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
  });

  it('records a handler that keeps failing and a message that is not an event, retries a flaky one, and never blocks the partition', async () => {
    const { run, prefix, store, url } = await scenario();
    const streamId = `tender-${run}`;
    // One stream, so one partition: everything after the poison event must still be applied.
    await store.append(streamId, [newEvent('Fine', { n: 1 }), newEvent('Poison', { n: 2 }), newEvent('Flaky', { n: 3 }), newEvent('Fine', { n: 4 })], 'no-stream');
    const relay = new EventRelay(store, new KafkaEventPublisher({ brokers: KAFKA_BROKERS }), { name: 'relay-c', topicPrefix: prefix, partitions: 1, pollIntervalMs: 20 });
    cleanups.push(() => relay.stop());
    await relay.start();
    const head = await store.headPosition();
    await waitUntil(() => relay.status().position >= head, 60_000, () => JSON.stringify(relay.status()));
    // A record on the same topic that is not an event, then one more real event behind it.
    const kafka = new Kafka({ clientId: `tl-test-${run}`, brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: topicFor('tendering', prefix), messages: [{ key: streamId, value: 'not an event' }] });
    await producer.disconnect();
    await store.append(streamId, [newEvent('Fine', { n: 5 })], 4);
    const head2 = await store.headPosition();
    await waitUntil(() => relay.status().position >= head2, 60_000, () => JSON.stringify(relay.status()));

    const pool = new Pool({ connectionString: url, max: 3 });
    cleanups.push(() => pool.end());
    const sql = new PostgresExecutor(pool);
    await sql.query(EFFECTS_SQL);
    const calls = new Map<string, number>();
    const consumer = new IdempotentEventConsumer({
      brokers: KAFKA_BROKERS,
      name: `failing-${run}`,
      topics: [topicFor('tendering', prefix)],
      sql,
      maxAttempts: 3,
      retryDelayMs: 10,
      handler: async (event, tx) => {
        calls.set(event.type, (calls.get(event.type) ?? 0) + 1);
        await applyEffect(event, tx); // written, then rolled back when the handler throws
        if (event.type === 'Poison') throw new Error('poison: cannot apply');
        if (event.type === 'Flaky' && calls.get('Flaky')! < 3) throw new Error('flaky: try again');
      },
    });
    cleanups.push(() => consumer.stop());
    await consumer.start();
    await waitUntil(() => consumer.stats().received >= 6, 60_000, () => JSON.stringify(consumer.stats()));
    await consumer.stop();

    expect(consumer.stats()).toEqual({ received: 6, applied: 4, duplicates: 0, failed: 1, undecodable: 1 });
    expect(Object.fromEntries(calls)).toEqual({ Fine: 3, Poison: 3, Flaky: 3 });
    const effects = await sql.query<{ stream_version: string }>('select stream_version from effects order by seq');
    expect(effects.map((r) => Number(r.stream_version))).toEqual([1, 3, 4, 5]); // the poison event's rows were rolled back
    const failures = await sql.query<{ event_type: string | null; attempts: number; error: string; message_value: string }>(
      'select event_type, attempts, error, message_value from tl_consumer_failures where consumer_name = $1 order by id',
      [`failing-${run}`],
    );
    expect(failures.map(({ event_type, attempts }) => ({ event_type, attempts }))).toEqual([
      { event_type: 'Poison', attempts: 3 },
      { event_type: null, attempts: 1 },
    ]);
    expect(failures[0]!.error).toBe('poison: cannot apply');
    expect(failures[1]!.error).toContain('value is not JSON');
    expect(failures[1]!.message_value).toBe('not an event');
    const outcomes = await sql.query<{ outcome: string; n: string }>('select outcome, count(*) as n from tl_consumed_events where consumer_name = $1 group by outcome order by outcome', [`failing-${run}`]);
    expect(outcomes.map((o) => [o.outcome, Number(o.n)])).toEqual([
      ['applied', 4],
      ['failed', 1],
    ]);
  });
});
