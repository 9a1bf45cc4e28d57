import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export type ReactionsFeed = 'kafka' | 'store';

export interface DistributionConfig {
  /** 'gateway', 'projector' or a context service. */
  readonly service: string;
  /** Unique per process: Kafka reply consumer group, dev clock acknowledgements, logs. */
  readonly instanceId: string;
  readonly brokers: string[];
  /** Topic and consumer-group prefix, TOPIC_PREFIX (`tenderledger` by default; tests use a unique one per run). */
  readonly prefix: string;
  /** How long a command sent to another service may take before the caller gives up. */
  readonly commandTimeoutMs: number;
  /** Where process managers hear other events from: the relay's Kafka topics (default) or the store subscription. */
  readonly reactionsFeed: ReactionsFeed;
  /** Partitions of each commands topic: at least the number of instances of the busiest service. */
  readonly commandPartitions: number;
}

export function distributionConfigFromEnv(service: string, env: NodeJS.ProcessEnv = process.env): DistributionConfig {
  const feed = env.REACTIONS_FEED ?? 'kafka';
  if (feed !== 'kafka' && feed !== 'store') throw new Error(`REACTIONS_FEED=${feed}: use kafka or store`);
  return {
    service,
    instanceId: env.INSTANCE_ID ?? `${service}-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    // TOPIC_PREFIX as the relay reads it (libs/messaging's wire format).
    prefix: env.TOPIC_PREFIX ?? 'tenderledger',
    commandTimeoutMs: Number(env.COMMAND_TIMEOUT_MS ?? 30_000),
    reactionsFeed: feed,
    commandPartitions: Number(env.COMMAND_PARTITIONS ?? 4),
  };
}
