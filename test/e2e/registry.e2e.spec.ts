import { collect } from '../../libs/event-store/src/testing/contract';
import { expectRefusal, startTestPlatform, type TestPlatform } from '../support/platform';

describe('registry over HTTP: organisations and the contract register', () => {
  let p: TestPlatform;
  let admin: string;
  let icb: string;

  beforeAll(async () => {
    p = await startTestPlatform();
    admin = await p.token('admin', 'org-platform');
    icb = await p.token('commissioner', 'org-icb-north', 'jane.commissioner');
  });
  afterAll(() => p.close());

  it('registers a commissioner, practices and a federation with members; the actor is on each event', async () => {
    const commissioner = await p.as(admin).post('/api/organisations').send({ organisationId: 'org-icb-north', name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } });
    expect(commissioner.status).toBe(201);
    expect(commissioner.body).toMatchObject({ organisationId: 'org-icb-north', kind: 'commissioner', sizeBand: null });

    const riverside = await p.as(await p.token('bidder', 'org-riverside')).post('/api/organisations').send({ name: 'Riverside Medical Practice', kind: 'practice', odsCode: 'A81001', listSize: 8400 });
    expect(riverside.status).toBe(201);
    expect(riverside.body).toMatchObject({ organisationId: 'org-riverside', sizeBand: 'small' });
    await p.as(icb).post('/api/organisations').send({ organisationId: 'org-hilltop', name: 'Hilltop Surgery', kind: 'practice', odsCode: 'A81002', listSize: 12500 }).expect(201);

    const federation = await p.as(icb).post('/api/organisations').send({ organisationId: 'org-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-riverside', 'org-hilltop'], staff: 40 });
    expect(federation.status).toBe(201);
    expect(federation.body.members).toEqual(['org-riverside', 'org-hilltop']);

    const [registered] = await collect(p.store.readStream('organisation-org-fed'));
    expect(registered!.actor).toEqual({ userId: 'jane.commissioner', role: 'commissioner', organisationId: 'org-icb-north' });
    expect(registered!.occurredAt).toBe('2026-03-02T09:00:00.000Z');

    const list = await p.as(icb).get('/api/organisations?kind=practice');
    expect(list.body.map((o: { organisationId: string }) => o.organisationId)).toEqual(['org-hilltop', 'org-riverside']);
  });

  it('refuses bad organisations with a code, appending nothing', async () => {
    await expectRefusal(p, () => p.as(icb).post('/api/organisations').send({ name: 'Lonely Federation', kind: 'federation', members: ['org-riverside'] }), 422, 'ORGANISATION_FEDERATION_NEEDS_MEMBERS');
    await expectRefusal(p, () => p.as(icb).post('/api/organisations').send({ name: 'Ghost Federation', kind: 'federation', members: ['org-riverside', 'org-nowhere'] }), 422, 'ORGANISATION_MEMBER_UNKNOWN');
    await expectRefusal(p, () => p.as(icb).post('/api/organisations').send({ organisationId: 'org-riverside', name: 'Again', kind: 'practice' }), 409, 'ORGANISATION_ALREADY_REGISTERED');
    const outsider = await p.token('bidder', 'org-x');
    await expectRefusal(p, () => p.as(outsider).post('/api/organisations').send({ organisationId: 'org-y', name: 'Y', kind: 'practice' }), 403, 'ORGANISATION_NOT_YOURS');
    const bad = await expectRefusal(p, () => p.as(icb).post('/api/organisations').send({ name: '', kind: 'hospital' }), 400, 'VALIDATION_FAILED');
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['kind', 'name']);
    await expectRefusal(p, () => p.http().post('/api/organisations').send({ name: 'X', kind: 'practice' }), 401, 'UNAUTHENTICATED');
  });

  it('registers a contract and walks it through its lifecycle', async () => {
    const contract = await p.as(icb).post('/api/contracts').send({
      contractId: 'contract-hilltop-pms', reference: 'PMS-A81002', contractType: 'PMS', holderId: 'org-hilltop', commissionerId: 'org-icb-north',
      region: 'North East and Yorkshire', listSize: 12500, annualValuePence: 180_000_000, startDate: '2019-04-01', endDate: '2026-03-31',
    });
    expect(contract.status).toBe(201);
    expect(contract.body).toMatchObject({ reference: 'PMS-A81002', status: 'active' });

    const extended = await p.as(icb).post('/api/contracts/contract-hilltop-pms/extension').send({ newEndDate: '2027-03-31', reason: 'Time to run a lotted procurement.' });
    expect(extended.status).toBe(200);
    expect(extended.body.endDate).toBe('2027-03-31');
    await expectRefusal(p, () => p.as(icb).post('/api/contracts/contract-hilltop-pms/extension').send({ newEndDate: '2026-01-01', reason: 'Shorter?' }), 422, 'CONTRACT_EXTENSION_NOT_LATER');
    const marked = await p.as(icb).post('/api/contracts/contract-hilltop-pms/reprocurement').send({ reason: 'Re-procure in lots for small providers.' });
    expect(marked.body.markedForReprocurement).toBe(true);

    await expectRefusal(p, () => p.as(icb).post('/api/contracts/contract-nope/extension').send({ newEndDate: '2030-01-01', reason: 'x' }), 404, 'CONTRACT_NOT_FOUND');
    const south = await p.token('commissioner', 'org-icb-south');
    const bidder = await p.token('bidder', 'org-riverside');
    await expectRefusal(p, () => p.as(south).post('/api/contracts/contract-hilltop-pms/termination').send({ effectiveDate: '2026-06-30', reason: 'x' }), 403, 'CONTRACT_NOT_YOURS');
    await expectRefusal(p, () => p.as(bidder).post('/api/contracts/contract-hilltop-pms/termination').send({ effectiveDate: '2026-06-30', reason: 'x' }), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(icb).post('/api/contracts').send({ reference: 'PMS-A81002', contractType: 'PMS', holderId: 'org-hilltop', commissionerId: 'org-icb-north', region: 'N', listSize: 1, annualValuePence: 1, startDate: '2020-01-01', endDate: '2030-01-01' }), 409, 'CONTRACT_REFERENCE_TAKEN');
    await expectRefusal(p, () => p.as(icb).post('/api/contracts').send({ reference: 'X-1', contractType: 'GMS', holderId: 'org-icb-north', commissionerId: 'org-icb-north', region: 'N', listSize: 1, annualValuePence: 1, startDate: '2020-01-01', endDate: '2030-01-01' }), 422, 'CONTRACT_HOLDER_IS_COMMISSIONER');
    const badDate = await expectRefusal(p, () => p.as(icb).post('/api/contracts').send({ reference: 'X-2', contractType: 'GMS', holderId: 'org-hilltop', commissionerId: 'org-icb-north', region: 'N', listSize: 1, annualValuePence: 1.5, startDate: '1 April 2020', endDate: '2030-01-01' }), 400, 'VALIDATION_FAILED');
    expect(badDate.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['annualValuePence', 'startDate']);
  });

  const header = 'reference,contract_type,holder_id,commissioner_id,region,list_size,annual_value,start_date,end_date,services';

  it('imports a register from CSV all-or-nothing: one bad row refuses the file with a per-row report', async () => {
    const csv = [
      header,
      'GMS-A81001,GMS,org-riverside,org-icb-north,North East and Yorkshire,8400,"1,250,000.50",2021-04-01,2027-03-31,core;extended access',
      'APMS-Y001,APMS,org-nowhere,org-icb-north,North East and Yorkshire,3000,400000,2022-04-01,2025-03-31,core',
      'GMS-A81003,GMS,org-hilltop,org-icb-north,North East and Yorkshire,5200,90000,2023-04-01,2022-03-31,core',
    ].join('\n');
    const res = await expectRefusal(p, () => p.as(icb).post('/api/contracts/import').set('Content-Type', 'text/csv').send(csv), 422, 'CONTRACT_IMPORT_REFUSED');
    const lines = res.body.details.errors.map((e: { line: number }) => e.line);
    expect([...new Set(lines)]).toEqual([3, 4]);
    const byLine = (n: number) => res.body.details.errors.filter((e: { line: number }) => e.line === n).map((e: { code: string }) => e.code);
    expect(byLine(3).length).toBeGreaterThan(0);
    expect(byLine(4).length).toBeGreaterThan(0);
    expect((await p.as(icb).get('/api/contracts')).body.map((c: { reference: string }) => c.reference)).toEqual(['PMS-A81002']);
  });

  it('imports a clean register in one transaction', async () => {
    const csv = [
      header,
      'GMS-A81001,GMS,org-riverside,org-icb-north,North East and Yorkshire,8400,1250000.50,2021-04-01,2027-03-31,core;extended access',
      '"APMS-""VALLEY""",APMS,org-fed,org-icb-north,North East and Yorkshire,20000,2400000,2022-04-01,2027-03-31,core',
    ].join('\r\n');
    const res = await p.as(icb).post('/api/contracts/import').set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(2);
    const all = (await p.as(icb).get('/api/contracts?status=active')).body;
    expect(all.map((c: { reference: string }) => c.reference)).toEqual(['APMS-"VALLEY"', 'GMS-A81001', 'PMS-A81002']);
    expect(all.find((c: { reference: string }) => c.reference === 'GMS-A81001').annualValuePence).toBe(125_000_050);
  });

  it('honours Idempotency-Key: a retried command gets the first answer and appends nothing', async () => {
    const send = () => p.as(icb).post('/api/organisations').set('Idempotency-Key', 'reg-meadow-1').send({ organisationId: 'org-meadow', name: 'Meadow Practice', kind: 'practice', listSize: 4000 });
    const first = await send();
    expect(first.status).toBe(201);
    const before = await p.eventCount();
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await p.eventCount()).toBe(before);
    const reused = await p.as(icb).post('/api/organisations').set('Idempotency-Key', 'reg-meadow-1').send({ organisationId: 'org-other', name: 'Other', kind: 'practice' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await p.eventCount()).toBe(before);
  });
});
