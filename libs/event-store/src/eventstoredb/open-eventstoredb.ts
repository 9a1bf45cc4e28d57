import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
import { redactConnectionString } from '../redact';

export interface OpenEventStoreDbOptions extends EventStoreDbOptions {
  /** e.g. `kurrentdb://127.0.0.1:2113?tls=false` (also `esdb://…`); credentials go in the URL. */
  readonly connectionString: string;
}

/** Connects and checks the server answers (a wrong URL fails here, at start, not at the first command). */
export async function openEventStoreDbEventStore(options: OpenEventStoreDbOptions): Promise<{ store: EventStoreDbEventStore; client: KurrentDBClient }> {
  const client = KurrentDBClient.connectionString(options.connectionString);
  const store = new EventStoreDbEventStore(client, options);
  try {
    await store.ping();
  } catch (error) {
    await client.dispose().catch(() => undefined);
    throw new Error(`EventStoreDB does not answer at ${redactConnectionString(options.connectionString)}: ${(error as Error)?.message ?? String(error)}`);
  }
  return { store, client };
}
