import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { StoredEvent } from '@tenderledger/event-store';
import type { DistributionConfig } from './distribution-config';
import type { DistributedProjectionRunner } from './distributed-runner';
import { CONTEXT_SERVICES, eventsTopic } from './topology';

/**
 * Feeds a service's process managers from the relay's topics (DESIGN §6): one consumer group per
 * service, so each event reaches one instance of it; the read models are let catch up to the
 * event's position first (the listeners consult them); redelivered events (at-least-once) are
 * dropped by event id. A failing listener is logged and the partition moves on: the listeners are
 * idempotent against their target streams, and a blocked partition would stop every reaction.
 */
export class KafkaEventFeed {
  private readonly logger = new Logger('KafkaEventFeed');
  private consumer: Consumer | null = null;
  private readonly seen = new Set<string>();
  private readonly seenOrder: string[] = [];
  private joined = false;
  delivered = 0;

  constructor(
    private readonly config: DistributionConfig,
    private readonly runner: DistributedProjectionRunner,
    private readonly seenLimit = 100_000,
  ) {}

  get ready(): boolean {
    return this.joined;
  }

  async start(): Promise<void> {
    const kafka = new Kafka({ clientId: `${this.config.prefix}-${this.config.instanceId}-events`, brokers: this.config.brokers, logLevel: logLevel.WARN, retry: { retries: 8, initialRetryTime: 300 } });
    const consumer = kafka.consumer({ groupId: `${this.config.prefix}-${this.config.service}-reactions`, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => (this.joined = true));
    consumer.on(consumer.events.CRASH, (event) => this.logger.error(`event consumer crashed: ${event.payload.error?.message}`));
    await consumer.connect();
    // From the beginning for a new group: a service started after events were published still hears them.
    await consumer.subscribe({ topics: CONTEXT_SERVICES.map((c) => eventsTopic(this.config.prefix, c)), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, topic, partition }) => {
        if (!message.value) return;
        let event: StoredEvent;
        try {
          event = JSON.parse(message.value.toString('utf8')) as StoredEvent;
        } catch (error) {
          this.logger.error(`unreadable message at ${topic}/${partition}@${message.offset}: ${(error as Error).message}`);
          return;
        }
        if (this.seen.has(event.eventId)) return;
        try {
          await this.runner.deliver(event);
        } catch (error) {
          this.logger.error(`reaction to ${event.type} ${event.eventId} (correlation ${event.correlationId}) failed: ${(error as Error)?.message}`, (error as Error)?.stack);
        }
        this.remember(event.eventId);
        this.delivered++;
      },
    });
  }

  /** Stops fetching, lets the message in hand finish and commits its offset (kafkajs does on disconnect). */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    this.seenOrder.push(eventId);
    if (this.seenOrder.length > this.seenLimit) this.seen.delete(this.seenOrder.shift()!);
  }
}
