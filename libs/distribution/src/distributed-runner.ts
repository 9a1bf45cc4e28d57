import type { StoredEvent } from '@tenderledger/event-store';
import { ProjectionRunner, type EventListener } from '@tenderledger/projections';

/**
 * Where a composition root's process managers (runner.onEvent listeners) hear events from:
 * - 'store': the runner's own store subscription, as in the platform (the projector);
 * - 'kafka': the relay's topics, delivered by KafkaEventFeed once the read models have caught up;
 * - 'none': nowhere (the gateway: read models yes, process managers no).
 * Read models are always fed from the store subscription.
 */
export type ListenerFeed = 'store' | 'kafka' | 'none';

export class DistributedProjectionRunner extends ProjectionRunner {
  private readonly fedListeners: EventListener[] = [];

  constructor(
    store: ConstructorParameters<typeof ProjectionRunner>[0],
    readonly listenerFeed: ListenerFeed,
  ) {
    super(store);
  }

  override onEvent(listener: EventListener): void {
    if (this.listenerFeed === 'store') super.onEvent(listener);
    else if (this.listenerFeed === 'kafka') this.fedListeners.push(listener);
  }

  get listenerCount(): number {
    return this.fedListeners.length;
  }

  /** Feeds one event from Kafka to the listeners, after the read models they consult have seen it. */
  async deliver(event: StoredEvent, timeoutMs = 60_000): Promise<void> {
    await this.waitFor(event.globalPosition, timeoutMs);
    for (const listener of this.fedListeners) await listener(event);
  }
}
