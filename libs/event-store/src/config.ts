import type { SqlEventStore } from './sql/sql-event-store';
import { openPgliteEventStore } from './pglite/pglite-event-store';
import { openPostgresEventStore } from './postgres/postgres-event-store';
import type { UpcasterRegistry } from './upcasters';

export type EventStoreKind = 'pglite' | 'postgres';

export interface EventStoreConfig {
  readonly kind: EventStoreKind;
  /** pglite: the data folder (undefined = in memory). */
  readonly dataDir?: string;
  /** postgres: connection string. */
  readonly url?: string;
  readonly upcasters?: UpcasterRegistry;
}

/** Reads EVENT_STORE, DATA_DIR and DATABASE_URL; the embedded store is the default. */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreConfig {
  const kind = (env.EVENT_STORE ?? 'pglite') as string;
  if (kind === 'pglite') return { kind, dataDir: env.DATA_DIR ?? './data' };
  if (kind === 'postgres') {
    return { kind, url: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger' };
  }
  throw new Error(`EVENT_STORE=${kind} is not known: use pglite or postgres (eventstoredb arrives with the distributed shape)`);
}

/** Chooses the adapter by configuration (DESIGN §2.4): never an `if` in domain code. */
export async function openEventStore(config: EventStoreConfig): Promise<SqlEventStore> {
  if (config.kind === 'postgres') {
    if (!config.url) throw new Error('EVENT_STORE=postgres needs DATABASE_URL');
    return (await openPostgresEventStore({ connectionString: config.url, upcasters: config.upcasters })).store;
  }
  return (await openPgliteEventStore({ dataDir: config.dataDir, upcasters: config.upcasters })).store;
}

/** Where the events live, for start-up lines and /health (never prints a password). */
export function describeEventStore(config: EventStoreConfig): string {
  if (config.kind === 'postgres') return `postgres (${(config.url ?? '').replace(/:\/\/([^:@]+):[^@]*@/, '://$1:***@')})`;
  return `pglite (embedded, ${config.dataDir ? `data folder ${config.dataDir}` : 'in memory'})`;
}
