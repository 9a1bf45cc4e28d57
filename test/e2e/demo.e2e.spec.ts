import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { OffsetClock } from '@tenderledger/domain-kit';
import { openPgliteEventStore } from '@tenderledger/event-store';
import { createPlatformApp } from '../../apps/platform/src/bootstrap';
import { platformConfigFromEnv } from '../../apps/platform/src/infrastructure/platform-config';
import { expectedTurnover, plannedTotals } from '../../apps/cli/src/demo/expectations';
import { SCALES } from '../../apps/cli/src/demo/scale';
import { buildPlan, STORY_YEARS } from '../../apps/cli/src/demo/story';
import type { DemoReport } from '../../apps/cli/src/demo/runner';

/**
 * `seed-demo --scale small`, twice with the same seed, each as a separate CLI process on its own
 * data folder (in parallel: two cores). Then each folder is opened the way `npm start` opens it and
 * read back over HTTP: what the CLI reported, what the API returns and what the generator planned
 * must agree; the hash chains verify; and the two folders hold the same history.
 */
const root = resolve(__dirname, '../..');
const SEED = 7;
const plan = buildPlan(SEED, SCALES.small);

type Run = { status: number | null; stdout: string; stderr: string };
const cli = (dataDir: string, ...args: string[]): Promise<Run> =>
  new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error', NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });

type Figure = { key: string; value: number | null; numerator?: number; denominator?: number };
interface Readback {
  organisations: number;
  contracts: number;
  tenders: { tenderId: string }[];
  directAwards: number;
  lotStatuses: string[];
  stats: Record<number, Figure[]>;
  verify: { ok: boolean; streams: number; events: number };
  /** Per stream (ids minted as UUIDs replaced by `*`), its event types in order; sorted. */
  streams: string[];
}

/** Opens a seeded folder as `npm start` would (real clock, dev auth) and reads it back over HTTP. */
async function readBack(dataDir: string): Promise<Readback> {
  const { store } = await openPgliteEventStore({ dataDir });
  const { app } = await createPlatformApp({ config: platformConfigFromEnv({ PORT: '0', AUTH_MODE: 'dev', TICK_INTERVAL_MS: '600000' }), store, clock: new OffsetClock() });
  const http = () => request(app.getHttpServer());
  const token = (await http().post('/api/dev/tokens').send({ role: 'auditor', organisationId: 'org-nao' })).body.token as string;
  const get = async (path: string) => {
    const res = await http().get(path).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  try {
    const tenders = (await get('/api/tenders')) as { tenderId: string }[];
    const lotStatuses: string[] = [];
    for (const t of tenders) lotStatuses.push(...((await get(`/api/tenders/${t.tenderId}/award`)).lots as { status: string }[]).map((l) => l.status));
    const stats: Record<number, Figure[]> = {};
    for (const year of STORY_YEARS) stats[year] = (await get(`/api/statistics/turnover?year=${year}`)).figures;
    const byStream = new Map<string, string[]>();
    for await (const event of store.readAll()) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.type]);
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    return {
      organisations: (await get('/api/organisations')).length,
      contracts: (await get('/api/contracts')).length,
      tenders,
      directAwards: (await get('/api/direct-awards')).length,
      lotStatuses,
      stats,
      verify: await get('/api/audit/verify'),
      streams: [...byStream].map(([stream, types]) => `${stream.replace(uuid, '*')}: ${types.join(',')}`).sort(),
    };
  } finally {
    await app.close();
  }
}

describe('npm run demo: a seeded synthetic history through the platform’s API', () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'tl-demo-a-')), mkdtempSync(join(tmpdir(), 'tl-demo-b-'))];
  let runs: Run[];
  let reports: { report: DemoReport; counted: { organisations: number; contracts: number; tenders: number; directAwards: number } }[];
  let back: Readback[];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.cjs')], { stdio: 'ignore' });
    runs = await Promise.all(dirs.map((dir) => cli(dir, 'seed-demo', '--scale', 'small', '--seed', String(SEED))));
    for (const run of runs) if (run.status !== 0) throw new Error(`seed-demo failed (${run.status}): ${run.stderr.slice(-2000)}`);
    reports = runs.map((run) => JSON.parse(run.stdout.trim().split('\n').at(-1)!));
    back = [];
    for (const dir of dirs) back.push(await readBack(dir));
  }, 420_000);
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('says what it did: ran the platform itself on the folder, its clock starting in January 2021', () => {
    expect(runs[0]!.stderr).toContain('opened by the CLI itself');
    expect(runs[0]!.stderr).toContain('its clock starts at 2021-01-04T09:00:00.000Z and moves forward through POST /api/dev/clock');
    expect(runs[0]!.stderr).toMatch(/writing the demo history .*100%/);
  });

  it('reports the counts the generator planned, and the API returns the same', () => {
    const planned = plannedTotals(plan);
    const { report, counted } = reports[0]!;
    const mostSuitable = plan.directAwards.filter((d) => d.route === 'psr-most-suitable-provider').length;
    expect(report).toMatchObject({ organisations: planned.organisations, contracts: planned.contracts, tenders: planned.tenders, lots: planned.lots, bids: planned.bids, lotsAwarded: planned.lots, directAwards: planned.directAwards, registerActions: plan.actions.length });
    expect(counted).toEqual({ organisations: back[0]!.organisations, contracts: back[0]!.contracts, tenders: back[0]!.tenders.length, directAwards: back[0]!.directAwards });
    expect(back[0]!.organisations).toBe(planned.organisations);
    expect(back[0]!.tenders.map((t) => t.tenderId).sort()).toEqual(plan.tenders.map((t) => t.id).sort());
    expect(back[0]!.directAwards).toBe(planned.directAwards);
    // The register: every imported row, plus a successor contract per concluded lot and per most-suitable-provider award.
    expect(back[0]!.contracts).toBe(planned.contracts + planned.lots + mostSuitable);
    expect(back[0]!.lotStatuses).toEqual(Array(planned.lots).fill('concluded'));
  });

  it('gives turnover statistics for every year that agree with the plan, and are not trivial', () => {
    const totals = { tenders: 0, providerChanges: 0, renewals: 0, smallWins: 0 };
    for (const year of STORY_YEARS) {
      const expected = expectedTurnover(plan, year);
      const f = (key: string): Figure => back[0]!.stats[year]!.find((x) => x.key === key)!;
      const got = {
        tendered: f('contractsTendered').numerator,
        split: [f('tendersSplitIntoLots').numerator, f('tendersSplitIntoLots').denominator],
        competitive: f('awardsByProcess.competitive.count').value,
        small: [f('lotsWonBySmallProviders').numerator, f('lotsWonBySmallProviders').denominator],
        consortia: f('lotsWonByConsortia').numerator,
        providerChanged: [f('providerChanged').numerator, f('providerChanged').denominator],
        renewed: f('renewedWithoutCompetition').value,
        extended: f('extendedWithoutCompetition').value,
        directC: f('awardsByProcess.direct-award-c.count').value,
        mostSuitable: f('awardsByProcess.most-suitable-provider.count').value,
        challenges: [f('challengesPerAward').numerator, f('challengesPerAward').denominator],
      };
      expect({ year, ...got }).toEqual({
        year,
        tendered: expected.tendersPublished,
        split: [expected.tendersSplit, expected.tendersPublished],
        competitive: expected.competitiveLotsConcluded,
        small: [expected.lotsWonBySmallProviders, expected.competitiveLotsConcluded],
        consortia: expected.lotsWonByConsortia,
        providerChanged: [expected.providerChanges, expected.reprocurementOutcomes],
        renewed: expected.renewedWithoutCompetition,
        extended: expected.extended,
        directC: expected.directAwardC,
        mostSuitable: expected.mostSuitableProvider,
        challenges: [expected.challenges, expected.awardDecisions],
      });
      totals.tenders += expected.tendersPublished;
      totals.providerChanges += expected.providerChanges;
      totals.renewals += expected.renewedWithoutCompetition;
      totals.smallWins += expected.lotsWonBySmallProviders;
    }
    // Not trivial: tenders, provider changes, renewals without competition and small-provider wins all happen.
    for (const count of Object.values(totals)) expect(count).toBeGreaterThan(0);
  });

  it('leaves every hash chain and opened-bid commitment verified, also by `npm run cli -- verify`', async () => {
    expect(back[0]!.verify).toMatchObject({ ok: true });
    const verify = await cli(dirs[0]!, 'verify');
    expect(verify.stdout).toContain(`OK: ${back[0]!.verify.events} events in ${back[0]!.verify.streams} streams verified`);
    expect(verify.status).toBe(0);
  });

  it('is deterministic: the same seed gives the same statistics and the same streams of events', () => {
    expect(back[1]!.stats).toEqual(back[0]!.stats);
    expect(back[1]!.streams).toEqual(back[0]!.streams);
    expect(back[0]!.streams.length).toBeGreaterThan(plannedTotals(plan).organisations);
    expect(reports[1]!.report).toEqual({ ...reports[0]!.report, requests: reports[1]!.report.requests });
  });

  it('refuses a folder that already holds data, pointing at --force', async () => {
    const refused = await cli(dirs[1]!, 'seed-demo', '--scale', 'small', '--seed', String(SEED));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not empty');
    expect(refused.stderr).toContain('--force');
  });
});
