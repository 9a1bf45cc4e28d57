// The relay rides out a broker restart: infra/kafka-restart stops the broker infra/up started and
// starts it again on the same data while events are being appended and relayed. The relay's
// producer is set to give up quickly, so the outage takes the path a long one would: kafkajs gives
// up, the relay logs it, reconnects with a fresh producer and resumes from its checkpoint. Every
// appended event still reaches Kafka.
//
// Disruptive: every client of that broker sees it go away. jest.config.cjs skips *.disruptive.spec.ts
// unless TL_DISRUPTIVE=1; `npm test` runs them alone, after the other suites passed. To aim it at a
// broker of your own: KAFKA_BROKERS=127.0.0.1:19092 KAFKA_PID_FILE=<its .infra dir>/kafka.pid.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { openPostgresEventStore, type SqlEventStore } from '@tenderledger/event-store';
import { allTopics, EventRelay, KafkaEventPublisher, type MessagingLogger } from '@tenderledger/messaging';
import { describeWithPostgresAndKafka, KAFKA_BROKERS } from '../support/infra';
import { appendEvents, createDatabase, dropDatabase, runId, streamIds, TopicReader, waitUntil } from '../support/messaging';
import { ROOT } from '../support/relay-process';

const PID_FILE = process.env.KAFKA_PID_FILE ?? join(ROOT, '.infra/kafka.pid');
const EVENTS = 3000;

/** The broker can be restarted only if infra/up started it (its pid file names a live broker). */
function restartableBroker(): boolean {
  if (!existsSync(PID_FILE)) return false;
  const pid = readFileSync(PID_FILE, 'utf8').trim();
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka');
  } catch {
    return false;
  }
}

function restartBroker(): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('bash', [join(ROOT, 'infra/kafka-restart')], { env: { ...process.env, KAFKA_PID_FILE: PID_FILE, KAFKA_DOWN_SECONDS: '5' } }, (error, stdout, stderr) =>
      error ? reject(new Error(`infra/kafka-restart failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

/** Keeps every log line, so the test can see the relay say what happened. */
function capturingLogger(): MessagingLogger & { lines: { level: string; message: string; fields: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, message, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const suite = restartableBroker() ? describeWithPostgresAndKafka : (name: string, fn: () => void): void => {
  process.stdout.write(`SKIPPED ${name}: no broker started by infra/up behind ${PID_FILE}\n`);
  describe.skip(`${name} [SKIPPED: no broker started by infra/up behind ${PID_FILE}]`, fn);
};

suite('Kafka relay survives a broker restart (disruptive: restarts the broker)', () => {
  const run = runId();
  const db = `tl_test_relay_restart_${run}`;
  const prefix = `tl-test-restart-${run}`;
  let store: SqlEventStore | undefined;
  let relay: EventRelay | undefined;
  let reader: TopicReader | undefined;

  afterAll(async () => {
    await reader?.stop();
    await relay?.stop();
    await store?.close();
    const admin = new Kafka({ clientId: 'tl-test-cleanup', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: allTopics(prefix) }).catch(() => undefined);
    await admin.disconnect();
    await dropDatabase(db);
  });

  it('publishes every appended event although the broker was restarted mid-stream', async () => {
    store = (await openPostgresEventStore({ connectionString: await createDatabase(db), poolSize: 4 })).store;
    const s = store;
    const logger = capturingLogger();
    // Retries short enough that the 5 s outage makes kafkajs give up: the relay's reconnect path runs.
    const publisher = new KafkaEventPublisher({ brokers: KAFKA_BROKERS, logger, retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 } });
    relay = new EventRelay(s, publisher, { name: 'relay', topicPrefix: prefix, pageSize: 100, pollIntervalMs: 20, reconnectDelayMs: 500, logger });
    await relay.start();

    let appendedSoFar = 0;
    const appending = appendEvents(s, streamIds(run, 16), EVENTS, { perAppend: 3, pauseMs: 40, onAppended: (n) => (appendedSoFar = n) });
    await waitUntil(() => relay!.status().position > 0 && appendedSoFar >= 300, 120_000, () => JSON.stringify(relay!.status()));
    const appendedAtRestart = appendedSoFar;
    const restartOutput = await restartBroker();
    expect(restartOutput).toContain('ready: kafka');
    // The restart really happened mid-stream: events were appended while the broker was away.
    expect(appendedSoFar).toBeGreaterThan(appendedAtRestart);
    expect(appendedSoFar).toBeLessThan(EVENTS);

    expect(await appending).toBe(EVENTS);
    const head = await s.headPosition();
    await waitUntil(() => relay!.status().position >= head, 180_000, () => JSON.stringify(relay!.status()));
    const status = relay.status();
    expect(status.state).toBe('running');
    expect(status.failures).toBeGreaterThanOrEqual(1);
    expect(logger.lines.some((l) => l.level === 'error' && l.message.startsWith('relay batch failed'))).toBe(true);
    expect(logger.lines.some((l) => l.message === 'relay reconnected, resuming from its checkpoint')).toBe(true);

    const appendedIds = new Set<string>();
    for await (const e of s.readAll({ raw: true })) appendedIds.add(e.eventId);
    reader = new TopicReader(allTopics(prefix));
    await reader.start();
    await waitUntil(() => reader!.distinctEventIds().size >= EVENTS, 120_000, () => `${reader!.distinctEventIds().size}/${EVENTS} distinct`);
    expect(reader.distinctEventIds()).toEqual(appendedIds);
    process.stdout.write(
      `relay broker restart: ${EVENTS} appended (${appendedAtRestart} before the restart), ${reader.records.length} records on Kafka (${reader.records.length - EVENTS} duplicates), ${status.failures} failed batches\n`,
    );
  }, 600_000);
});
