import type { EventStore } from '@tenderledger/event-store';
import type { ProjectionRunner } from './projection-runner';

/** Counting the backlog stops here: beyond it the figure is a lower bound (`lagEventsAtLeast`). */
export const LAG_COUNT_BOUND = 10_000;

export interface ProjectionStatus {
  readonly name: string;
  readonly kind: 'in-memory' | 'checkpointed';
  readonly position: number;
  readonly headPosition: number;
  /** Events committed after `position` and visible at the horizon. */
  readonly lagEvents: number;
  /** True when the count hit LAG_COUNT_BOUND and the real backlog may be larger. */
  readonly lagEventsAtLeast: boolean;
  /** recordedAt of the newest stored event minus that of the newest applied one; 0 when caught up. */
  readonly lagSeconds: number;
  readonly lastAppliedRecordedAt: string | null;
  readonly headRecordedAt: string | null;
}

/** recordedAt of the event at `position` (a real event's position: the head is max(global_position)). */
async function recordedAtOf(store: EventStore, position: number): Promise<string | null> {
  if (position <= 0) return null;
  for await (const event of store.readAll({ fromPosition: position - 1, toPosition: position, limit: 1 })) return event.recordedAt;
  return null;
}

/** Bounded: never reads more than LAG_COUNT_BOUND events, whatever the backlog. */
async function countAfter(store: EventStore, position: number, head: number): Promise<{ count: number; atLeast: boolean }> {
  if (position >= head) return { count: 0, atLeast: false };
  let count = 0;
  for await (const _ of store.readAll({ fromPosition: position, toPosition: head, limit: LAG_COUNT_BOUND, pageSize: 1000, raw: true })) count++;
  return { count, atLeast: count >= LAG_COUNT_BOUND };
}

export async function projectionStatuses(runner: ProjectionRunner, store: EventStore): Promise<ProjectionStatus[]> {
  const head = await store.headPosition();
  const headRecordedAt = await recordedAtOf(store, head);
  const progress = await runner.progress();
  // In-memory projections share one position: count their backlog once.
  const lags = new Map<number, { count: number; atLeast: boolean }>();
  const statuses: ProjectionStatus[] = [];
  for (const p of progress) {
    if (!lags.has(p.position)) lags.set(p.position, await countAfter(store, p.position, head));
    const lag = lags.get(p.position)!;
    const behindMs = lag.count > 0 && headRecordedAt && p.lastRecordedAt ? Date.parse(headRecordedAt) - Date.parse(p.lastRecordedAt) : 0;
    statuses.push({
      name: p.name,
      kind: p.kind,
      position: p.position,
      headPosition: head,
      lagEvents: lag.count,
      lagEventsAtLeast: lag.atLeast,
      lagSeconds: Math.max(0, behindMs) / 1000,
      lastAppliedRecordedAt: p.lastRecordedAt,
      headRecordedAt,
    });
  }
  return statuses;
}
