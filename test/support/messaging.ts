// Helpers for the relay and consumer suites: a fresh database per suite, events spread over
// every context's stream prefixes, and a plain kafkajs reader that collects what reached Kafka.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { NewEvent, SqlEventStore } from '@tenderledger/event-store';
import { decodeEvent, EVENT_HEADERS } from '@tenderledger/messaging';
import { newEvent } from '../../libs/event-store/src/testing/contract';
import { KAFKA_BROKERS, PG_URL } from './infra';

export const runId = (): string => randomUUID().replace(/-/g, '').slice(0, 12);

export function databaseUrl(database: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database on the test server; returns its URL. */
export async function createDatabase(name: string): Promise<string> {
  await admin(`create database ${name}`);
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(`drop database if exists ${name} with (force)`);
}

/** One stream id per context prefix the contexts mint, plus one no context owns. */
export const STREAM_KINDS = ['organisation', 'contract', 'tender', 'bid', 'evaluation', 'award', 'direct-award', 'thing'] as const;
export const EXPECTED_CONTEXT: Record<(typeof STREAM_KINDS)[number], string> = {
  organisation: 'registry',
  contract: 'registry',
  tender: 'tendering',
  bid: 'bidding',
  evaluation: 'evaluation',
  award: 'award',
  'direct-award': 'award',
  thing: 'other',
};

/** Streams `${kind}-${run}-${i}` over every kind, round robin. */
export function streamIds(run: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${STREAM_KINDS[i % STREAM_KINDS.length]}-${run}-${i}`);
}

/** Appends `total` events, `perAppend` at a time, cycling over `streams`; calls `onAppended` with the running count. */
export async function appendEvents(
  store: SqlEventStore,
  streams: readonly string[],
  total: number,
  options: { perAppend?: number; pauseMs?: number; onAppended?: (count: number) => void } = {},
): Promise<number> {
  const perAppend = options.perAppend ?? 10;
  let appended = 0;
  let turn = 0;
  while (appended < total) {
    const streamId = streams[turn++ % streams.length]!;
    const n = Math.min(perAppend, total - appended);
    const events: NewEvent[] = Array.from({ length: n }, (_, i) => newEvent('ThingHappened', { n: appended + i, streamId }, { correlationId: `corr-${turn}` }));
    await store.append(streamId, events, 'any');
    appended += n;
    options.onAppended?.(appended);
    if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
  }
  return appended;
}

export interface ReceivedRecord {
  topic: string;
  partition: number;
  key: string;
  headers: Record<string, string>;
  eventId: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  value: string;
}

/** A plain kafkajs consumer (new group, from the beginning) that keeps every record it sees. */
export class TopicReader {
  readonly records: ReceivedRecord[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly topics: readonly string[],
    private readonly brokers: readonly string[] = KAFKA_BROKERS,
  ) {}

  async start(): Promise<void> {
    const kafka = new Kafka({ clientId: `tl-test-reader-${runId()}`, brokers: [...this.brokers], logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: `tl-test-reader-${runId()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const event = decodeEvent(message);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
        this.records.push({ topic, partition, key: message.key!.toString(), headers, eventId: event.eventId, streamId: event.streamId, streamVersion: event.streamVersion, globalPosition: event.globalPosition, value: message.value!.toString() });
      },
    });
  }

  distinctEventIds(): Set<string> {
    return new Set(this.records.map((r) => r.eventId));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export { EVENT_HEADERS };

/** Polls `condition` every 100 ms until it holds; fails with `describe()` after `timeoutMs` (not a timed assertion: a hang guard). */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
