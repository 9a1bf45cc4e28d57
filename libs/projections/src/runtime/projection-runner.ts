import type { EventStore, StoredEvent, Subscription } from '@tenderledger/event-store';
import type { Projection } from './projection';

export type EventListener = (event: StoredEvent) => void | Promise<void>;

/**
 * Feeds registered projections and listeners (process managers, the in-process event bus) from
 * one store subscription, so what they see is exactly what was committed, in global order.
 * In-memory read models are rebuilt from position 0 at every start.
 */
export class ProjectionRunner {
  private readonly projections: Projection[] = [];
  private readonly listeners: EventListener[] = [];
  private subscription: Subscription | null = null;
  private waiters: { position: number; resolve: () => void }[] = [];
  private current = 0;

  constructor(private readonly store: EventStore) {}

  register(projection: Projection): void {
    if (this.subscription) throw new Error(`projection ${projection.name} registered after start`);
    this.projections.push(projection);
  }

  /** Called for every committed event after the projections saw it. */
  onEvent(listener: EventListener): void {
    this.listeners.push(listener);
  }

  get position(): number {
    return this.current;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    const byType = new Map<string, Projection[]>();
    for (const projection of this.projections) {
      for (const type of projection.handles) byType.set(type, [...(byType.get(type) ?? []), projection]);
    }
    this.subscription = this.store.subscribe(
      async (event) => {
        for (const projection of byType.get(event.type) ?? []) await projection.apply(event);
        this.current = event.globalPosition;
        for (const listener of this.listeners) await listener(event);
        this.release();
      },
      { fromPosition: 0, pollIntervalMs: 50 },
    );
    await this.subscription.caughtUp;
    // Positions are sparse: a page that ends between events still moves us to the horizon.
    this.current = Math.max(this.current, this.subscription.position());
    this.release();
  }

  /** Resolves once every event up to `position` has been applied (read-your-writes after a command). */
  waitFor(position: number | null, timeoutMs = 10_000): Promise<void> {
    if (position === null || this.current >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read models did not reach position ${position} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ position, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  private release(): void {
    const ready = this.waiters.filter((w) => w.position <= this.current);
    this.waiters = this.waiters.filter((w) => w.position > this.current);
    ready.forEach((w) => w.resolve());
  }
}
