import express from 'express';
import request from 'supertest';
import { rateLimit } from './rate-limit';

/** A bare Express app behind the limiter, with a clock the test moves. */
function appWith(perSecond: number, burst: number) {
  let ms = 0;
  const app = express();
  app.use(rateLimit({ perSecond, burst, now: () => ms }));
  app.get('/x', (_req, res) => res.json({ ok: true }));
  return { app, advance: (by: number) => (ms += by) };
}

describe('rate limit on the HTTP edge', () => {
  it('lets a burst through, then answers 429 RATE_LIMITED with Retry-After, and refills over time', async () => {
    const { app, advance } = appWith(2, 3);
    for (let i = 0; i < 3; i++) await request(app).get('/x').set('Authorization', 'Bearer a').expect(200);
    const refused = await request(app).get('/x').set('Authorization', 'Bearer a').expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(refused.body.message).toMatch(/at most 2 a second/);
    expect(refused.headers['retry-after']).toBe('1');
    advance(500); // half a second at 2/s: one token back
    await request(app).get('/x').set('Authorization', 'Bearer a').expect(200);
    await request(app).get('/x').set('Authorization', 'Bearer a').expect(429);
  });

  it('keeps one bucket per bearer token, so one client cannot starve another', async () => {
    const { app } = appWith(1, 1);
    await request(app).get('/x').set('Authorization', 'Bearer a').expect(200);
    await request(app).get('/x').set('Authorization', 'Bearer a').expect(429);
    await request(app).get('/x').set('Authorization', 'Bearer b').expect(200);
  });

  it('is off when the rate is 0', async () => {
    const { app } = appWith(0, 0);
    for (let i = 0; i < 5; i++) await request(app).get('/x').expect(200);
  });
});
