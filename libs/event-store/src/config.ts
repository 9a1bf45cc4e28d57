import type { EventStore } from './event-store.port';
import type { SqlEventStore } from './sql/sql-event-store';
import { openPgliteEventStore } from './pglite/pglite-event-store';
import { openPostgresEventStore } from './postgres/postgres-event-store';
import { openEventStoreDb } from './eventstoredb/open-lazily';
import { redactConnectionString } from './redact';
import type { UpcasterRegistry } from './upcasters';

export type EventStoreKind = 'pglite' | 'postgres' | 'eventstoredb';

export interface EventStoreConfig {
  readonly kind: EventStoreKind;
  /** pglite: the data folder (undefined = in memory). */
  readonly dataDir?: string;
  /** postgres: connection string of the events' database. eventstoredb: the PostgreSQL database meant for read models. */
  readonly url?: string;
  /** eventstoredb: connection string of the KurrentDB / EventStoreDB server. */
  readonly eventStoreUrl?: string;
  readonly upcasters?: UpcasterRegistry;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tenderledger';
export const DEFAULT_EVENTSTORE_URL = 'kurrentdb://127.0.0.1:2113?tls=false';

/** Reads EVENT_STORE, DATA_DIR, DATABASE_URL and EVENTSTORE_URL; the embedded store is the default. */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreConfig {
  const kind = (env.EVENT_STORE ?? 'pglite') as string;
  if (kind === 'pglite') return { kind, dataDir: env.DATA_DIR ?? './data' };
  if (kind === 'postgres') return { kind, url: env.DATABASE_URL ?? DEFAULT_DATABASE_URL };
  if (kind === 'eventstoredb') return { kind, eventStoreUrl: env.EVENTSTORE_URL ?? DEFAULT_EVENTSTORE_URL, url: env.DATABASE_URL ?? DEFAULT_DATABASE_URL };
  throw new Error(`EVENT_STORE=${kind} is not known: use pglite, postgres or eventstoredb`);
}

/**
 * Why the platform does not run on EventStoreDB (yet), in one sentence for the start-up error.
 * The events themselves are fine there (the adapter implements the event store port and its
 * contract); what the platform builds around them needs SQL: the atomic multi-stream append of the
 * CSV import, and a store typed as SqlEventStore (its executor and idempotency store, the SQL
 * projection runtime counting events in tl_events).
 */
export const EVENTSTOREDB_PLATFORM_REFUSAL =
  'EVENT_STORE=eventstoredb cannot run the platform yet: importing the contract register appends to many streams in one transaction (all rows or none), ' +
  'which EventStoreDB does not offer; run the platform with EVENT_STORE=postgres or pglite ' +
  '(the EventStoreDB adapter serves code that needs only the event store port, through openAnyEventStore).';

/** Raised at start when the configured store cannot carry the platform (today: eventstoredb). */
export class PlatformNeedsSqlStoreError extends Error {
  readonly code = 'PLATFORM_NEEDS_SQL_STORE';
  constructor() {
    super(EVENTSTOREDB_PLATFORM_REFUSAL);
    this.name = 'PlatformNeedsSqlStoreError';
  }
}

/**
 * The SQL event store the platform runs on, chosen by configuration (DESIGN §2.4): never an `if`
 * in domain code. Refuses eventstoredb with PlatformNeedsSqlStoreError before connecting anywhere.
 */
export async function openEventStore(config: EventStoreConfig): Promise<SqlEventStore> {
  if (config.kind === 'eventstoredb') throw new PlatformNeedsSqlStoreError();
  if (config.kind === 'postgres') {
    if (!config.url) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
    return (await openPostgresEventStore({ connectionString: config.url, upcasters: config.upcasters })).store;
  }
  return (await openPgliteEventStore({ dataDir: config.dataDir, upcasters: config.upcasters })).store;
}

/** Any adapter, as the bare port (relays, tools and tests that append, read and subscribe only). */
export async function openAnyEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.kind !== 'eventstoredb') return openEventStore(config);
  if (!config.eventStoreUrl) throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_URL');
  return openEventStoreDb({ connectionString: config.eventStoreUrl, upcasters: config.upcasters });
}

/** Where the events live, for start-up lines and /health (never prints a password). */
export function describeEventStore(config: EventStoreConfig): string {
  if (config.kind === 'postgres') return `postgres (${redactConnectionString(config.url ?? '')})`;
  if (config.kind === 'eventstoredb') return `eventstoredb (${redactConnectionString(config.eventStoreUrl ?? '')})`;
  return `pglite (embedded, ${config.dataDir ? `data folder ${config.dataDir}` : 'in memory'})`;
}
