import type { StoredEvent } from '@tenderledger/event-store';

/**
 * A read model fed by the store's global order. `handles` lists the event types it reads, so
 * the runner skips the rest cheaply. Projections are pure folds over events: they can be dropped
 * and rebuilt from position 0 at any time.
 */
export interface Projection {
  readonly name: string;
  readonly handles: readonly string[];
  apply(event: StoredEvent): void | Promise<void>;
}
