import { Kafka, logLevel } from 'kafkajs';
import type { DistributionConfig } from './distribution-config';
import { topicFor } from '@tenderledger/messaging';
import { CONTEXT_SERVICES, commandsTopic, repliesTopic } from './topology';

/**
 * Creates the topics the distributed shape needs before anyone subscribes (a consumer that
 * subscribes to a missing topic gets no partitions, and ClientKafka then has no reply partition).
 * Idempotent: existing topics are left as they are.
 */
export async function ensureTopics(config: DistributionConfig): Promise<void> {
  const admin = new Kafka({ clientId: `${config.prefix}-admin-${config.instanceId}`, brokers: config.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = CONTEXT_SERVICES.flatMap((service) => [
      { topic: commandsTopic(config.prefix, service), numPartitions: config.commandPartitions },
      // One partition: every caller instance reads it with its own group and keeps only its own replies.
      { topic: repliesTopic(config.prefix, service), numPartitions: 1 },
      // The relay's topics (libs/messaging wire format), so the reaction consumers can subscribe before it runs.
      { topic: topicFor(service, config.prefix), numPartitions: 3 },
    ]).filter((t) => !existing.has(t.topic));
    if (wanted.length > 0) {
      await admin.createTopics({ topics: wanted.map((t) => ({ ...t, replicationFactor: -1 })), waitForLeaders: true }).catch((error: { type?: string }) => {
        // Another process created them a moment ago.
        if (error?.type !== 'TOPIC_ALREADY_EXISTS') throw error;
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/** For /health: the broker answers a metadata request. */
export async function kafkaAnswers(config: DistributionConfig): Promise<void> {
  const admin = new Kafka({ clientId: `${config.prefix}-health-${config.instanceId}`, brokers: config.brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2000 }).admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
