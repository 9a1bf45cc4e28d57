import { DEFAULT_TOPIC_PREFIX } from '@tenderledger/messaging';

export interface RelayConfig {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly topicPrefix: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly name: string;
  readonly port: number | null;
  readonly pageSize: number;
  readonly pollIntervalMs: number;
  readonly shutdownTimeoutMs: number;
  readonly logLevel: string;
}

/** A setting the relay cannot start with; the message names the variable. */
export class RelayConfigError extends Error {}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new RelayConfigError(`${name} must be a whole number ≥ 1, got "${raw}"`);
  return value;
}

/**
 * The relay's settings from the environment. It reads the events' PostgreSQL database: the
 * embedded PGlite store belongs to the one process that opened it, so EVENT_STORE must be postgres.
 */
export function relayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const store = env.EVENT_STORE ?? 'postgres';
  if (store !== 'postgres') throw new RelayConfigError(`EVENT_STORE=${store}: the relay needs EVENT_STORE=postgres (PGlite is one process's database)`);
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new RelayConfigError('KAFKA_BROKERS names no broker');
  const prefix = env.TOPIC_PREFIX ?? DEFAULT_TOPIC_PREFIX;
  if (!/^[A-Za-z0-9._-]+$/.test(prefix)) throw new RelayConfigError(`TOPIC_PREFIX may hold only letters, digits, '.', '_' and '-', got "${prefix}"`);
  const name = env.RELAY_NAME ?? 'relay';
  if (name.trim() === '') throw new RelayConfigError('RELAY_NAME is blank');
  return {
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger',
    brokers,
    topicPrefix: prefix,
    partitions: positiveInt(env, 'TOPIC_PARTITIONS', 3),
    replicationFactor: positiveInt(env, 'TOPIC_REPLICATION_FACTOR', 1),
    name,
    port: env.RELAY_PORT ? positiveInt(env, 'RELAY_PORT', 0) : null,
    pageSize: positiveInt(env, 'RELAY_PAGE_SIZE', 1000),
    pollIntervalMs: positiveInt(env, 'RELAY_POLL_MS', 200),
    shutdownTimeoutMs: positiveInt(env, 'RELAY_SHUTDOWN_TIMEOUT_MS', 30_000),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
