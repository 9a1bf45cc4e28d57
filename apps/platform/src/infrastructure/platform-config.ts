import { authConfigFromEnv, type AuthConfig } from '@tenderledger/auth';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '@tenderledger/event-store';

export interface PlatformConfig {
  readonly port: number;
  readonly host: string;
  readonly eventStore: EventStoreConfig;
  readonly auth: AuthConfig;
  readonly logLevel: string;
  /** Request bodies above this are refused with 413 (DESIGN §10). */
  readonly bodyLimit: string;
  /** How often time-driven process managers look at the clock (they also run on every clock move). */
  readonly tickIntervalMs: number;
}

export function platformConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${env.PORT} is not a port number`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    eventStore: eventStoreConfigFromEnv(env),
    auth: authConfigFromEnv(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    tickIntervalMs: Number(env.TICK_INTERVAL_MS ?? 5000),
  };
}
