import type { StoredEvent } from '../event-store.port';
import { catchUpSubscription, type EventFeed } from './catch-up-subscription';

/**
 * The subscription's own logic over a scripted feed (the ESDB side is covered by the contract suite
 * in test/infra/eventstoredb-event-store.spec.ts when a server answers).
 */
const event = (globalPosition: number, streamId = 'tender-1'): StoredEvent => ({
  eventId: `00000000-0000-4000-8000-${String(globalPosition).padStart(12, '0')}`,
  type: 'Ticked',
  schemaVersion: 1,
  data: { globalPosition },
  streamId,
  streamVersion: globalPosition,
  globalPosition,
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:00.000Z',
  actor: { userId: 'u', role: 'r', organisationId: null },
  correlationId: 'c',
  causationId: null,
  hash: 'h',
});

/** A feed over a shared log: delivers what is there after `after` (optionally re-sending the record at `after`), then waits for more. */
class ScriptedLog {
  readonly log: StoredEvent[] = [];
  readonly opens: number[] = [];
  private waiting: (() => void)[] = [];
  failNextAt: number | null = null;

  push(...events: StoredEvent[]): void {
    this.log.push(...events);
    this.waiting.splice(0).forEach((wake) => wake());
  }

  open(after: number, resendStart = true): EventFeed {
    this.opens.push(after);
    let closed = false;
    const self = this;
    return {
      events: (async function* () {
        let index = self.log.findIndex((e) => (resendStart ? e.globalPosition >= after : e.globalPosition > after));
        if (index < 0) index = self.log.length;
        while (!closed) {
          if (index < self.log.length) {
            const next = self.log[index++]!;
            if (self.failNextAt === next.globalPosition) {
              self.failNextAt = null;
              throw new Error('connection dropped');
            }
            yield next;
          } else {
            await new Promise<void>((resolve) => self.waiting.push(resolve));
          }
        }
      })(),
      close: async () => {
        closed = true;
        self.waiting.splice(0).forEach((wake) => wake());
      },
    };
  }
}

const until = async (condition: () => boolean): Promise<void> => {
  for (const deadline = Date.now() + 10_000; !condition(); ) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('catch-up subscription over a pushed feed', () => {
  it('catches up from the checkpoint, then goes live, one event at a time, never handing the checkpoint event again', async () => {
    const feed = new ScriptedLog();
    feed.push(event(10), event(20), event(30));
    const seen: number[] = [];
    let inHandler = 0;
    let overlapped = false;
    const subscription = catchUpSubscription({
      fromPosition: 10,
      head: async () => 30,
      open: (after) => feed.open(after),
      handler: async (e) => {
        if (++inHandler > 1) overlapped = true;
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(e.globalPosition);
        inHandler--;
      },
    });
    await subscription.caughtUp;
    expect(seen).toEqual([20, 30]);
    feed.push(event(40), event(50));
    await until(() => seen.length === 4);
    expect(seen).toEqual([20, 30, 40, 50]);
    expect(subscription.position()).toBe(50);
    expect(overlapped).toBe(false);
    await subscription.stop();
  });

  it('is caught up at once when nothing was committed after the checkpoint', async () => {
    const feed = new ScriptedLog();
    feed.push(event(10));
    const subscription = catchUpSubscription({ fromPosition: 10, head: async () => 10, open: (after) => feed.open(after), handler: () => undefined });
    await subscription.caughtUp;
    expect(subscription.position()).toBe(10);
    await subscription.stop();
  });

  it('filters without losing the checkpoint: skipped events still move the position', async () => {
    const feed = new ScriptedLog();
    feed.push(event(1, 'tender-1'), event(2, 'bid-1'), event(3, 'tender-1'));
    const seen: string[] = [];
    const subscription = catchUpSubscription({
      fromPosition: 0,
      head: async () => 3,
      open: (after) => feed.open(after),
      filter: (e) => e.streamId.startsWith('tender-'),
      handler: (e) => void seen.push(`${e.streamId}@${e.globalPosition}`),
    });
    await subscription.caughtUp;
    expect(seen).toEqual(['tender-1@1', 'tender-1@3']);
    expect(subscription.position()).toBe(3);
    await subscription.stop();
  });

  it('re-opens a dropped feed from the last handled position: nothing skipped, nothing twice', async () => {
    const feed = new ScriptedLog();
    feed.push(event(1), event(2), event(3), event(4));
    feed.failNextAt = 3;
    const seen: number[] = [];
    const subscription = catchUpSubscription({ fromPosition: 0, head: async () => 4, open: (after) => feed.open(after), handler: (e) => void seen.push(e.globalPosition), retryDelayMs: 1 });
    await subscription.caughtUp;
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(feed.opens).toEqual([0, 2]);
    await subscription.stop();
  });

  it('stops at an event whose handler throws: `stopped` rejects and the position stays before it', async () => {
    const feed = new ScriptedLog();
    feed.push(event(1), event(2), event(3));
    const subscription = catchUpSubscription({
      fromPosition: 0,
      head: async () => 3,
      open: (after) => feed.open(after),
      handler: (e) => {
        if (e.globalPosition === 2) throw new Error('projection broke');
      },
    });
    await expect(subscription.stopped).rejects.toThrow('projection broke');
    await subscription.caughtUp; // released, so a waiting start-up never hangs
    expect(subscription.position()).toBe(1);
    expect(feed.opens).toEqual([0]);
  });

  it('stop() ends a live subscription that is waiting for events', async () => {
    const feed = new ScriptedLog();
    const subscription = catchUpSubscription({ fromPosition: 0, head: async () => 0, open: (after) => feed.open(after), handler: () => undefined });
    await subscription.caughtUp;
    await subscription.stop();
    feed.push(event(1));
    expect(subscription.position()).toBe(0);
  });
});
