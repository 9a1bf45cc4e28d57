import { Partitioners, type Admin, type Kafka, type Producer, type RetryOptions } from 'kafkajs';
import type { EventPublisher, TopicSettings } from '../event-publisher.port';
import { silentLogger, type MessagingLogger } from '../messaging-logger';
import type { EventMessage } from '../wire-format';
import { createKafkaClient } from './kafka-client';

export interface KafkaEventPublisherOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  readonly logger?: MessagingLogger;
  /**
   * How long kafkajs keeps retrying one send before it gives up and `publish` rejects.
   * Default ≈ 40 s of backoff (10 retries, 300 ms doubling to 5 s): long enough to ride out a
   * broker restart, short enough that a longer outage surfaces in the logs as a reconnect.
   */
  readonly retry?: RetryOptions;
}

export const DEFAULT_PUBLISH_RETRY: RetryOptions = { retries: 10, initialRetryTime: 300, maxRetryTime: 5000 };

/**
 * The relay's producer on kafkajs: idempotent (the broker drops a retried batch it already
 * wrote), acks from all in-sync replicas, one sendBatch per page, records keyed by stream id
 * through the default (Java-compatible murmur2) partitioner.
 *
 * `connect()` always starts a fresh producer: after kafkajs gave up, the old producer's
 * sequence numbers may be out of step with the broker, and a new producer id is the clean way
 * back. Resending what the old one may have written is at-least-once, which consumers absorb.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private producer: Producer | null = null;
  private admin: Admin | null = null;

  constructor(private readonly options: KafkaEventPublisherOptions) {
    this.logger = options.logger ?? silentLogger;
    this.kafka = createKafkaClient({
      brokers: options.brokers,
      clientId: options.clientId ?? 'tenderledger-relay',
      logger: this.logger,
      retry: options.retry ?? DEFAULT_PUBLISH_RETRY,
    });
  }

  async connect(): Promise<void> {
    await this.dropProducer();
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: this.options.retry ?? DEFAULT_PUBLISH_RETRY,
    });
    await producer.connect();
    this.producer = producer;
  }

  async ensureTopics(topics: readonly string[], settings: TopicSettings): Promise<void> {
    const admin = await this.adminClient();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: settings.partitions, replicationFactor: settings.replicationFactor })),
    });
    this.logger.info({ topics: missing, ...settings }, 'topics created');
  }

  async publish(messages: readonly EventMessage[]): Promise<void> {
    if (!this.producer) throw new Error('publisher is not connected');
    if (messages.length === 0) return;
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const m of messages) {
      let list = byTopic.get(m.topic);
      if (!list) byTopic.set(m.topic, (list = []));
      list.push({ key: m.key, value: m.value, headers: { ...m.headers } });
    }
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })) });
  }

  async ping(): Promise<void> {
    try {
      await (await this.adminClient()).describeCluster();
    } catch (error) {
      await this.dropAdmin(); // the next ping starts a fresh admin rather than reusing a dead one
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    await this.dropProducer();
    await this.dropAdmin();
  }

  private async adminClient(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 2 } });
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }

  private async dropAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }
}
