import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { webUiRoot } from '../../apps/platform/src/http/web-ui';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * The web UI is served by the platform itself (no build step): the page at `/`, its ES modules and
 * stylesheet under /app/, chart.js at /assets/vendor/chart.js — without shadowing the API, the
 * docs, health or metrics, and with unknown paths still answered as JSON 404s.
 */
describe('web UI served by the platform', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p.close());

  it('GET / serves the page, which loads chart.js and the app module, under a same-origin content security policy', async () => {
    const res = await p.http().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.text).toContain('<script src="/assets/vendor/chart.js" defer></script>');
    expect(res.text).toContain('<script type="module" src="/app/main.js"></script>');
    expect(res.text).toContain('<link rel="stylesheet" href="/app/styles.css">');
  });

  it('serves every module and the stylesheet with their content types, and each module import resolves to a served file', async () => {
    const root = join(webUiRoot(), 'app');
    const files = ['main.js', 'styles.css', ...readdirSync(root).filter((f) => f.endsWith('.js')), ...readdirSync(join(root, 'views')).map((f) => `views/${f}`)];
    for (const file of new Set(files)) {
      const res = await p.http().get(`/app/${file}`).expect(200);
      expect([file, res.headers['content-type']]).toEqual([file, expect.stringMatching(file.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/)]);
      // Every relative import of a module must be served too (a typo would only show in the browser).
      for (const [, spec] of res.text.matchAll(/^import .* from '(\.{1,2}\/[^']+)';$/gm)) {
        const target = new URL(spec!, `http://ui/app/${file}`).pathname;
        expect([file, spec, (await p.http().get(target)).status]).toEqual([file, spec, 200]);
      }
    }
  });

  it('serves chart.js 4 (UMD build) at /assets/vendor/chart.js without a token', async () => {
    const res = await p.http().get('/assets/vendor/chart.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.text).toMatch(/Chart\.js v4\./);
    expect(res.text.length).toBeGreaterThan(100_000);
  });

  it('leaves /api, /docs, /docs-json, /health and /metrics as they were', async () => {
    expect((await p.http().get('/api/tenders')).status).toBe(401);
    const token = await p.token('auditor', 'org-nao');
    const tenders = await p.as(token).get('/api/tenders').expect(200);
    expect(tenders.body).toEqual([]);
    expect((await p.http().get('/docs')).text).toMatch(/swagger/i);
    const doc = (await p.http().get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toContain('/api/statistics/turnover');
    // The UI's own routes are not part of the API's documentation.
    expect(Object.keys(doc.paths).filter((path) => path === '/' || path.startsWith('/assets'))).toEqual([]);
    expect((await p.http().get('/health').expect(200)).body.status).toBe('ok');
    expect((await p.http().get('/metrics').expect(200)).text).toContain('tenderledger_http_request_duration_seconds');
  });

  it('answers unknown paths, under /api and under /app alike, with the JSON 404', async () => {
    for (const path of ['/api/no-such-route', '/api/app/main.js', '/app/no-such-module.js', '/app/', '/no-such-page', '/app/../package.json']) {
      const res = await p.http().get(path);
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 404, expect.stringMatching(/^application\/json/)]);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
  });
});
