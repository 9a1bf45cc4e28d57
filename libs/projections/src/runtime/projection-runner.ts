import type { EventStore, StoredEvent, Subscription } from '@tenderledger/event-store';
import type { Projection } from './projection';

export type EventListener = (event: StoredEvent) => void | Promise<void>;

/** Where one projection stands: the last event it was fed, by position and commit time. */
export interface ProjectionProgress {
  readonly name: string;
  readonly position: number;
  /** recordedAt of the last event the projection has seen (null before the first). */
  readonly lastRecordedAt: string | null;
  /** 'in-memory' projections ride the runner's subscription; others keep their own checkpoint. */
  readonly kind: 'in-memory' | 'checkpointed';
}

/** A projection fed outside the runner (its own subscription and checkpoint) that still wants its status shown. */
export type ProgressSource = () => ProjectionProgress | Promise<ProjectionProgress>;

/**
 * Feeds registered projections and listeners (process managers, the in-process event bus) from
 * one store subscription, so what they see is exactly what was committed, in global order.
 * In-memory read models are rebuilt from position 0 at every start.
 */
export class ProjectionRunner {
  private readonly projections: Projection[] = [];
  private readonly listeners: EventListener[] = [];
  private readonly sources: ProgressSource[] = [];
  private subscription: Subscription | null = null;
  private waiters: { position: number; resolve: () => void }[] = [];
  private current = 0;
  private lastRecordedAt: string | null = null;

  constructor(private readonly store: EventStore) {}

  register(projection: Projection): void {
    if (this.subscription) throw new Error(`projection ${projection.name} registered after start`);
    this.projections.push(projection);
  }

  /** Called for every committed event after the projections saw it. */
  onEvent(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Lets a checkpointed projection appear in `progress()` (and so in GET /api/projections and /metrics). */
  reportProgress(source: ProgressSource): void {
    this.sources.push(source);
  }

  get position(): number {
    return this.current;
  }

  /** Every projection's progress: in-memory ones all stand where the shared subscription stands. */
  async progress(): Promise<ProjectionProgress[]> {
    const own = this.projections.map((p): ProjectionProgress => ({ name: p.name, position: this.current, lastRecordedAt: this.lastRecordedAt, kind: 'in-memory' }));
    const others = await Promise.all(this.sources.map((source) => source()));
    return [...own, ...others];
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
        this.lastRecordedAt = event.recordedAt;
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
