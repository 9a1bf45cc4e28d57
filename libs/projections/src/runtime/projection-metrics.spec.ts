import { Registry } from 'prom-client';
import { openPgliteEventStore } from '@tenderledger/event-store';
import { ProjectionRunner } from './projection-runner';
import { registerProjectionGauges } from './projection-metrics';

const event = (n: number) => ({ eventId: `0190a000-0000-7000-8000-00000000000${n}`, type: 'Thing', data: { n }, occurredAt: '2026-01-01T00:00:00.000Z', actor: { userId: 'u', role: 'admin', organisationId: null }, correlationId: 'c' });

describe('projection gauges', () => {
  it('expose position and lag per projection at scrape time, and a checkpointed projection reported by its own source', async () => {
    const { store } = await openPgliteEventStore();
    try {
      await store.append('s-1', [event(1), event(2)], 'no-stream');
      const runner = new ProjectionRunner(store);
      runner.register({ name: 'things', handles: ['Thing'], apply: () => undefined });
      // A checkpointed projection that never moved: the whole store is its backlog.
      runner.reportProgress(() => ({ name: 'behind', position: 0, lastRecordedAt: null, kind: 'checkpointed' }));
      await runner.start();
      const registry = new Registry();
      registerProjectionGauges(registry, runner, store);
      const text = await registry.metrics();
      const head = await store.headPosition();
      expect(text).toContain(`tenderledger_projection_position{projection="things"} ${head}`);
      expect(text).toContain('tenderledger_projection_lag_events{projection="things"} 0');
      expect(text).toContain('tenderledger_projection_lag_events{projection="behind"} 2');
      await runner.stop();
    } finally {
      await store.close();
    }
  });
});
