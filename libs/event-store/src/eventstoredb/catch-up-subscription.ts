import type { EventHandler, StoredEvent, Subscription } from '../event-store.port';

/** A live feed of the store's global order strictly after a position (ESDB's catch-up subscription to $all). */
export interface EventFeed {
  readonly events: AsyncIterable<StoredEvent>;
  close(): Promise<void>;
}

export interface CatchUpSubscriptionSpec {
  readonly handler: EventHandler;
  readonly fromPosition: number;
  readonly filter?: (event: StoredEvent) => boolean;
  /** The store's head now: "caught up" means the handler has passed it. */
  readonly head: () => Promise<number>;
  /** Opens the feed after a position: catch-up from there, then live, in one server-side subscription. */
  readonly open: (after: number) => EventFeed;
  /** Wait before re-opening a feed that failed (the server went away); doubles up to 8×. */
  readonly retryDelayMs?: number;
}

/** The handler failed: the subscription stops at that event (the consumer restarts from its checkpoint). */
class HandlerFailed extends Error {
  constructor(readonly reason: unknown) {
    super('subscription handler failed');
  }
}

/**
 * Catch-up then live over a pushed feed, with the same contract as the SQL adapters' polling
 * subscription: one event at a time, awaited, so the position the consumer stores is always
 * "everything up to here is applied"; a handler error stops it and `stopped` rejects; a feed error
 * (server unreachable, connection dropped) re-opens the feed from the last position, so nothing is
 * skipped and nothing is handed over twice.
 *
 * Why "caught up" is measured against the head read at start and not ESDB's own `caughtUp` signal:
 * the client emits that signal as soon as the message arrives, while events before it may still be
 * buffered on their way to the handler.
 */
export function catchUpSubscription(spec: CatchUpSubscriptionSpec): Subscription & { readonly stopped: Promise<void> } {
  let position = spec.fromPosition;
  let running = true;
  let feed: EventFeed | null = null;
  let target = Number.POSITIVE_INFINITY;
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  let wakeFromPause: (() => void) | null = null;
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeFromPause = null;
        resolve();
      }
      wakeFromPause = done;
    });

  const runFeed = async (): Promise<void> => {
    if (target === Number.POSITIVE_INFINITY) {
      target = await spec.head();
      if (target <= position) markCaughtUp();
    }
    feed = spec.open(position);
    if (!running) return;
    for await (const event of feed.events) {
      if (!running) return;
      if (event.globalPosition <= position) continue; // a re-opened feed may start at the last record we saw
      if (!spec.filter || spec.filter(event)) {
        try {
          await spec.handler(event);
        } catch (error) {
          throw new HandlerFailed(error);
        }
      }
      position = event.globalPosition;
      if (position >= target) markCaughtUp();
    }
    if (running) throw new Error('the EventStoreDB subscription ended');
  };

  const loop = async (): Promise<void> => {
    const baseDelay = spec.retryDelayMs ?? 500;
    let delay = baseDelay;
    try {
      while (running) {
        try {
          await runFeed();
          delay = baseDelay;
        } catch (error) {
          if (error instanceof HandlerFailed) throw error.reason;
          if (!running) return;
          await pause(delay);
          delay = Math.min(delay * 2, baseDelay * 8);
        } finally {
          const closing = feed;
          feed = null;
          await closing?.close().catch(() => undefined);
        }
      }
    } finally {
      markCaughtUp();
    }
  };
  const stopped = loop();
  stopped.catch(() => undefined); // surfaced through `stopped`, never as an unhandled rejection

  return {
    caughtUp,
    stopped,
    position: () => position,
    async stop() {
      running = false;
      wakeFromPause?.();
      await feed?.close().catch(() => undefined);
      await stopped.catch(() => undefined);
    },
  };
}
