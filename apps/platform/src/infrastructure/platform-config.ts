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
  /** Per-client token bucket on /api (DESIGN §10); perSecond 0 turns it off. */
  readonly rateLimit: { readonly perSecond: number; readonly burst: number };
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
    rateLimit: { perSecond: nonNegative('RATE_LIMIT_PER_SECOND', env.RATE_LIMIT_PER_SECOND ?? '100'), burst: nonNegative('RATE_LIMIT_BURST', env.RATE_LIMIT_BURST ?? '1000') },
  };
}

function nonNegative(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${value} is not a non-negative number`);
  return n;
}
