import type { EventEmitter } from 'node:events';
import type { EventHandler, StoredEvent, Subscription } from './event-store.port';

interface PollingSubscriptionSpec {
  readonly handler: EventHandler;
  readonly fromPosition: number;
  readonly filter?: (event: StoredEvent) => boolean;
  readonly pollIntervalMs: number;
  /** Reads the next page strictly after a position, never past the gap-safe horizon. */
  readonly readPage: (after: number) => Promise<StoredEvent[]>;
  /** Local appends wake the subscriber early; other processes' appends are found by polling. */
  readonly wakeUps?: EventEmitter;
}

/**
 * Catch-up then live: reads pages after the checkpoint until a short page says it has caught up,
 * then waits for a local append or the poll interval. The handler is awaited one event at a
 * time, so the checkpoint the consumer stores is always "everything up to here is applied".
 * If the handler throws, the subscription stops at that event and `stopped` rejects, so the
 * consumer restarts from its last stored checkpoint instead of silently skipping.
 */
export function pollingSubscription(spec: PollingSubscriptionSpec): Subscription & { readonly stopped: Promise<void> } {
  let position = spec.fromPosition;
  let running = true;
  let wake: (() => void) | null = null;
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  const onAppend = (): void => wake?.();
  spec.wakeUps?.on('appended', onAppend);
  const onClose = (): void => {
    running = false;
    wake?.();
  };
  spec.wakeUps?.on('closed', onClose);

  const idle = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, spec.pollIntervalMs);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const loop = async (): Promise<void> => {
    try {
      while (running) {
        const page = await spec.readPage(position);
        for (const event of page) {
          if (!running) return;
          if (!spec.filter || spec.filter(event)) await spec.handler(event);
          position = event.globalPosition;
        }
        if (page.length === 0) {
          markCaughtUp();
          await idle();
        }
      }
    } finally {
      markCaughtUp();
      spec.wakeUps?.off('appended', onAppend);
      spec.wakeUps?.off('closed', onClose);
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
      wake?.();
      await stopped.catch(() => undefined);
    },
  };
}
