import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPgliteEventStore } from '@tenderledger/event-store';
import { newEvent } from '../../libs/event-store/src/testing/contract';

const root = resolve(__dirname, '../..');
const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error', NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });

describe('auditor CLI against an embedded data folder (a real process)', () => {
  let dataDir: string;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.cjs')], { stdio: 'ignore' });
    dataDir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
    const { store } = await openPgliteEventStore({ dataDir });
    await store.append('tender-t1', [newEvent('TenderDrafted', { title: 'Riverside' }), newEvent('LotAdded', { lot: 1 }), newEvent('TenderPublished', {})], 'no-stream');
    await store.append('tender-t2', [newEvent('TenderDrafted', { title: 'Valley' })], 'no-stream');
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('verifies every stream, saying it opened the folder itself', () => {
    const run = cli(dataDir, 'verify');
    expect(run.stderr).toContain('opened by the CLI itself');
    expect(run.stdout).toContain('OK: 4 events in 2 streams verified');
    expect(run.status).toBe(0);
  });

  it('names the first altered event and exits non-zero', async () => {
    const { store } = await openPgliteEventStore({ dataDir });
    await store.executor.query(`update tl_events set data = jsonb_set(data, '{lot}', '2') where stream_id = 'tender-t1' and stream_version = 2`);
    await store.close();
    const run = cli(dataDir, 'verify');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('ALTERED: 1 stream(s)');
    expect(run.stdout).toMatch(/"streamId":"tender-t1","streamVersion":2/);
  });

  it('prints usage for an unknown command', () => {
    const run = cli(dataDir, 'frobnicate');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('TenderLedger auditor and operator CLI');
  });
});
