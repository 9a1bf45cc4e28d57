import request from 'supertest';
import { FixedClock } from '@tenderledger/domain-kit';
import { openPgliteEventStore } from '@tenderledger/event-store';
import { createPlatformApp, type PlatformApp } from '../../apps/platform/src/bootstrap';
import { platformConfigFromEnv } from '../../apps/platform/src/infrastructure/platform-config';

async function platformWith(env: Record<string, string>, clock = new FixedClock('2026-03-02T09:00:00.000Z')): Promise<PlatformApp> {
  const { store } = await openPgliteEventStore();
  return createPlatformApp({ config: platformConfigFromEnv({ PORT: '0', ...env }), store, clock });
}

describe('auth in dev mode', () => {
  let platform: PlatformApp;
  const clock = new FixedClock('2026-03-02T09:00:00.000Z');
  beforeAll(async () => {
    platform = await platformWith({ AUTH_MODE: 'dev' }, clock);
  });
  afterAll(() => platform.app.close());
  const http = () => request(platform.app.getHttpServer());
  const tokenFor = async (role: string, organisationId: string): Promise<string> =>
    (await http().post('/api/dev/tokens').send({ role, organisationId }).expect(201)).body.token;

  it('issues a local token scoped to an organisation and role', async () => {
    const res = await http().post('/api/dev/tokens').send({ role: 'bidder', organisationId: 'org-practice-1', userId: 'dr.who' });
    expect(res.status).toBe(201);
    expect(res.body.identity).toEqual({ userId: 'dr.who', role: 'bidder', organisationId: 'org-practice-1' });
    expect(res.body.token.split('.')).toHaveLength(3);
  });

  it('refuses an unknown role with 400 naming the field', async () => {
    const res = await http().post('/api/dev/tokens').send({ role: 'mayor', organisationId: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe('role');
  });

  it('protected routes need a valid bearer token', async () => {
    expect((await http().post('/api/dev/clock').send({ advanceByMs: 1000 })).body.code).toBe('UNAUTHENTICATED');
    const bad = await http().post('/api/dev/clock').set('Authorization', 'Bearer not.a.token').send({ advanceByMs: 1000 });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('INVALID_TOKEN');
  });

  it('only an admin moves the clock, and only forward', async () => {
    const bidder = await tokenFor('bidder', 'org-practice-1');
    const refused = await http().post('/api/dev/clock').set('Authorization', `Bearer ${bidder}`).send({ advanceByMs: 1000 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ROLE_NOT_ALLOWED');

    const admin = await tokenFor('admin', 'org-platform');
    const moved = await http().post('/api/dev/clock').set('Authorization', `Bearer ${admin}`).send({ advanceByMs: 86_400_000 });
    expect(moved.status).toBe(200);
    expect(moved.body.now).toBe('2026-03-03T09:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-03T09:00:00.000Z');

    const back = await http().post('/api/dev/clock').set('Authorization', `Bearer ${admin}`).send({ to: '2026-01-01T00:00:00.000Z' });
    expect(back.status).toBe(422);
    expect(back.body.code).toBe('CLOCK_CANNOT_GO_BACK');
    expect(clock.now().toISOString()).toBe('2026-03-03T09:00:00.000Z');
  });

  it('health stays public', async () => {
    expect((await http().get('/health')).status).toBe(200);
  });
});

describe('auth in jwt mode', () => {
  let platform: PlatformApp;
  beforeAll(async () => {
    platform = await platformWith({ AUTH_MODE: 'jwt', JWT_SECRET: 'a-test-secret-that-is-long-enough-123456', JWT_ISSUER: 'https://idp.example.nhs.uk' });
  });
  afterAll(() => platform.app.close());

  it('refuses to issue dev tokens or move the clock', async () => {
    const token = await request(platform.app.getHttpServer()).post('/api/dev/tokens').send({ role: 'admin', organisationId: 'x' });
    expect(token.status).toBe(403);
    expect(token.body.code).toBe('DEV_MODE_ONLY');
  });
});
