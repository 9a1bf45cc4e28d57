import request from 'supertest';
import { FixedClock } from '@tenderledger/domain-kit';
import { openPgliteEventStore } from '@tenderledger/event-store';
import { createPlatformApp, type PlatformApp } from '../../apps/platform/src/bootstrap';
import { platformConfigFromEnv } from '../../apps/platform/src/infrastructure/platform-config';

describe('platform over HTTP (embedded store)', () => {
  let platform: PlatformApp;
  beforeAll(async () => {
    const { store } = await openPgliteEventStore();
    platform = await createPlatformApp({ config: platformConfigFromEnv({ PORT: '0' }), store, clock: new FixedClock() });
  });
  afterAll(() => platform.app.close());

  it('GET /health answers 200 when the store answers', async () => {
    const res = await request(platform.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', store: 'pglite' });
  });

  it('GET /docs-json serves the OpenAPI document and /docs its UI', async () => {
    const json = await request(platform.app.getHttpServer()).get('/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/health');
    const ui = await request(platform.app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('GET /metrics exposes Prometheus metrics, including request timings', async () => {
    await request(platform.app.getHttpServer()).get('/health');
    const res = await request(platform.app.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/tenderledger_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/);
  });

  it('answers 503 on /health when the store is gone', async () => {
    const { store } = await openPgliteEventStore();
    const broken = await createPlatformApp({ config: platformConfigFromEnv({ PORT: '0' }), store, clock: new FixedClock() });
    await store.close();
    const res = await request(broken.app.getHttpServer()).get('/health');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('STORE_UNREACHABLE');
    await broken.app.close().catch(() => undefined);
  });

  it('limits each client on /api with a token bucket (429 RATE_LIMITED), never /health', async () => {
    const { store } = await openPgliteEventStore();
    const limited = await createPlatformApp({ config: platformConfigFromEnv({ PORT: '0', RATE_LIMIT_PER_SECOND: '0.001', RATE_LIMIT_BURST: '2' }), store, clock: new FixedClock() });
    const server = limited.app.getHttpServer();
    try {
      for (let i = 0; i < 2; i++) expect((await request(server).get('/api/tenders').set('Authorization', 'Bearer x')).status).toBe(401);
      const refused = await request(server).get('/api/tenders').set('Authorization', 'Bearer x');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect((await request(server).get('/api/tenders').set('Authorization', 'Bearer someone-else')).status).toBe(401);
      for (let i = 0; i < 4; i++) expect((await request(server).get('/health')).status).toBe(200);
    } finally {
      await limited.app.close();
    }
  });
});
