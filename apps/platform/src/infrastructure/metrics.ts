import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance, so tests that build several apps do not collide. */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Histogram<'method' | 'route' | 'status'>;
  readonly refusals: Counter<'code'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tenderledger_' });
    this.httpRequests = new Histogram({
      name: 'tenderledger_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.refusals = new Counter({
      name: 'tenderledger_refusals_total',
      help: 'Commands refused, by stable code',
      labelNames: ['code'],
      registers: [this.registry],
    });
  }
}
