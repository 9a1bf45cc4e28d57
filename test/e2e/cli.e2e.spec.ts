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
  it('exports a direct award’s audit trail (--direct-award), and says what it needs without an id', async () => {
    const { store } = await openPgliteEventStore({ dataDir });
    const decided = {
      decisionId: 'da-cli', commissionerId: 'org-icb', route: 'psr-direct-award-a', awardProcess: 'direct-award-a',
      provider: { organisationId: 'org-p', name: 'Only Provider' }, incumbent: null, incumbentRetained: null, keyCriteriaAssessment: [],
      decisionMakers: [{ name: 'Dr Ada Okafor', role: 'Director' }], conflicts: [], reasons: 'Only one provider can deliver the service.',
      contract: { startDate: '2027-04-01', endDate: '2030-03-31', annualValuePence: 100 }, standstillRule: null, decidedAt: '2026-03-02T10:15:30.123Z',
    };
    await store.append('direct-award-da-cli', [newEvent('DirectAwardDecided', decided, { actor: { userId: 'jane', role: 'commissioner', organisationId: 'org-icb' } })], 'no-stream');
    await store.close();
    const run = cli(dataDir, 'export', 'audit', '--direct-award', 'da-cli', '--format', 'csv');
    expect(run.status).toBe(0);
    const [header, row, ...rest] = run.stdout.trim().split('\n');
    expect(header).toBe('globalPosition,occurredAt,streamId,type,actor,correlationId,summary,reason');
    expect(row).toContain('"direct-award-da-cli","DirectAwardDecided"');
    expect(row).toContain('"Only one provider can deliver the service."');
    expect(rest).toEqual([]);
    const missing = cli(dataDir, 'export', 'audit');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr + missing.stdout).toContain('export audit needs --tender ID or --direct-award ID');
  });
});
