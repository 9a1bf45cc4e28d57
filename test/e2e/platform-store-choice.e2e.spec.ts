import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

describe('platform start-up on EVENT_STORE=eventstoredb (a real process)', () => {
  beforeAll(() => execFileSync(process.execPath, [join(root, 'scripts/build.cjs')], { stdio: 'ignore' }));

  it('refuses to start with one sentence saying why, exits 1, and never listens', () => {
    const run = spawnSync(process.execPath, [join(root, 'dist/apps/platform/src/main.js')], {
      env: { ...process.env, EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'kurrentdb://127.0.0.1:1?tls=false', PORT: '0', LOG_LEVEL: 'error', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TenderLedger platform failed to start: EVENT_STORE=eventstoredb cannot run the platform yet:');
    expect(run.stderr).toContain('EVENT_STORE=postgres or pglite');
    expect(run.stderr).not.toMatch(/\n\s+at /); // a configuration refusal, not a stack trace
    expect(run.stdout).not.toContain('TenderLedger platform:');
  });
});
