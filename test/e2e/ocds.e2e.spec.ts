import request from 'supertest';
import { FixedClock } from '@tenderledger/domain-kit';
import { openPgliteEventStore, type SqlEventStore } from '@tenderledger/event-store';
import { createPlatformApp, type PlatformApp } from '../../apps/platform/src/bootstrap';
import { platformContexts } from '../../apps/platform/src/contexts';
import { platformConfigFromEnv } from '../../apps/platform/src/infrastructure/platform-config';
import { resolveSealingKey } from '../../apps/platform/src/infrastructure/sealing-key';
import { OcdsModule } from '../../libs/projections/src/ocds';
import { codelistProblems, OCDS_DIR, ocdsAvailable, packageValidators, type PackageValidator, describeIfOcds } from '../../libs/projections/src/ocds/testing/ocds-standard';
import { collect } from '../../libs/event-store/src/testing/contract';
import { settle, type TestPlatform } from '../support/platform';

/**
 * The OCDS export over HTTP after a whole procurement: North ICB tenders two locality lots under the
 * PSR competitive process (lot limit 1), amends the deadline, takes three bids (Valley GP Federation as
 * a consortium of Hilltop and Brook Lane), evaluates, awards North to Riverside and South to Valley,
 * and concludes both contracts after standstill. Every package is validated against OCDS 1.1.5
 * patched with the lots and bids extensions, and its codes against the CSVs in ../shared/ocds.
 */
const ICB = 'org-icb-north';
const TENDER = 'tender-ocds-2027';
const OCID = `ocds-tl0000-${TENDER}`;
const LOTS = { north: 'lot-north', south: 'lot-south' } as const;
const BASE = `/api/tenders/${TENDER}/evaluation`;
const AWARD = `/api/tenders/${TENDER}/award`;
const CRITERIA = [
  { id: 'quality', name: 'Quality and innovation', kind: 'quality', weightBasisPoints: 6_000, maxScore: 5, passMark: 2 },
  { id: 'price', name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100 },
];

type Json = Record<string, unknown>;
type Release = { id: string; date: string; tag: string[]; tender: Json & { lots: Json[] }; parties: { id: string; roles: string[] }[]; bids?: { statistics: Json[]; details?: Json[] }; awards?: Json[]; contracts?: Json[] };

if (!ocdsAvailable()) console.warn(`SKIPPED: OCDS e2e validation — ${OCDS_DIR} is absent, so packages cannot be checked against the standard.`);

/** The test platform of test/support, composed with the OCDS module (not yet in the platform's contexts). */
async function startPlatformWithOcds(start: string): Promise<TestPlatform> {
  const { store }: { store: SqlEventStore } = await openPgliteEventStore();
  const clock = new FixedClock(start);
  const contexts = [...platformContexts({ sealingKey: resolveSealingKey(process.env, {}) }), OcdsModule];
  const platform: PlatformApp = await createPlatformApp({ config: platformConfigFromEnv({ PORT: '0', AUTH_MODE: 'dev', TICK_INTERVAL_MS: '60000' }), store, clock, contexts });
  const http = (): ReturnType<typeof request> => request(platform.app.getHttpServer());
  return {
    platform,
    store,
    clock,
    http,
    async token(role, organisationId, userId) {
      const res = await http().post('/api/dev/tokens').send({ role, organisationId, ...(userId ? { userId } : {}) });
      return res.body.token as string;
    },
    as(token) {
      const bearer = (test: request.Test): request.Test => test.set('Authorization', `Bearer ${token}`);
      return { get: (u) => bearer(http().get(u)), post: (u) => bearer(http().post(u)), put: (u) => bearer(http().put(u)), patch: (u) => bearer(http().patch(u)), delete: (u) => bearer(http().delete(u)) };
    },
    async eventCount() {
      return (await collect(store.readAll())).length;
    },
    close: () => platform.app.close(),
  };
}

describeIfOcds('OCDS export: releases and record of a whole procurement, valid against OCDS 1.1.5 + lots + bids', () => {
  let p: TestPlatform;
  let validators: { releasePackage: PackageValidator; recordPackage: PackageValidator };
  const t: Record<string, string> = {};
  const bid: Record<string, string> = {};
  const ciphertexts: string[] = [];

  const releases = async (token = t.auditor!) => {
    await settle(p);
    const res = await p.as(token).get(`/api/ocds/releases?tenderId=${TENDER}`);
    expect(res.status).toBe(200);
    expect(validators.releasePackage(res.body)).toEqual([]);
    for (const release of res.body.releases) expect(codelistProblems(release)).toEqual([]);
    return res.body as Json & { releases: Release[] };
  };

  beforeAll(async () => {
    validators = packageValidators();
    p = await startPlatformWithOcds('2026-09-01T09:00:00.000Z');
    t.admin = await p.token('admin', 'org-platform');
    t.icb = await p.token('commissioner', ICB, 'jane.commissioner');
    t.riverside = await p.token('bidder', 'org-riverside', 'dr.riverside');
    t.fed = await p.token('bidder', 'org-valley-fed', 'fed.manager');
    t.carecorp = await p.token('bidder', 'org-carecorp');
    t.anna = await p.token('evaluator', ICB, 'anna.shah');
    t.auditor = await p.token('auditor', 'org-nao');
  });
  afterAll(() => p?.close());

  it('1. publishes nothing for a tender that does not exist or is only drafted', async () => {
    const register = (body: object) => p.as(t.admin).post('/api/organisations').send(body).expect(201);
    await register({ organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } });
    for (const [id, name, ods, list] of [['org-riverside', 'Riverside Medical Practice', 'A81001', 8_400], ['org-hilltop', 'Hilltop Surgery', 'A81002', 12_500], ['org-brook', 'Brook Lane Practice', 'A81003', 6_100]] as const) {
      await register({ organisationId: id, name, kind: 'practice', odsCode: ods, listSize: list });
    }
    await register({ organisationId: 'org-valley-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-hilltop', 'org-brook'], staff: 60 });
    await register({ organisationId: 'org-carecorp', name: 'CareCorp Ltd', kind: 'company', staff: 900 });

    const draft = await p.as(t.icb).post('/api/tenders').send({
      tenderId: TENDER,
      title: 'Valley primary care 2027',
      description: 'Core general practice for 54,000 patients in two locality lots.',
      procedureProfileId: 'psr-competitive',
      contractType: 'APMS',
      replacesContractId: null,
      services: [{ id: 'core', name: 'Core general practice', population: 54_000, annualValuePence: 540_000_000, localities: [{ id: 'north', name: 'North', population: 30_000 }, { id: 'south', name: 'South', population: 24_000 }] }],
      population: 54_000,
      estimatedAnnualValuePence: 540_000_000,
      contractTerm: { startDate: '2027-04-01', months: 60 },
      criteria: CRITERIA,
      timeline: { clarificationDeadline: '2026-10-01T12:00:00.000Z', submissionDeadline: '2026-10-30T12:00:00.000Z', plannedAwardDate: '2026-12-01T12:00:00.000Z' },
      region: 'North East and Yorkshire',
      lotLimit: 1,
    });
    expect([draft.status, draft.body.code]).toEqual([201, undefined]);
    const lot = (id: string, title: string, locality: string, population: number) => ({ id, title, description: `Core general practice, ${locality}.`, scope: [{ serviceLineId: 'core', localityIds: [locality] }], population, estimatedAnnualValuePence: population * 10_000 });
    await p.as(t.icb).put(`/api/tenders/${TENDER}/lots`).send({ lots: [lot(LOTS.north, 'North locality', 'north', 30_000), lot(LOTS.south, 'South locality', 'south', 24_000)] }).expect(200);
    await settle(p);
    expect((await p.as(t.auditor).get(`/api/ocds/releases?tenderId=${TENDER}`)).status).toBe(404);
    expect((await p.as(t.auditor).get(`/api/ocds/records/${OCID}`)).status).toBe(404);
    expect((await p.as(t.auditor).get('/api/ocds/releases?tenderId=nope')).body.code).toBe('OCDS_NOT_FOUND');
    expect((await p.http().get(`/api/ocds/releases?tenderId=${TENDER}`)).status).toBe(401);
  });

  it('2. the tender release at publication, then a tenderAmendment when the deadline moves', async () => {
    await p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({}).expect(200);
    const [tender] = (await releases()).releases;
    expect(tender).toMatchObject({ ocid: OCID, tag: ['tender'], initiationType: 'tender', date: '2026-09-01T09:00:00.000Z', buyer: { id: ICB, name: 'North ICB' } });
    expect(tender!.parties).toEqual([{ id: ICB, name: 'North ICB', roles: ['buyer', 'procuringEntity'] }]);
    expect(tender!.tender).toMatchObject({
      id: TENDER,
      status: 'active',
      procurementMethod: 'open',
      procurementMethodDetails: 'Provider Selection Regime competitive process',
      mainProcurementCategory: 'services',
      value: { amount: 5_400_000, currency: 'GBP' },
      awardCriteria: 'ratedCriteria',
      tenderPeriod: { startDate: '2026-09-01T09:00:00.000Z', endDate: '2026-10-30T12:00:00.000Z' },
      enquiryPeriod: { endDate: '2026-10-01T12:00:00.000Z' },
      lotDetails: { maximumLotsAwardedPerSupplier: 1 },
    });
    expect(tender!.tender.lots).toEqual([
      expect.objectContaining({ id: LOTS.north, title: 'North locality', status: 'active', value: { amount: 3_000_000, currency: 'GBP' }, contractPeriod: { startDate: '2027-04-01T00:00:00+01:00', endDate: '2032-03-31T23:59:59+01:00' } }),
      expect.objectContaining({ id: LOTS.south, value: { amount: 2_400_000, currency: 'GBP' } }),
    ]);
    expect(tender!.bids).toBeUndefined();

    p.clock.set('2026-09-10T09:00:00.000Z');
    await p.as(t.icb).post(`/api/tenders/${TENDER}/amendments`).send({ reason: 'Bidders asked for more time.', submissionDeadline: '2026-11-02T12:00:00.000Z' }).expect(201);
    const body = await releases();
    expect(body.releases.map((r) => r.tag)).toEqual([['tender'], ['tenderAmendment']]);
    const amended = body.releases[1]!;
    expect(amended.tender.tenderPeriod).toEqual({ startDate: '2026-09-01T09:00:00.000Z', endDate: '2026-11-02T12:00:00.000Z' });
    expect(amended.tender['amendments']).toEqual([expect.objectContaining({ rationale: 'Bidders asked for more time.', amendsReleaseID: body.releases[0]!.id, releaseID: amended.id })]);
  });

  it('3. takes three bids: nothing about them is published until the deadline, then only counts per lot', async () => {
    p.clock.set('2026-10-05T09:00:00.000Z');
    const content = (prices: [string, number][]) => ({
      lots: prices.map(([lotId, price]) => ({ lotId, price })),
      qualityResponses: [{ criterionId: 'quality', response: 'SECRET-ANSWER: our quality plan.' }],
      socialValueCommitments: ['SECRET-COMMITMENT: local apprenticeships'],
    });
    const submit = async (who: string, bidder: object, prices: [string, number][]) => {
      const res = await p.as(t[who]!).post('/api/bids').send({ tenderId: TENDER, bidder, content: content(prices) });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
      bid[who] = res.body.bidId;
      const [submitted] = await collect(p.store.readStream(`bid-${res.body.bidId}`));
      ciphertexts.push((submitted!.data as { sealed: { ciphertext: string } }).sealed.ciphertext);
    };
    await submit('riverside', { kind: 'organisation' }, [[LOTS.north, 280_000_000]]);
    await submit('fed', { kind: 'consortium', name: 'Valley GP Federation', memberOrganisationIds: ['org-hilltop', 'org-brook'] }, [[LOTS.north, 290_000_000], [LOTS.south, 230_000_000]]);
    await submit('carecorp', { kind: 'organisation' }, [[LOTS.south, 240_000_000]]);

    const before = await releases(t.riverside);
    expect(before.releases).toHaveLength(2);
    expect(JSON.stringify(before)).not.toMatch(/org-riverside|org-carecorp|org-hilltop|bids/);

    p.clock.set('2026-11-02T12:00:01.000Z');
    await settle(p);
    await settle(p);
    const after = await releases(t.fed);
    expect(after.releases.map((r) => r.tag[0])).toEqual(['tender', 'tenderAmendment', 'tenderUpdate']);
    const update = after.releases[2]!;
    expect(update.tender['numberOfTenderers']).toBe(3);
    expect(update.bids!.statistics).toEqual([
      { id: 'bids', measure: 'bids', value: 3, date: '2026-11-02T12:00:01.000Z' },
      { id: `bids-${LOTS.north}`, measure: 'bids', value: 2, date: '2026-11-02T12:00:01.000Z', relatedLot: LOTS.north },
      { id: `bids-${LOTS.south}`, measure: 'bids', value: 2, date: '2026-11-02T12:00:01.000Z', relatedLot: LOTS.south },
    ]);
    expect(update.bids!.details).toBeUndefined();
    expect(JSON.stringify(after)).not.toMatch(/org-riverside|org-carecorp|SECRET|2800000|280000000/);
  });

  it('4. evaluates and awards: the award release names the bidders, with the consortium and its members, but no opened content', async () => {
    p.clock.set('2026-11-09T10:00:00.000Z');
    await p.as(t.icb).post(BASE).send({ priceFormula: 'proportional-difference' }).expect(201);
    await p.as(t.icb).post(`${BASE}/panel`).send({ evaluators: [{ evaluatorId: 'anna.shah', name: 'Anna Shah', role: 'commissioner-staff', organisationId: ICB }] }).expect(201);
    await p.as(t.anna).post(`${BASE}/conflicts`).send({ none: true }).expect(201);
    const all = [bid.riverside!, bid.fed!, bid.carecorp!];
    await p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: 'anna.shah', bidIds: all }).expect(201);
    const why = 'Evidence in the response, section 3.';
    for (const [who, quality] of [['riverside', 4], ['fed', 5], ['carecorp', 1]] as const) {
      await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid[who], scores: [{ criterionId: 'quality', score: quality, justification: why }] }).expect(201);
      await p.as(t.icb).post(`${BASE}/moderation`).send({ bidId: bid[who], criterionId: 'quality', consensusScore: quality, rationale: 'Panel consensus.' }).expect(201);
    }
    const completed = await p.as(t.icb).post(`${BASE}/complete`).send({});
    expect([completed.status, completed.body.code]).toEqual([200, undefined]);

    p.clock.set('2026-12-01T10:00:00.000Z');
    const decided = await p.as(t.icb).post(`${AWARD}/decision`).send({ decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }], reasons: 'The evaluation’s recommendation.' });
    expect([decided.status, decided.body.code]).toEqual([201, undefined]);

    const body = await releases(t.carecorp);
    expect(body.releases.map((r) => r.tag[0])).toEqual(['tender', 'tenderAmendment', 'tenderUpdate', 'award']);
    const award = body.releases[3]!;
    expect(award.date).toBe('2026-12-01T10:00:00.000Z');
    expect(award.tender).toMatchObject({ status: 'complete' });
    expect(award.tender.lots.map((l) => [l.id, l.status])).toEqual([[LOTS.north, 'complete'], [LOTS.south, 'complete']]);
    const consortium = `consortium-${bid.fed}`;
    const roles = Object.fromEntries(award.parties.map((party) => [party.id, party.roles]));
    expect(roles).toEqual({
      [ICB]: ['buyer', 'procuringEntity'],
      'org-riverside': ['tenderer', 'supplier'],
      [consortium]: ['tenderer', 'supplier'],
      'org-valley-fed': ['tenderer', 'supplier'],
      'org-hilltop': ['tenderer', 'supplier'],
      'org-brook': ['tenderer', 'supplier'],
      'org-carecorp': ['tenderer'],
    });
    expect(award.parties.find((party) => party.id === 'org-riverside')).toMatchObject({ identifier: { scheme: 'GB-NHS', id: 'A81001' } });
    expect(award.awards!.map((a) => [a['relatedLots'], a['status'], a['suppliers'], a['value']])).toEqual([
      [[LOTS.north], 'pending', [{ id: 'org-riverside', name: 'Riverside Medical Practice' }], { amount: 2_800_000, currency: 'GBP' }],
      [[LOTS.south], 'pending', [{ id: consortium, name: 'Valley GP Federation' }], { amount: 2_300_000, currency: 'GBP' }],
    ]);
    // Detailed bids after the award: who, when, which lots, valid or not; never a price or an answer.
    expect(award.bids!.details!.map((d) => [d['id'], d['status'], d['relatedLots']])).toEqual([
      [bid.riverside, 'valid', [LOTS.north]],
      [bid.fed, 'valid', [LOTS.north, LOTS.south]],
      [bid.carecorp, 'disqualified', [LOTS.south]],
    ]);
    for (const detail of award.bids!.details!) expect(Object.keys(detail).sort()).toEqual(['date', 'id', 'relatedLots', 'status', 'tenderers']);
  });

  it('5. concludes both contracts after standstill: one contract release per lot, values in pounds', async () => {
    p.clock.set('2027-01-20T08:00:00.000Z');
    await settle(p);
    await settle(p);
    const body = await releases(t.auditor);
    expect(body.releases.map((r) => r.tag[0])).toEqual(['tender', 'tenderAmendment', 'tenderUpdate', 'award', 'contract', 'contract']);
    const last = body.releases[5]!;
    expect(last.awards!.map((a) => a['status'])).toEqual(['active', 'active']);
    expect(last.contracts).toEqual([
      expect.objectContaining({ id: `${TENDER}.${LOTS.north}`, awardID: `award-${LOTS.north}-${bid.riverside}`, status: 'active', value: { amount: 2_800_000, currency: 'GBP' }, period: { startDate: '2027-04-01T00:00:00+01:00', endDate: '2032-03-31T23:59:59+01:00' } }),
      expect.objectContaining({ id: `${TENDER}.${LOTS.south}`, awardID: `award-${LOTS.south}-${bid.fed}`, value: { amount: 2_300_000, currency: 'GBP' } }),
    ]);
    expect(body).toMatchObject({ version: '1.1', publishedDate: last.date, license: expect.stringContaining('open-government-licence') });
    expect(body['extensions']).toEqual([
      'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
      'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
    ]);
  });

  it('6. the record: releases embedded in date order and a compiled release; readable by a bidder and an auditor; nothing sealed anywhere', async () => {
    for (const token of [t.auditor!, t.riverside!, t.icb!]) {
      const res = await p.as(token).get(`/api/ocds/records/${OCID}`);
      expect(res.status).toBe(200);
      expect(validators.recordPackage(res.body)).toEqual([]);
      const [record] = res.body.records as { ocid: string; releases: Release[]; compiledRelease: Release }[];
      for (const release of [...record!.releases, record!.compiledRelease]) expect(codelistProblems(release)).toEqual([]);
      expect(record!.ocid).toBe(OCID);
      expect(record!.releases.map((r) => r.tag[0])).toEqual(['tender', 'tenderAmendment', 'tenderUpdate', 'award', 'contract', 'contract']);
      const compiled = record!.compiledRelease;
      expect(compiled.tag).toEqual(['compiled']);
      expect(compiled.tender.tenderPeriod).toEqual({ startDate: '2026-09-01T09:00:00.000Z', endDate: '2026-11-02T12:00:00.000Z' });
      expect(compiled.tender.lots.map((l) => l['id'])).toEqual([LOTS.north, LOTS.south]);
      expect(compiled.bids!.statistics.map((s) => [s['relatedLot'] ?? null, s['value']])).toEqual([[null, 3], [LOTS.north, 2], [LOTS.south, 2]]);
      expect(compiled.awards!.map((a) => [a['status'], (a['suppliers'] as { id: string }[])[0]!.id])).toEqual([['active', 'org-riverside'], ['active', `consortium-${bid.fed}`]]);
      expect(compiled.contracts!.map((c) => (c['value'] as { amount: number }).amount)).toEqual([2_800_000, 2_300_000]);

      const text = JSON.stringify(res.body);
      for (const ciphertext of ciphertexts) expect(text).not.toContain(ciphertext);
      expect(text).not.toMatch(/ciphertext|authTag|commitment|nonce|SECRET|"price"|qualityResponses|280000000|290000000/);
    }
    expect((await p.as(t.auditor).get(`/api/ocds/records/ocds-other-${TENDER}`)).status).toBe(404);
  });
});
