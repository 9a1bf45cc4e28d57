export * from './event-store.port';
export * from './errors';
export { GENESIS_HASH, chainHash, canonicalEnvelope, type HashedEnvelope } from './hash-chain';
export { UpcasterRegistry, type Upcaster } from './upcasters';
export { SqlEventStore, type SqlEventStoreOptions } from './sql/sql-event-store';
export type { SqlExecutor } from './sql/sql-executor';
export { openPgliteEventStore, type PgliteEventStoreOptions } from './pglite/pglite-event-store';
export { openPostgresEventStore, PostgresExecutor, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { verifyStream, verifyStore, type ChainBreak, type StreamVerification, type StoreVerification } from './verify';
export {
  openEventStore,
  openAnyEventStore,
  eventStoreConfigFromEnv,
  describeEventStore,
  PlatformNeedsSqlStoreError,
  EVENTSTOREDB_PLATFORM_REFUSAL,
  DEFAULT_DATABASE_URL,
  DEFAULT_EVENTSTORE_URL,
  type EventStoreConfig,
  type EventStoreKind,
} from './config';
export type { IdempotencyStore, IdempotencyClaim, IdempotentAnswer } from './idempotency';
export { SqlIdempotencyStore } from './sql/sql-idempotency-store';
export { lockDataFolder, currentHolder, announceUrl, FolderLockedError, type FolderHolder } from './pglite/data-folder-lock';
// Types only: the EventStoreDB client loads when openEventStoreDb / openAnyEventStore is called.
export type { EventStoreDbEventStore, EventStoreDbOptions } from './eventstoredb/eventstoredb-event-store';
export type { OpenEventStoreDbOptions } from './eventstoredb/open-eventstoredb';
export { openEventStoreDb } from './eventstoredb/open-lazily';
export { redactConnectionString } from './redact';
