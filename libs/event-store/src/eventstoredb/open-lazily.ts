import type { EventStoreDbEventStore } from './eventstoredb-event-store';
import type { OpenEventStoreDbOptions } from './open-eventstoredb';

/**
 * Opens the EventStoreDB adapter, loading `@kurrent/kurrentdb-client` (gRPC and a native bridge,
 * about 0.6 s and 15 MB) only in processes that use it rather than in everything that imports the
 * event-store library.
 */
export async function openEventStoreDb(options: OpenEventStoreDbOptions): Promise<EventStoreDbEventStore> {
  // require, not import(): this CommonJS build resolves it like every other module (and jest too).
  const { openEventStoreDbEventStore } = require('./open-eventstoredb') as typeof import('./open-eventstoredb');
  return (await openEventStoreDbEventStore(options)).store;
}
