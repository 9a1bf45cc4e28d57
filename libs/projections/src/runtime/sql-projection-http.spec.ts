import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@tenderledger/event-store';
import { startTestPlatform, type TestPlatform } from '../../../../test/support/platform';

/** The audit index as a SQL projection inside the platform: status, rebuild over HTTP, swap. */
const bid = (tenderId: string): NewEvent => ({
  eventId: randomUUID(),
  type: 'BidSubmitted',
  data: { tenderId },
  occurredAt: '2026-03-02T10:00:00.000Z',
  actor: { userId: 'u-1', role: 'bidder', organisationId: 'org-1' },
  correlationId: 'c-1',
});

type Status = { name: string; kind: string; position: number; lagEvents: number; rebuild?: { id: string; state: string; processed: number; total: number } };

describe('SQL projections in the platform (PGlite)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p.close());

  const indexRows = () => p.store.executor.query<{ procurement_id: string; stream_id: string }>('select procurement_id, stream_id from tlp_audit_index order by procurement_id, stream_id');

  it('keeps the audit index in SQL, reports it, and rebuilds it over HTTP while it keeps answering', async () => {
    for (let i = 0; i < 40; i++) await p.store.append(`bid-${randomUUID()}`, [bid(`tender-${i % 4}`)], 'no-stream');
    const admin = await p.token('admin', 'org-admin');
    const auditor = await p.token('auditor', 'org-audit');

    // Caught up and reported with a checkpoint.
    const head = await p.store.headPosition();
    let status: Status | undefined;
    for (let i = 0; i < 200; i++) {
      const res = await p.as(auditor).get('/api/projections').expect(200);
      status = (res.body.projections as Status[]).find((s) => s.name === 'audit-index');
      if (status?.position === head) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toMatchObject({ kind: 'checkpointed', position: head, lagEvents: 0 });
    const before = await indexRows();
    expect(before).toHaveLength(40);

    await p.as(auditor).post('/api/projections/audit-index/rebuild').expect(403);
    await p.as(admin).post('/api/projections/nope/rebuild').expect(404);
    const started = await p.as(admin).post('/api/projections/audit-index/rebuild').expect(202);
    expect(started.body).toMatchObject({ name: 'audit-index', rebuildId: expect.any(String) });

    let rebuild: Status['rebuild'];
    for (let i = 0; i < 300; i++) {
      expect(await indexRows()).toEqual(before); // answers throughout, from whichever generation is active
      const res = await p.as(auditor).get('/api/projections').expect(200);
      rebuild = (res.body.rebuilds as NonNullable<Status['rebuild']>[]).find((r) => r.id === started.body.rebuildId);
      if (rebuild?.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(rebuild).toMatchObject({ state: 'swapped', processed: 40, total: 40 });
    const [row] = await p.store.executor.query<{ active_table_suffix: string }>(`select active_table_suffix from tl_projections where name = 'audit-index'`);
    expect(row!.active_table_suffix).toBe('v2_2');
    expect(await indexRows()).toEqual(before);

    // Still live after the swap.
    await p.store.append(`bid-${randomUUID()}`, [bid('tender-new')], 'no-stream');
    for (let i = 0; i < 200 && (await indexRows()).length < 41; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await indexRows()).filter((r) => r.procurement_id === 'tender-new')).toHaveLength(1);

    const metrics = await p.http().get('/metrics');
    expect(metrics.text).toContain('tenderledger_projection_position{projection="audit-index"}');
  });
});
