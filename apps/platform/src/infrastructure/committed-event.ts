import type { StoredEvent } from '@tenderledger/event-store';

/** What the in-process EventBus carries: an event exactly as the store committed it. */
export class CommittedEvent {
  constructor(readonly event: StoredEvent) {}
}
