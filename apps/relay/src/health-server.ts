import { createServer, type Server } from 'node:http';
import type { EventPublisher, EventRelay } from '@tenderledger/messaging';

export interface HealthDependencies {
  readonly relay: EventRelay;
  readonly store: { ping(): Promise<void> };
  readonly publisher: EventPublisher;
}

const check = async (probe: () => Promise<void>): Promise<string> => {
  try {
    await probe();
    return 'ok';
  } catch (error) {
    return `down: ${error instanceof Error ? error.message : String(error)}`;
  }
};

/**
 * GET /health: 200 when the store and Kafka answer, 503 otherwise, with the relay's position and
 * lag either way. GET /metrics: the same figures in Prometheus' text format.
 */
export function startHealthServer(port: number, deps: HealthDependencies): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method === 'GET' && req.url === '/health') {
          const [store, kafka] = await Promise.all([check(() => deps.store.ping()), check(() => deps.publisher.ping())]);
          const relay = await deps.relay.progress().catch(() => deps.relay.status());
          const ok = store === 'ok' && kafka === 'ok';
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'degraded', store, kafka, relay }));
        } else if (req.method === 'GET' && req.url === '/metrics') {
          const p = await deps.relay.progress();
          const labels = `{relay="${p.name}"}`;
          res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
          res.end(
            [
              '# HELP tenderledger_relay_position Global position of the last event the broker acknowledged (the checkpoint)',
              '# TYPE tenderledger_relay_position gauge',
              `tenderledger_relay_position${labels} ${p.position}`,
              '# HELP tenderledger_relay_lag_events Committed events not yet published (bounded count)',
              '# TYPE tenderledger_relay_lag_events gauge',
              `tenderledger_relay_lag_events${labels} ${p.lagEvents}`,
              '# HELP tenderledger_relay_published_total Events published by this process, re-sends included',
              '# TYPE tenderledger_relay_published_total counter',
              `tenderledger_relay_published_total${labels} ${p.published}`,
              '# HELP tenderledger_relay_failures_total Failed batches (each followed by a reconnect)',
              '# TYPE tenderledger_relay_failures_total counter',
              `tenderledger_relay_failures_total${labels} ${p.failures}`,
              '',
            ].join('\n'),
          );
        } else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ statusCode: 404, message: 'GET /health or /metrics' }));
        }
      } catch (error) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'down', error: error instanceof Error ? error.message : String(error) }));
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
