import request from 'supertest';
import { FixedClock } from '@tenderledger/domain-kit';
import { openPgliteEventStore, type StoredEvent } from '@tenderledger/event-store';
import { AuditModule } from '@tenderledger/projections';
import { createPlatformApp } from '../../apps/platform/src/bootstrap';
import { platformContexts } from '../../apps/platform/src/contexts';
import { platformConfigFromEnv } from '../../apps/platform/src/infrastructure/platform-config';
import { resolveSealingKey } from '../../apps/platform/src/infrastructure/sealing-key';
import { collect } from '../../libs/event-store/src/testing/contract';
import { expectRefusal, settle, type AuthorisedClient, type TestPlatform } from '../support/platform';

/**
 * Issue 5, audit part: a procurement over HTTP (three lots, three bids, one withdrawn, opening,
 * evaluation, award, conclusion into the register), then its audit trail, "as of" replays by
 * time and by position, verification on a clean store, and after altering stored rows in SQL.
 */
const ICB = 'org-icb-north';
const TENDER = 'tender-audit-2027';
const OLD_CONTRACT = 'contract-apms-audit';
const AUDIT = `/api/audit/tenders/${TENDER}`;
const BASE = `/api/tenders/${TENDER}/evaluation`;
const LOTS = { north: 'lot-north', south: 'lot-south', east: 'lot-east' } as const;
const CRITERIA = [
  { id: 'quality', name: 'Quality and innovation', kind: 'quality', weightBasisPoints: 6_000, maxScore: 5 },
  { id: 'price', name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100 },
];
const SECRET_RESPONSE = 'Our confidential answer on quality';
const BEFORE_WITHDRAWAL = '2026-10-10T00:00:00.000Z';

type Entry = { globalPosition: number; streamId: string; streamVersion: number; type: string; summary: string; reason: string | null; correlationId: string; causationId: string | null; actor: { userId: string; role: string; organisationId: string | null }; data: Record<string, unknown> };
type Bid = { bidId: string; status: string; content?: unknown };

/** The test platform of test/support with the AuditModule added (the lead wires it into contexts.ts). */
async function startAuditPlatform(start: string): Promise<TestPlatform> {
  const { store } = await openPgliteEventStore();
  const clock = new FixedClock(start);
  const contexts = [...platformContexts({ sealingKey: resolveSealingKey({}, {}) }), AuditModule];
  const platform = await createPlatformApp({ config: platformConfigFromEnv({ PORT: '0', AUTH_MODE: 'dev', TICK_INTERVAL_MS: '60000' }), store, clock, contexts });
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
      const client = {} as AuthorisedClient;
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) client[method] = (url: string) => http()[method](url).set('Authorization', `Bearer ${token}`);
      return client;
    },
    async eventCount() {
      let count = 0;
      for await (const _ of store.readAll()) count++;
      return count;
    },
    close: () => platform.app.close(),
  };
}

describe('audit: trail, as-of replay, verification, projection status', () => {
  let p: TestPlatform;
  const t: Record<string, string> = {};
  const bid: Record<string, string> = {};
  let beforeWithdrawalPosition = 0;
  let duringEvaluation = 0;
  let beforeOpening = 0;
  const ciphertexts: string[] = [];

  const trail = async (token: string, query = ''): Promise<{ timeline: Entry[]; bids?: Bid[]; [key: string]: unknown }> => {
    const res = await p.as(token).get(`${AUDIT}${query}`);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    return res.body;
  };
  const bidOf = (bids: Bid[] | undefined, id: string): Bid => bids!.find((b) => b.bidId === id)!;

  beforeAll(async () => {
    p = await startAuditPlatform('2026-09-01T09:00:00.000Z');
    t.admin = await p.token('admin', 'org-platform');
    t.icb = await p.token('commissioner', ICB, 'jane.commissioner');
    t.otherIcb = await p.token('commissioner', 'org-icb-south', 'sam.commissioner');
    t.riverside = await p.token('bidder', 'org-riverside', 'dr.riverside');
    t.carecorp = await p.token('bidder', 'org-carecorp');
    t.meadow = await p.token('bidder', 'org-meadow', 'dr.meadow');
    t.anna = await p.token('evaluator', ICB, 'anna.shah');
    t.ben = await p.token('evaluator', 'org-clinical-associates', 'ben.okafor');
    t.auditor = await p.token('auditor', 'org-nao', 'ann.auditor');

    // The history: register, tender, bids (one withdrawn), opening, evaluation, award, conclusion.
    for (const [organisationId, name, kind, extra] of [
      [ICB, 'North ICB', 'commissioner', { commissioner: { type: 'ICB', region: 'North East and Yorkshire' } }],
      ['org-riverside', 'Riverside Medical Practice', 'practice', { odsCode: 'A81001', listSize: 8_400 }],
      ['org-meadow', 'Meadow Health Centre', 'practice', { odsCode: 'A81004', listSize: 5_200 }],
      ['org-carecorp', 'CareCorp Ltd', 'company', { staff: 900 }],
    ] as const) {
      await p.as(t.admin).post('/api/organisations').send({ organisationId, name, kind, ...extra }).expect(201);
    }
    await p.as(t.icb).post('/api/contracts').send({
      contractId: OLD_CONTRACT, reference: 'APMS-AUDIT-01', contractType: 'APMS', holderId: 'org-meadow', commissionerId: ICB,
      region: 'North East and Yorkshire', listSize: 72_000, annualValuePence: 720_000_000, startDate: '2017-04-01', endDate: '2027-03-31', services: ['core general practice'],
    }).expect(201);
    await p.as(t.icb).post('/api/tenders').send({
      tenderId: TENDER,
      title: 'Audit Valley primary care 2027',
      description: 'Core general practice for 72,000 registered patients in three locality lots.',
      procedureProfileId: 'psr-competitive',
      contractType: 'APMS',
      replacesContractId: OLD_CONTRACT,
      services: [{ id: 'core', name: 'Core general practice', population: 72_000, annualValuePence: 720_000_000, localities: [{ id: 'north', name: 'North', population: 30_000 }, { id: 'south', name: 'South', population: 24_000 }, { id: 'east', name: 'East', population: 18_000 }] }],
      population: 72_000,
      estimatedAnnualValuePence: 720_000_000,
      contractTerm: { startDate: '2027-04-01', months: 60 },
      criteria: CRITERIA,
      timeline: { clarificationDeadline: '2026-10-01T12:00:00.000Z', submissionDeadline: '2026-10-30T12:00:00.000Z', plannedAwardDate: '2026-12-21T12:00:00.000Z' },
      region: 'North East and Yorkshire',
      lotLimit: 2,
    }).expect(201);
    const lot = (id: string, title: string, locality: string, population: number) => ({ id, title, description: `Core general practice, ${locality}.`, scope: [{ serviceLineId: 'core', localityIds: [locality] }], population, estimatedAnnualValuePence: population * 10_000 });
    await p.as(t.icb).put(`/api/tenders/${TENDER}/lots`).send({ lots: [lot(LOTS.north, 'North locality', 'north', 30_000), lot(LOTS.south, 'South locality', 'south', 24_000), lot(LOTS.east, 'East locality', 'east', 18_000)] }).expect(200);
    await p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({}).expect(200);

    p.clock.set('2026-10-05T09:00:00.000Z');
    const submit = async (who: string, prices: [string, number][]) => {
      const content = { lots: prices.map(([lotId, price]) => ({ lotId, price })), qualityResponses: [{ criterionId: 'quality', response: `${SECRET_RESPONSE} from ${who}.` }], socialValueCommitments: ['Local apprenticeships'] };
      const res = await p.as(t[who]!).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'organisation' }, content });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
      bid[who] = res.body.bidId;
    };
    await submit('riverside', [[LOTS.north, 360_000_000], [LOTS.east, 210_000_000]]);
    await submit('carecorp', [[LOTS.south, 240_000_000]]);
    await submit('meadow', [[LOTS.east, 190_000_000]]);
    beforeWithdrawalPosition = await p.store.headPosition();
    p.clock.set('2026-10-20T14:00:00.000Z');
    await p.as(t.meadow).post(`/api/bids/${bid.meadow}/withdraw`).send({ reason: 'Could not staff the evening rota.' }).expect(200);
    await settle(p);
    beforeOpening = await p.store.headPosition();

    p.clock.set('2026-10-30T12:00:01.000Z');
    await settle(p);
    await settle(p);

    p.clock.set('2026-11-09T10:00:00.000Z');
    await p.as(t.icb).post(BASE).send({ priceFormula: 'proportional-difference' }).expect(201);
    await p.as(t.icb).post(`${BASE}/panel`).send({ evaluators: [
      { evaluatorId: 'anna.shah', name: 'Anna Shah', role: 'commissioner-staff', organisationId: ICB },
      { evaluatorId: 'ben.okafor', name: 'Dr Ben Okafor', role: 'independent-clinician', organisationId: 'org-clinical-associates' },
    ] }).expect(201);
    await settle(p);
    duringEvaluation = await p.store.headPosition();
    for (const who of ['anna', 'ben']) {
      await p.as(t[who]!).post(`${BASE}/conflicts`).send({ none: true }).expect(201);
      await p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: who === 'anna' ? 'anna.shah' : 'ben.okafor', bidIds: [bid.riverside, bid.carecorp] }).expect(201);
    }
    for (const who of ['anna', 'ben']) {
      for (const b of [bid.riverside, bid.carecorp]) {
        await p.as(t[who]!).post(`${BASE}/scores`).send({ bidId: b, scores: [{ criterionId: 'quality', score: 4, justification: 'Evidence in section 3.' }] }).expect(201);
      }
    }
    for (const b of [bid.riverside, bid.carecorp]) {
      await p.as(t.icb).post(`${BASE}/moderation`).send({ bidId: b, criterionId: 'quality', consensusScore: 4, rationale: 'Panel consensus after discussion.' }).expect(201);
    }
    await p.as(t.icb).post(`${BASE}/complete`).send({}).expect(200);

    p.clock.set('2026-12-21T10:00:00.000Z');
    await p.as(t.icb).post(`/api/tenders/${TENDER}/award/decision`).send({ decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }], reasons: 'The evaluation’s recommendation, within the lot limit of two.' }).expect(201);
    p.clock.set('2027-01-06T09:00:00.000Z');
    await settle(p);
    await settle(p);
    await settle(p);

    for (const streamId of Object.values(bid).map((id) => `bid-${id}`)) {
      for (const event of await collect(p.store.readStream(streamId))) {
        const sealed = (event.data as { sealed?: { ciphertext: string } }).sealed;
        if (sealed) ciphertexts.push(sealed.ciphertext);
      }
    }
    expect(ciphertexts).toHaveLength(3);
  });
  afterAll(() => p.close());

  const leaksNothingSealed = (body: unknown): void => {
    const json = JSON.stringify(body);
    expect(json).not.toContain('"sealed"');
    expect(json).not.toContain('ciphertext');
    for (const ciphertext of ciphertexts) expect(json).not.toContain(ciphertext);
  };

  it('gives every decision in commit order across tender, bids, evaluation, award and register, with who, what and why', async () => {
    const { timeline, correlations } = (await trail(t.auditor)) as { timeline: Entry[]; correlations: { correlationId: string; globalPositions: number[] }[] };
    const positions = timeline.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);

    const streams = new Set(timeline.map((e) => e.streamId));
    expect(streams).toEqual(new Set([`tender-${TENDER}`, ...Object.values(bid).map((id) => `bid-${id}`), `evaluation-${TENDER}`, `award-${TENDER}`, `contract-${OLD_CONTRACT}`, ...Object.values(LOTS).map((lot) => `contract-${TENDER}.${lot}`)]));
    // The replaced contract's own registration years before is not a decision of this procurement.
    expect(timeline.filter((e) => e.streamId === `contract-${OLD_CONTRACT}`).map((e) => e.type)).toEqual(['ContractMarkedForReprocurement', 'ContractAwarded']);

    const types = timeline.map((e) => e.type);
    const order = ['TenderDrafted', 'LotsDefined', 'TenderPublished', 'BidSubmitted', 'BidWithdrawn', 'BidOpened', 'EvaluationOpened', 'PanelAppointed', 'EvaluationCompleted', 'AwardDecided', 'ContractConcluded'];
    const firsts = order.map((type) => types.indexOf(type));
    expect(firsts.every((i) => i >= 0)).toBe(true);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));

    const of = (type: string) => timeline.find((e) => e.type === type)!;
    expect(of('TenderDrafted').summary).toBe('jane.commissioner (commissioner, org-icb-north) drafted the tender “Audit Valley primary care 2027”');
    expect(of('TenderPublished').summary).toBe('jane.commissioner (commissioner, org-icb-north) published the tender “Audit Valley primary care 2027” with 3 lots, submissions due 2026-10-30T12:00:00.000Z');
    expect(of('TenderPublished').actor).toEqual({ userId: 'jane.commissioner', role: 'commissioner', organisationId: ICB });
    expect(of('BidWithdrawn')).toMatchObject({ reason: 'Could not staff the evening rota.', summary: `dr.meadow (bidder, org-meadow) withdrew bid ${bid.meadow}` });
    expect(of('BidOpened').summary).toMatch(/^process-manager:open-bids \(system\) opened bid /);
    expect(of('AwardDecided').reason).toBe('The evaluation’s recommendation, within the lot limit of two.');
    expect(of('ScoreModerated').reason).toBe('Panel consensus after discussion.');
    expect(of('AwardDecided').summary).toContain(`decided the award: ${LOTS.north} to`);

    // Linked by correlation: every event appended by one request shares its id, and the groups cover the trail.
    expect(timeline.every((e) => typeof e.correlationId === 'string' && e.correlationId !== '')).toBe(true);
    expect(correlations.flatMap((g) => g.globalPositions).sort((a, b) => a - b)).toEqual(positions);
    const concluded = timeline.filter((e) => e.type === 'ContractConcluded');
    expect(concluded).toHaveLength(3);

    // Opened content is in the auditor's trail; sealed content in nobody's.
    expect(JSON.stringify(of('BidOpened').data)).toContain(SECRET_RESPONSE);
    expect(of('BidSubmitted').data).not.toHaveProperty('sealed');
    expect(of('BidSubmitted').data).toHaveProperty('commitment');
    leaksNothingSealed(timeline);
  });

  it('as of a time before the withdrawal: the bid that was later withdrawn is still submitted, nothing opened, no evaluation', async () => {
    const then = await trail(t.auditor, `?asOf=${encodeURIComponent(BEFORE_WITHDRAWAL)}`);
    expect(then.asOf).toEqual({ kind: 'time', at: BEFORE_WITHDRAWAL, ms: Date.parse(BEFORE_WITHDRAWAL) });
    expect(bidOf(then.bids, bid.meadow!).status).toBe('submitted');
    expect(then.bids!.map((b) => b.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect(then.tender).toMatchObject({ status: 'published', tenderId: TENDER });
    expect([then.evaluation, then.award]).toEqual([null, null]);
    expect(then.timeline.every((e) => Date.parse((e as unknown as { occurredAt: string }).occurredAt) <= Date.parse(BEFORE_WITHDRAWAL))).toBe(true);
    expect(then.timeline.map((e) => e.type)).not.toContain('BidWithdrawn');
    // Before opening, sealed means unreadable: no content, for the auditor either.
    expect(JSON.stringify(then)).not.toContain(SECRET_RESPONSE);
    leaksNothingSealed(then);

    const now = await trail(t.auditor, '?asOf=2030-01-01T00:00:00Z');
    expect(bidOf(now.bids, bid.meadow!).status).toBe('withdrawn');
    expect(bidOf(now.bids, bid.riverside!).status).toBe('opened');
  });

  it('as of a global position: before the withdrawal, before opening, and during evaluation', async () => {
    const before = await trail(t.auditor, `?asOf=${beforeWithdrawalPosition}`);
    expect(bidOf(before.bids, bid.meadow!).status).toBe('submitted');
    expect(before.timeline.every((e) => e.globalPosition <= beforeWithdrawalPosition)).toBe(true);

    const sealed = await trail(t.icb, `?asOf=${beforeOpening}`);
    expect(bidOf(sealed.bids, bid.meadow!).status).toBe('withdrawn');
    expect(JSON.stringify(sealed)).not.toContain(SECRET_RESPONSE);
    leaksNothingSealed(sealed);

    const during = await trail(t.icb, `?asOf=${duringEvaluation}`);
    expect(during.evaluation).toMatchObject({ status: expect.any(String) });
    expect(JSON.stringify(during.evaluation)).toContain('anna.shah');
    expect(during.award).toBeNull();
    expect(during.timeline.at(-1)!.type).toBe('PanelAppointed');
    expect(bidOf(during.bids, bid.riverside!)).toMatchObject({ status: 'opened', content: expect.anything() });
    leaksNothingSealed(during);
  });

  it('shows opened content to auditors and the tender’s commissioner only; an admin sees the trail without it', async () => {
    const admin = await trail(t.admin, `?asOf=${duringEvaluation}`);
    expect(bidOf(admin.bids, bid.riverside!).status).toBe('opened');
    expect(bidOf(admin.bids, bid.riverside!).content).toBeUndefined();
    expect(JSON.stringify(admin.timeline.filter((e) => e.streamId.startsWith('bid-')))).not.toContain(SECRET_RESPONSE);
    leaksNothingSealed(admin);
    expect(JSON.stringify((await trail(t.icb)).timeline)).toContain(SECRET_RESPONSE);
  });

  it('refuses other commissioners, bidders and evaluators, a bad asOf and an unknown tender', async () => {
    await expectRefusal(p, () => p.as(t.otherIcb!).get(AUDIT), 403, 'AUDIT_NOT_YOUR_TENDER');
    await expectRefusal(p, () => p.as(t.riverside!).get(AUDIT), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(t.anna!).get(AUDIT), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.http().get(AUDIT), 401, 'UNAUTHENTICATED');
    const bad = await expectRefusal(p, () => p.as(t.auditor!).get(`${AUDIT}?asOf=last-tuesday`), 400, 'AUDIT_AS_OF_INVALID');
    expect(bad.body.details).toMatchObject({ field: 'asOf' });
    await expectRefusal(p, () => p.as(t.auditor!).get('/api/audit/tenders/tender-nope'), 404, 'AUDIT_TENDER_NOT_FOUND');
    await expectRefusal(p, () => p.as(t.icb!).get('/api/audit/verify'), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(t.carecorp!).get('/api/projections'), 403, 'ROLE_NOT_ALLOWED');
  });

  it('reports each projection’s position and lag', async () => {
    await settle(p);
    const res = await p.as(t.admin).get('/api/projections').expect(200);
    const head = await p.store.headPosition();
    expect(res.body.headPosition).toBe(head);
    const index = res.body.projections.find((s: { name: string }) => s.name === 'audit-index');
    expect(index).toMatchObject({ kind: 'checkpointed', position: head, lagEvents: 0, lagEventsAtLeast: false, lagSeconds: 0 });
    expect(res.body.projections.length).toBeGreaterThan(3);
  });

  it('verifies a clean store: every chain and every opened bid’s commitment', async () => {
    const res = await p.as(t.auditor).get('/api/audit/verify').expect(200);
    expect(res.body).toMatchObject({ ok: true, breaks: [], commitmentMismatches: [], events: await p.eventCount() });
    expect(res.body.streams).toBeGreaterThan(10);
    expect(res.body.eventsPerSecond).toBeGreaterThan(0);
  });

  it('names exactly the event altered in SQL, and an opened bid whose content no longer matches its commitment', async () => {
    const tenderEvents = await collect(p.store.readStream(`tender-${TENDER}`));
    const published = tenderEvents.find((e) => e.type === 'TenderPublished')!;
    await p.store.executor.query(`update tl_events set data = jsonb_set(data, '{title}', '"Tampered"') where stream_id = $1 and stream_version = $2`, [`tender-${TENDER}`, published.streamVersion]);

    const opened = (await collect(p.store.readStream(`bid-${bid.riverside}`))).find((e) => e.type === 'BidOpened')!;
    await p.store.executor.query(`update tl_events set data = jsonb_set(data, '{content,lots,0,price}', '1') where event_id = $1`, [opened.eventId]);

    const res = await p.as(t.auditor).get('/api/audit/verify').expect(200);
    expect(res.body.ok).toBe(false);
    const breakOf = (e: StoredEvent) => ({ streamId: e.streamId, streamVersion: e.streamVersion, eventId: e.eventId, globalPosition: e.globalPosition, reason: 'hash does not match the event content and the previous hash' });
    expect(res.body.breaks).toEqual(expect.arrayContaining([breakOf(published), breakOf(opened)]));
    expect(res.body.breaks).toHaveLength(2);
    expect(res.body.commitmentMismatches).toEqual([expect.objectContaining({ streamId: `bid-${bid.riverside}`, eventId: opened.eventId, globalPosition: opened.globalPosition, bidId: bid.riverside })]);
  });

  it('names a stream whose last event was deleted', async () => {
    const award = await collect(p.store.readStream(`award-${TENDER}`));
    const last = award.at(-1)!;
    await p.store.executor.query('delete from tl_events where event_id = $1', [last.eventId]);
    const res = await p.as(t.auditor).get('/api/audit/verify').expect(200);
    expect(res.body.breaks).toEqual(expect.arrayContaining([expect.objectContaining({ streamId: `award-${TENDER}`, streamVersion: last.streamVersion, reason: expect.stringContaining('events removed') })]));
    expect(res.body.breaks).toHaveLength(3);
  });
});
