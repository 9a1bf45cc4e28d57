import { computeCommitment, type BidContent } from '@tenderledger/bidding';
import { collect } from '../../libs/event-store/src/testing/contract';
import { expectRefusal, settle, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * The whole story of issue 3, end to end over HTTP on the embedded store with a fixed clock:
 * a register imported from CSV, a tender that replaces one of its contracts, split into lots,
 * published, clarified, bid for (one consortium), with a withdrawal, a resubmission, a late bid
 * and a sealed-bid read refused, then the deadline passes and the bids are opened and verified.
 */
const ICB = 'org-icb-north';
const TENDER = 'tender-riverside-2026';
const SUBMISSION_DEADLINE = '2026-04-15T12:00:00.000Z';

async function eventually<T>(check: () => Promise<T>, timeoutMs = 3_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('procurement scenario: register → tender → lots → bids → opening', () => {
  let p: TestPlatform;
  const t: Record<string, string> = {};
  let criteria: string[] = [];
  let lots: string[] = [];
  const receipts: Record<string, { bidId: string; commitment: string }> = {};

  const content = (prices: [string, number][], pitch: string): BidContent => ({
    lots: prices.map(([lotId, price]) => ({ lotId, price })),
    qualityResponses: criteria.map((criterionId) => ({ criterionId, response: `${pitch}: our answer on ${criterionId}` })),
    socialValueCommitments: [`${pitch}: local apprenticeships`],
  }) as unknown as BidContent;

  beforeAll(async () => {
    p = await startTestPlatform('2026-03-02T09:00:00.000Z');
    t.admin = await p.token('admin', 'org-platform');
    t.icb = await p.token('commissioner', ICB, 'jane.commissioner');
    t.riverside = await p.token('bidder', 'org-riverside', 'dr.riverside');
    t.fed = await p.token('bidder', 'org-valley-fed', 'fed.manager');
    t.carecorp = await p.token('bidder', 'org-carecorp');
    t.late = await p.token('bidder', 'org-latecomer');
    t.auditor = await p.token('auditor', 'org-nao');
  });
  afterAll(() => p.close());

  it('registers a commissioner, practices, a federation with members and a company', async () => {
    const register = (token: string, body: object) => p.as(token).post('/api/organisations').send(body);
    expect((await register(t.admin, { organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } })).status).toBe(201);
    expect((await register(t.riverside, { name: 'Riverside Medical Practice', kind: 'practice', odsCode: 'A81001', listSize: 8_400 })).status).toBe(201);
    for (const [id, name, ods, list] of [['org-hilltop', 'Hilltop Surgery', 'A81002', 12_500], ['org-brook', 'Brook Lane Practice', 'A81003', 6_100], ['org-latecomer', 'Latecomer Health', 'A81009', 3_000]] as const) {
      expect((await register(t.admin, { organisationId: id, name, kind: 'practice', odsCode: ods, listSize: list })).status).toBe(201);
    }
    const fed = await register(t.admin, { organisationId: 'org-valley-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-hilltop', 'org-brook'], staff: 60 });
    expect(fed.body).toMatchObject({ kind: 'federation', members: ['org-hilltop', 'org-brook'], sizeBand: 'medium' });
    expect((await register(t.admin, { organisationId: 'org-carecorp', name: 'CareCorp Ltd', kind: 'company', staff: 900 })).body.sizeBand).toBe('large');
  });

  const header = 'reference,contract_type,holder_ods_code,commissioner_id,region,list_size,annual_value,start_date,end_date,services';
  const goodRows = [
    `APMS-RIV-01,APMS,A81002,${ICB},North East and Yorkshire,84000,"9,000,000.00",2016-07-01,2026-06-30,core general practice;extended access`,
    `GMS-A81001,GMS,A81001,${ICB},North East and Yorkshire,8400,1250000,2010-04-01,2030-03-31,core general practice`,
  ];

  it('refuses a register CSV with one bad row, importing nothing; then imports the corrected file', async () => {
    const bad = [header, ...goodRows, `PMS-BAD,PMS,A81003,${ICB},North East and Yorkshire,6100,£lots,2020-04-01,2025-03-31,core`].join('\n');
    const refused = await expectRefusal(p, () => p.as(t.icb).post('/api/contracts/import').set('Content-Type', 'text/csv').send(bad), 422, 'CONTRACT_IMPORT_REFUSED');
    expect(refused.body.details.errors).toEqual([expect.objectContaining({ line: 4, column: 'annual_value' })]);
    expect((await p.as(t.icb).get('/api/contracts')).body).toEqual([]);

    const ok = await p.as(t.icb).post('/api/contracts/import').set('Content-Type', 'text/csv').send([header, ...goodRows].join('\n'));
    expect(ok.status).toBe(201);
    expect(ok.body.imported).toBe(2);
    const register = (await p.as(t.icb).get('/api/contracts')).body as { reference: string; contractId: string; holderId: string }[];
    expect(register.map((c) => [c.reference, c.holderId])).toEqual([['APMS-RIV-01', 'org-hilltop'], ['GMS-A81001', 'org-riverside']]);
    t.contract = register[0]!.contractId;
  });

  it('drafts a tender replacing the APMS contract, splits it into lots and publishes it', async () => {
    const draft = await p.as(t.icb).post('/api/tenders').send({
      tenderId: TENDER,
      title: 'Riverside primary care re-procurement',
      description: 'Core general practice and extended access for 84,000 registered patients, in lots small providers can win.',
      procedureProfileId: 'psr-competitive',
      contractType: 'APMS',
      replacesContractId: t.contract,
      services: [
        { id: 'core', name: 'Core general practice', population: 84_000, annualValuePence: 840_000_000, localities: [{ id: 'north', name: 'North', population: 30_000 }, { id: 'south', name: 'South', population: 24_000 }, { id: 'east', name: 'East', population: 18_000 }, { id: 'west', name: 'West', population: 12_000 }] },
        { id: 'extended', name: 'Extended access', population: 84_000, annualValuePence: 60_000_000 },
      ],
      population: 84_000,
      estimatedAnnualValuePence: 900_000_000,
      contractTerm: { startDate: '2026-07-01', months: 60 },
      timeline: { clarificationDeadline: '2026-04-01T12:00:00.000Z', submissionDeadline: SUBMISSION_DEADLINE, plannedAwardDate: '2026-05-15T12:00:00.000Z' },
      region: 'North East and Yorkshire',
    });
    expect(draft.status).toBe(201);
    criteria = draft.body.criteria.map((c: { id: string }) => c.id);

    await expectRefusal(p, () => p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({}), 422, 'TENDER_NO_LOTS');
    const proposal = await p.as(t.icb).post(`/api/tenders/${TENDER}/lot-split-proposal`).send({ ceiling: { maxPopulation: 45_000, maxAnnualValuePence: 500_000_000 } });
    expect(proposal.status).toBe(200);
    expect(proposal.body.lots.length).toBeGreaterThan(1);
    for (const lot of proposal.body.lots) expect(lot.reason).toEqual(expect.any(String));
    const accepted = await p.as(t.icb).post(`/api/tenders/${TENDER}/lot-split-proposal/accept`).send({});
    expect(accepted.status).toBe(200);
    lots = accepted.body.lots.map((l: { id: string }) => l.id);
    expect(lots.length).toBe(proposal.body.lots.length);
    await p.as(t.icb).put(`/api/tenders/${TENDER}/lot-limit`).send({ lotLimit: 2 }).expect(200);

    await expectRefusal(p, () => p.as(t.riverside).post(`/api/tenders/${TENDER}/publish`).send({}), 403, 'ROLE_NOT_ALLOWED');
    const published = await p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({});
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');

    const notices = await p.as(t.carecorp).get('/api/tenders?status=published');
    expect(notices.body.map((n: { tenderId: string }) => n.tenderId)).toEqual([TENDER]);
    // The register contract is marked for re-procurement by the process manager.
    await settle(p);
    await eventually(async () => expect((await p.as(t.icb).get(`/api/contracts/${t.contract}`)).body.markedForReprocurement).toBe(true));
  });

  it('runs a clarification round: the asker is hidden from other bidders, the answer is public', async () => {
    const asked = await p.as(t.riverside).post(`/api/tenders/${TENDER}/clarifications`).send({ question: 'Can a single practice bid for one locality only?' });
    expect(asked.status).toBe(201);
    const id = asked.body.clarificationId ?? asked.body.id;
    await p.as(t.icb).post(`/api/tenders/${TENDER}/clarifications/${id}/answer`).send({ answer: 'Yes: every lot can be bid for on its own.' }).expect(200);
    const seenByOthers = await p.as(t.carecorp).get(`/api/tenders/${TENDER}/clarifications`);
    expect(JSON.stringify(seenByOthers.body)).toContain('every lot can be bid for on its own');
    expect(JSON.stringify(seenByOthers.body)).not.toMatch(/org-riverside|dr\.riverside/);
  });

  it('takes three bids (one consortium) with a withdrawal and a resubmission; sealed bids stay unreadable', async () => {
    p.clock.set('2026-04-02T10:00:00.000Z');
    const submit = async (who: string, body: object) => {
      const res = await p.as(t[who]!).post('/api/bids').send(body);
      expect(res.status).toBe(201);
      receipts[who] = res.body;
    };
    await submit('riverside', { tenderId: TENDER, bidder: { kind: 'organisation' }, content: content([[lots[0]!, 430_000_000]], 'Riverside') });
    await submit('fed', { tenderId: TENDER, bidder: { kind: 'consortium', name: 'Valley GP Federation', memberOrganisationIds: ['org-hilltop', 'org-brook'] }, content: content([[lots[0]!, 445_000_000], [lots[1]!, 350_000_000]], 'Valley') });
    await submit('carecorp', { tenderId: TENDER, bidder: { kind: 'organisation' }, content: content(lots.map((lot) => [lot, 100_000_000] as [string, number]), 'CareCorp') });

    // The raw events hold only ciphertext and commitments: no price, no answer text.
    const raw = JSON.stringify(await collect(p.store.readAll()));
    expect(raw).not.toMatch(/430000000|445000000|our answer on/);

    const withdrawn = await p.as(t.carecorp).post(`/api/bids/${receipts.carecorp!.bidId}/withdraw`).send({ reason: 'Capacity elsewhere.' });
    expect(withdrawn.status).toBe(200);
    const resubmitted = await p.as(t.riverside).post(`/api/bids/${receipts.riverside!.bidId}/submit`).send({ content: content([[lots[0]!, 420_000_000]], 'Riverside revised') });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.commitment).not.toBe(receipts.riverside!.commitment);
    receipts.riverside = resubmitted.body;

    await expectRefusal(p, () => p.as(t.icb).get(`/api/bids/${receipts.fed!.bidId}`), 403, 'BID_SEALED');
    await expectRefusal(p, () => p.as(t.carecorp).get(`/api/bids/${receipts.fed!.bidId}`), 404, 'BID_NOT_FOUND');
    const own = await p.as(t.fed).get(`/api/bids/${receipts.fed!.bidId}`);
    expect(own.status).toBe(200);
    expect(own.body.content).toBeUndefined();
  });

  it('refuses a late bid after the deadline, then opens the bids and verifies every commitment', async () => {
    p.clock.set('2026-04-15T12:00:01.000Z');
    await settle(p);
    await expectRefusal(p, () => p.as(t.late).post('/api/bids').send({ tenderId: TENDER, bidder: { kind: 'organisation' }, content: content([[lots[0]!, 1]], 'Late') }), 409, 'BID_DEADLINE_PASSED');

    const opened = await eventually(async () => {
      const res = await p.as(t.icb).get(`/api/bids/${receipts.fed!.bidId}`);
      expect(res.status).toBe(200);
      expect(res.body.content).toBeDefined();
      return res.body;
    });
    expect(opened.content.lots.map((l: { price: number }) => l.price)).toEqual([445_000_000, 350_000_000]);

    for (const who of ['riverside', 'fed'] as const) {
      const events = await collect(p.store.readStream(`bid-${receipts[who]!.bidId}`));
      const openedEvent = events.find((e) => e.type === 'BidOpened');
      expect(openedEvent).toBeDefined();
      const data = openedEvent!.data as { content: BidContent; nonce: string; commitment: string };
      expect(computeCommitment(data.content, data.nonce)).toBe(receipts[who]!.commitment);
      expect(data.commitment).toBe(receipts[who]!.commitment);
      expect(openedEvent!.actor.userId).toBe('process-manager:open-bids');
    }
    const carecorpEvents = await collect(p.store.readStream(`bid-${receipts.carecorp!.bidId}`));
    expect(carecorpEvents.map((e) => e.type)).not.toContain('BidOpened');
    expect((await p.as(t.icb).get(`/api/tenders/${TENDER}`)).body.status).not.toBe('published');
  });
});
