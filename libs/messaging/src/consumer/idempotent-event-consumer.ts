import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { SqlExecutor, StoredEvent } from '@tenderledger/event-store';
import { createKafkaClient } from '../kafka/kafka-client';
import { errorFields, pause, silentLogger, type MessagingLogger } from '../messaging-logger';
import { decodeEvent } from '../wire-format';
import { installConsumerSchema } from './consumer-schema';

/** The query function of the consumer's transaction (SqlExecutor.transaction hands one out). */
export type TransactionQuery = <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>;

/** Where a message came from, for logs and failure rows. */
export interface MessageOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Applies one event. Runs inside the consumer's transaction: write the read model through `tx`
 * (never through another connection), so the rows and the "consumed" mark commit or roll back
 * together. Throwing rolls everything back and the event is retried (see the class comment).
 */
export type ConsumedEventHandler = (event: StoredEvent, tx: TransactionQuery, origin: MessageOrigin) => Promise<void>;

export interface IdempotentEventConsumerOptions {
  /** Kafka bootstrap brokers, e.g. ['127.0.0.1:9092']. */
  readonly brokers: readonly string[];
  /** The dedupe key in tl_consumed_events and the default consumer group: one name per read model. */
  readonly name: string;
  /** Consumer group id; default `name`. Instances sharing it split the partitions. */
  readonly groupId?: string;
  /** Topics to read, e.g. `[topicFor('tendering'), topicFor('bidding')]` (libs/messaging wire-format). */
  readonly topics: readonly string[];
  /** The database holding the read model; the consumer's tables are created there at start. */
  readonly sql: SqlExecutor;
  readonly handler: ConsumedEventHandler;
  /** Handler attempts per event before it is recorded as failed and skipped. Default 5. */
  readonly maxAttempts?: number;
  /** Wait before the 2nd attempt; doubles each time, capped at 10 s. Default 200 ms. */
  readonly retryDelayMs?: number;
  /** A new group starts at the beginning of each topic (default) or only sees new messages. */
  readonly fromBeginning?: boolean;
  /** Partitions processed at once (each still strictly in order). Default 1. */
  readonly partitionsConsumedConcurrently?: number;
  readonly clientId?: string;
  readonly logger?: MessagingLogger;
}

export interface ConsumerStats {
  /** Messages taken from Kafka (redeliveries included). */
  readonly received: number;
  /** Events the handler applied and committed. */
  readonly applied: number;
  /** Events already in tl_consumed_events: skipped without calling the handler. */
  readonly duplicates: number;
  /** Events whose handler kept throwing: recorded in tl_consumer_failures, skipped. */
  readonly failed: number;
  /** Messages that were not events in the wire format: recorded in tl_consumer_failures, skipped. */
  readonly undecodable: number;
}

/** The handler threw (as opposed to the database failing around it). */
class HandlerFailed extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

const MAX_RETRY_DELAY_MS = 10_000;

/**
 * Exactly-once effects from an at-least-once topic (DESIGN §6).
 *
 * A kafkajs consumer in group `groupId` reads `topics` and decodes each message to the
 * StoredEvent the relay published. For each event, in ONE transaction of `sql`:
 *   insert (name, eventId) into tl_consumed_events on conflict do nothing;
 *   only if that inserted a row, call `handler(event, tx, origin)`;
 *   commit.
 * The message's offset is marked for commit only after that transaction committed, so a crash
 * between the two re-delivers the event and the insert finds it: the handler's effects happen
 * once per (name, eventId), however often Kafka delivers it. Per partition, events are handled
 * strictly one after another, so a stream's events (one key, one partition) apply in order.
 *
 * A handler that throws never blocks its partition for ever: the transaction rolls back and the
 * event is retried up to `maxAttempts` times with a doubling pause; then the failure (error,
 * attempts, topic/partition/offset, the message) is recorded in tl_consumer_failures, the event
 * is marked `failed` in tl_consumed_events (a redelivery will not retry it), an error is logged,
 * and the consumer moves on to the next message. A message that is not an event in the wire
 * format is recorded and skipped the same way. When the database itself fails (the "consumed"
 * insert or the commit), nothing is skipped: the consumer waits and tries again until it works or
 * stop() is called.
 *
 * stop() drains: the message in hand finishes (or, mid-retry, is left uncommitted for the next
 * owner), resolved offsets are committed, and the consumer leaves the group.
 */
export class IdempotentEventConsumer {
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly stopSignal = new AbortController();
  private consumer: Consumer | null = null;
  private counts = { received: 0, applied: 0, duplicates: 0, failed: 0, undecodable: 0 };

  constructor(private readonly options: IdempotentEventConsumerOptions) {
    if (options.topics.length === 0) throw new Error('an IdempotentEventConsumer needs at least one topic');
    this.logger = options.logger ?? silentLogger;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.kafka = createKafkaClient({ brokers: options.brokers, clientId: options.clientId ?? `tenderledger-${options.name}`, logger: this.logger });
  }

  get name(): string {
    return this.options.name;
  }

  /** Creates the consumer tables if needed, joins the group and starts consuming (resolves once running). */
  async start(): Promise<void> {
    if (this.consumer) throw new Error(`consumer ${this.name} already started`);
    await installConsumerSchema(this.options.sql);
    const consumer = this.kafka.consumer({ groupId: this.options.groupId ?? this.options.name });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
    this.logger.info({ consumer: this.name, groupId: this.options.groupId ?? this.name, topics: this.options.topics }, 'consumer started');
  }

  /** Drains the message in hand, commits resolved offsets and leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    this.stopSignal.abort();
    await consumer.disconnect(); // kafkajs waits for the running batch, then commits resolved offsets
    this.consumer = null;
    this.logger.info({ consumer: this.name, ...this.counts }, 'consumer stopped');
  }

  stats(): ConsumerStats {
    return { ...this.counts };
  }

  private async consumeBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.stopSignal.signal.aborted) return;
      const origin: MessageOrigin = { topic: batch.topic, partition: batch.partition, offset: message.offset };
      this.counts.received++;
      const done = await this.consume(message, origin, heartbeat);
      if (!done) return; // stopped mid-retry: leave this offset unresolved for whoever consumes next
      resolveOffset(message.offset); // only now, after the transaction committed
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /** True once the message is dealt with (applied, duplicate, or recorded as failed). */
  private async consume(message: KafkaMessage, origin: MessageOrigin, heartbeat: () => Promise<void>): Promise<boolean> {
    let event: StoredEvent;
    try {
      event = decodeEvent(message);
    } catch (error) {
      return this.recordFailure(null, message, origin, 1, error, 'undecodable');
    }
    let attempt = 0;
    let delay = this.retryDelayMs;
    for (;;) {
      try {
        const applied = await this.options.sql.transaction(async (query) => {
          const inserted = await query<{ event_id: string }>(
            'insert into tl_consumed_events (consumer_name, event_id) values ($1, $2) on conflict do nothing returning event_id',
            [this.name, event.eventId],
          );
          if (inserted.length === 0) return false;
          try {
            await this.options.handler(event, query, origin);
          } catch (error) {
            throw new HandlerFailed(error);
          }
          return true;
        });
        if (applied) this.counts.applied++;
        else this.counts.duplicates++;
        return true;
      } catch (error) {
        const handlerFailed = error instanceof HandlerFailed;
        if (handlerFailed) attempt++;
        if (handlerFailed && attempt >= this.maxAttempts) return this.recordFailure(event, message, origin, attempt, error.reason, 'failed');
        this.logger.warn(
          { consumer: this.name, eventId: event.eventId, type: event.type, ...origin, attempt, retryInMs: delay, ...errorFields(handlerFailed ? error.reason : error) },
          handlerFailed ? 'handler failed; retrying the event' : 'database failed around the handler; retrying the event',
        );
        await pause(delay, this.stopSignal.signal);
        if (this.stopSignal.signal.aborted) return false;
        delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
        await heartbeat().catch(() => undefined); // a long retry must not cost the group membership
      }
    }
  }

  /** Records why a message is skipped; if even that fails, the message is not skipped (retried by the next owner). */
  private async recordFailure(event: StoredEvent | null, message: KafkaMessage, origin: MessageOrigin, attempts: number, cause: unknown, kind: 'failed' | 'undecodable'): Promise<boolean> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    try {
      await this.options.sql.transaction(async (query) => {
        await query(
          `insert into tl_consumer_failures (consumer_name, event_id, event_type, stream_id, topic, kafka_partition, kafka_offset, attempts, error, message_value)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [this.name, event?.eventId ?? null, event?.type ?? null, event?.streamId ?? null, origin.topic, origin.partition, origin.offset, attempts, reason, message.value?.toString() ?? null],
        );
        if (event) {
          await query(`insert into tl_consumed_events (consumer_name, event_id, outcome) values ($1, $2, 'failed') on conflict do nothing`, [this.name, event.eventId]);
        }
      });
    } catch (error) {
      this.logger.error({ consumer: this.name, ...origin, ...errorFields(error) }, 'could not record a failed message; it stays uncommitted');
      throw error;
    }
    if (kind === 'failed') this.counts.failed++;
    else this.counts.undecodable++;
    this.logger.error(
      { consumer: this.name, eventId: event?.eventId ?? null, type: event?.type ?? null, streamId: event?.streamId ?? null, ...origin, attempts, error: reason },
      kind === 'failed' ? 'event skipped after its handler kept failing (recorded in tl_consumer_failures)' : 'message is not an event; skipped (recorded in tl_consumer_failures)',
    );
    return true;
  }
}
