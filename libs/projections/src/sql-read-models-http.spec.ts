import { settle, startTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { appendProcurements } from './testing/read-model-history';

/** Turnover statistics and OCDS as SQL projections inside the platform: status, metrics, rebuild over HTTP while answering. */
type Status = { name: string; kind: string; position: number; lagEvents: number };
type Rebuild = { id: string; name: string; state: string; processed: number; total: number };

describe('statistics and OCDS SQL read models in the platform (PGlite)', () => {
  let p: TestPlatform;
  let admin: string;
  let auditor: string;
  beforeAll(async () => {
    p = await startTestPlatform('2027-06-01T09:00:00.000Z');
    admin = await p.token('admin', 'org-admin');
    auditor = await p.token('auditor', 'org-audit');
  });
  afterAll(() => p.close());

  const active = (report: { figures: { key: string; value: number }[] }): number => report.figures.find((f) => f.key === 'activeContracts')!.value;
  const answers = async () => {
    const turnover = await p.as(auditor).get('/api/statistics/turnover?year=2026').expect(200);
    const csv = await p.as(auditor).get('/api/statistics/turnover?year=2026&format=csv').expect(200);
    const releases = await p.as(auditor).get('/api/ocds/releases?tenderId=tender-1').expect(200);
    const record = await p.as(auditor).get('/api/ocds/records/ocds-tl0000-tender-1').expect(200);
    return { turnover: turnover.body, csv: csv.text, releases: releases.body, record: record.body };
  };

  it('answers right after events are committed, reports both as checkpointed, and rebuilds each over HTTP with identical answers throughout', async () => {
    await appendProcurements(p.store, 0, 3, true);
    // Read-your-writes: no waiting here, the readers wait for the store's head themselves.
    const first = await answers();
    expect(first.releases.releases.map((r: { tag: string[] }) => r.tag[0])).toEqual(['tender', 'tenderAmendment', 'award', 'contract', 'contract']);
    expect(active(first.turnover)).toBeGreaterThanOrEqual(3);

    // The award context registers the concluded lots' successor contracts in reaction: let that finish.
    for (let head = -1; head !== (await p.store.headPosition()); ) {
      head = await p.store.headPosition();
      await settle(p);
    }
    const before = await answers();
    const head = await p.store.headPosition();
    const status = await p.as(auditor).get('/api/projections').expect(200);
    for (const name of ['turnover-statistics', 'ocds']) {
      expect((status.body.projections as Status[]).find((s) => s.name === name)).toMatchObject({ kind: 'checkpointed', position: head, lagEvents: 0 });
    }
    const metrics = await p.http().get('/metrics').expect(200);
    expect(metrics.text).toContain(`tenderledger_projection_position{projection="turnover-statistics"} ${head}`);
    expect(metrics.text).toContain(`tenderledger_projection_position{projection="ocds"} ${head}`);

    for (const name of ['turnover-statistics', 'ocds']) {
      const started = await p.as(admin).post(`/api/projections/${name}/rebuild`).expect(202);
      let rebuild: Rebuild | undefined;
      for (let i = 0; i < 500; i++) {
        expect(await answers()).toEqual(before); // served from whichever generation is active
        const res = await p.as(auditor).get('/api/projections').expect(200);
        rebuild = (res.body.rebuilds as Rebuild[]).find((r) => r.id === started.body.rebuildId);
        if (rebuild?.state !== 'running') break;
      }
      expect(rebuild).toMatchObject({ name, state: 'swapped' });
      expect(rebuild!.processed).toBe(rebuild!.total);
      const [row] = await p.store.executor.query<{ active_table_suffix: string }>('select active_table_suffix from tl_projections where name = $1', [name]);
      expect(row!.active_table_suffix).toMatch(/_2$/);
      expect(await answers()).toEqual(before);
    }

    // Still live after the swaps.
    await appendProcurements(p.store, 3, 1);
    expect(active((await answers()).turnover)).toBeGreaterThan(active(before.turnover));
  });
});
