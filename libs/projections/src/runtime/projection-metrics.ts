import { Gauge, type Registry } from 'prom-client';
import type { EventStore } from '@tenderledger/event-store';
import type { ProjectionRunner } from './projection-runner';
import { projectionStatuses, type ProjectionStatus } from './projection-status';

/** A registry scrape collects every metric concurrently: one status query serves the three gauges. */
const SHARE_FOR_MS = 1_000;

/**
 * Adds per-projection gauges (position, lag in events, lag in seconds) to the platform's
 * Prometheus registry. Values are computed at scrape time, so nothing runs between scrapes.
 */
export function registerProjectionGauges(registry: Registry, runner: ProjectionRunner, store: EventStore): void {
  let pending: { at: number; statuses: Promise<ProjectionStatus[]> } | null = null;
  const statuses = (): Promise<ProjectionStatus[]> => {
    if (!pending || Date.now() - pending.at > SHARE_FOR_MS) pending = { at: Date.now(), statuses: projectionStatuses(runner, store) };
    return pending.statuses;
  };
  const gauge = (name: string, help: string, value: (status: ProjectionStatus) => number): Gauge<'projection'> =>
    new Gauge({
      name,
      help,
      labelNames: ['projection'],
      registers: [registry],
      async collect() {
        this.reset(); // a projection that is gone stops being reported
        for (const status of await statuses()) this.set({ projection: status.name }, value(status));
      },
    });
  gauge('tenderledger_projection_position', 'Global position of the last event the projection has applied', (s) => s.position);
  gauge('tenderledger_projection_lag_events', 'Committed events the projection has not applied yet (bounded count)', (s) => s.lagEvents);
  gauge('tenderledger_projection_lag_seconds', 'recordedAt of the newest stored event minus that of the newest applied one', (s) => s.lagSeconds);
}
