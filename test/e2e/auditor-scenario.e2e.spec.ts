import type { StoredEvent } from '@tenderledger/event-store';
import { collect } from '../../libs/event-store/src/testing/contract';
import { codelistProblems, describeIfOcds, packageValidators } from '../../libs/projections/src/ocds/testing/ocds-standard';
import { expectRefusal, settle, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Issue 5's acceptance criterion: the lifecycle scenario of issue 4 (test/e2e/lifecycle-scenario.e2e.spec.ts,
 * same request bodies, compressed into one beforeAll), then everything an auditor does with it:
 *   1. the tender's audit trail, in global order, across tender, bids, evaluation, award and register;
 *   2. an "as of" replay at the global position of the first ScoresSubmitted, in the middle of evaluation;
 *   3. the turnover figures for 2026 and 2027 against values computed by hand from the scenario;
 *   4. the OCDS release and record packages, valid against OCDS 1.1.5 + lots + bids and the codelists;
 *   5. verification: clean, then after one event is altered in SQL (last, because it damages the store).
 *
 * The scenario: North ICB re-procures Meadow Health Centre's APMS contract (72,000 patients) under the PSR
 * competitive process in three lots, lot limit 1, published 1 Sep 2026, deadline 30 Oct 2026. Bids:
 *   Riverside (practice, list 8,400 → small)  North £3.6m
 *   Valley GP Federation (consortium, staff 60) North £4.5m, South £3.2m
 *   CareCorp Ltd (company, staff 900 → large)  South £2.4m, East £2.0m
 *   Meadow (the incumbent)                     East £1.9m — fails the quality pass mark.
 * Award decided Mon 21 Dec 2026: North → Riverside, South → Valley, East → CareCorp. Meadow challenges on
 * 30 Dec, dismissed 7 Jan 2027, all three contracts concluded 15 Jan 2027; the register records the change.
 */
const ICB = 'org-icb-north';
const TENDER = 'tender-meadow-2027';
const OLD_CONTRACT = 'contract-apms-meadow';
const OCID = `ocds-tl0000-${TENDER}`;
const AUDIT = `/api/audit/tenders/${TENDER}`;
const BASE = `/api/tenders/${TENDER}/evaluation`;
const AWARD = `/api/tenders/${TENDER}/award`;
const LOTS = { north: 'lot-north', south: 'lot-south', east: 'lot-east' } as const;
const CRITERIA = [
  { id: 'quality', name: 'Quality and innovation', kind: 'quality', weightBasisPoints: 4_000, maxScore: 5, passMark: 2 },
  { id: 'access', name: 'Improving access', kind: 'quality', weightBasisPoints: 2_000, maxScore: 5 },
  { id: 'price', name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100 },
];
const ANNA = { evaluatorId: 'anna.shah', name: 'Anna Shah', role: 'commissioner-staff', organisationId: ICB };
const BEN = { evaluatorId: 'ben.okafor', name: 'Dr Ben Okafor', role: 'independent-clinician', organisationId: 'org-clinical-associates' };
const DECISION = { decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }], reasons: 'The evaluation’s lot award recommendation: every lot awarded within the lot limit of one.' };
const CHALLENGE_GROUNDS = 'The pass mark on quality was applied to a question the specification did not publish.';
const DISMISSAL_REASONS = 'The quality question was published in the specification, section 4.';

type Entry = { globalPosition: number; streamId: string; streamVersion: number; type: string; summary: string; reason: string | null; actor: { userId: string; role: string; organisationId: string | null }; data: Record<string, unknown> };
type Trail = { timeline: Entry[]; bids?: { bidId: string; status: string; content?: unknown }[]; tender?: { status: string } | null; evaluation?: Record<string, unknown> | null; award?: unknown; [key: string]: unknown };
type Figure = { key: string; value: number | null; numerator?: number; denominator?: number; definition: string };
type Report = { period: { from: string; to: string }; figures: Figure[]; redFlags: { tenderId: string; flags: string[]; tenderPeriodDays: number }[] };
type Json = Record<string, unknown>;
type Release = { id: string; tag: string[]; awards?: Json[]; contracts?: Json[] };

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

describe('auditor scenario: the lifecycle, then its trail, an as-of replay, turnover figures, OCDS and verification', () => {
  let p: TestPlatform;
  const t: Record<string, string> = {};
  const bid: Record<string, string> = {};
  const ciphertexts: string[] = [];
  let firstScores: StoredEvent;

  const score = (quality: number, access: number, why = 'Evidence in the response, section 3.') => [
    { criterionId: 'quality', score: quality, justification: why },
    { criterionId: 'access', score: access, justification: why },
  ];
  const trail = async (query = ''): Promise<Trail> => {
    const res = await p.as(t.auditor!).get(`${AUDIT}${query}`);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    return res.body as Trail;
  };
  const leaksNothingSealed = (body: unknown): void => {
    const json = JSON.stringify(body);
    expect(json).not.toContain('"sealed"');
    expect(json).not.toContain('ciphertext');
    for (const ciphertext of ciphertexts) expect(json).not.toContain(ciphertext);
  };

  beforeAll(async () => {
    p = await startTestPlatform('2026-09-01T09:00:00.000Z');
    t.admin = await p.token('admin', 'org-platform');
    t.icb = await p.token('commissioner', ICB, 'jane.commissioner');
    t.riverside = await p.token('bidder', 'org-riverside', 'dr.riverside');
    t.meadow = await p.token('bidder', 'org-meadow', 'dr.meadow');
    t.fed = await p.token('bidder', 'org-valley-fed', 'fed.manager');
    t.carecorp = await p.token('bidder', 'org-carecorp');
    t.anna = await p.token('evaluator', ICB, ANNA.evaluatorId);
    t.ben = await p.token('evaluator', BEN.organisationId, BEN.evaluatorId);
    t.auditor = await p.token('auditor', 'org-nao', 'ann.auditor');

    // 1. The register: commissioner, two practices, a federation of two member practices, a company.
    const register = (token: string, body: object) => p.as(token).post('/api/organisations').send(body).expect(201);
    await register(t.admin, { organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } });
    await register(t.riverside, { name: 'Riverside Medical Practice', kind: 'practice', odsCode: 'A81001', listSize: 8_400 });
    for (const [id, name, ods, list] of [['org-meadow', 'Meadow Health Centre', 'A81004', 5_200], ['org-hilltop', 'Hilltop Surgery', 'A81002', 12_500], ['org-brook', 'Brook Lane Practice', 'A81003', 6_100]] as const) {
      await register(t.admin, { organisationId: id, name, kind: 'practice', odsCode: ods, listSize: list });
    }
    await register(t.admin, { organisationId: 'org-valley-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-hilltop', 'org-brook'], staff: 60 });
    await register(t.admin, { organisationId: 'org-carecorp', name: 'CareCorp Ltd', kind: 'company', staff: 900 });

    // 2. The incumbent's contract, and a three-lot PSR tender replacing it (lot limit 1), published on 1 September 2026.
    await p.as(t.icb).post('/api/contracts').send({
      contractId: OLD_CONTRACT, reference: 'APMS-MEADOW-01', contractType: 'APMS', holderId: 'org-meadow', commissionerId: ICB,
      region: 'North East and Yorkshire', listSize: 72_000, annualValuePence: 720_000_000, startDate: '2017-04-01', endDate: '2027-03-31',
      services: ['core general practice'],
    }).expect(201);
    await p.as(t.icb).post('/api/tenders').send({
      tenderId: TENDER,
      title: 'Meadow primary care re-procurement 2027',
      description: 'Core general practice for 72,000 registered patients in three locality lots, one lot per provider.',
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
      lotLimit: 1,
    }).expect(201);
    const lot = (id: string, title: string, locality: string, population: number) => ({ id, title, description: `Core general practice, ${locality}.`, scope: [{ serviceLineId: 'core', localityIds: [locality] }], population, estimatedAnnualValuePence: population * 10_000 });
    await p.as(t.icb).put(`/api/tenders/${TENDER}/lots`).send({ lots: [lot(LOTS.north, 'North locality', 'north', 30_000), lot(LOTS.south, 'South locality', 'south', 24_000), lot(LOTS.east, 'East locality', 'east', 18_000)] }).expect(200);
    await p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({}).expect(200);
    await settle(p);
    await eventually(async () => expect((await p.as(t.icb).get(`/api/contracts/${OLD_CONTRACT}`)).body.markedForReprocurement).toBe(true));

    // 3. Four bids in autumn 2026, opened at the deadline.
    p.clock.set('2026-10-05T09:00:00.000Z');
    const content = (prices: [string, number, number?][]) => ({
      lots: prices.map(([lotId, price, preference]) => ({ lotId, price, ...(preference ? { preference } : {}) })),
      qualityResponses: CRITERIA.filter((c) => c.kind !== 'price').map((c) => ({ criterionId: c.id, response: `Our answer on ${c.name}.` })),
      socialValueCommitments: ['Local apprenticeships'],
    });
    const submit = async (who: string, bidder: object, prices: [string, number, number?][]) => {
      const res = await p.as(t[who]!).post('/api/bids').send({ tenderId: TENDER, bidder, content: content(prices) });
      expect([res.status, res.body.code, res.body.message]).toEqual([201, undefined, undefined]);
      bid[who] = res.body.bidId;
    };
    await submit('riverside', { kind: 'organisation' }, [[LOTS.north, 360_000_000]]);
    await submit('fed', { kind: 'consortium', name: 'Valley GP Federation', memberOrganisationIds: ['org-hilltop', 'org-brook'] }, [[LOTS.north, 450_000_000, 1], [LOTS.south, 320_000_000, 2]]);
    p.clock.set('2026-10-20T14:00:00.000Z');
    await submit('carecorp', { kind: 'organisation' }, [[LOTS.south, 240_000_000], [LOTS.east, 200_000_000]]);
    await submit('meadow', { kind: 'organisation' }, [[LOTS.east, 190_000_000]]);
    for (const who of ['riverside', 'fed', 'carecorp', 'meadow']) {
      const [submitted] = await collect(p.store.readStream(`bid-${bid[who]}`));
      ciphertexts.push((submitted!.data as { sealed: { ciphertext: string } }).sealed.ciphertext);
    }
    expect(ciphertexts).toHaveLength(4);
    await expectRefusal(p, () => p.as(t.icb).get(`/api/bids/${bid.fed}`), 403, 'BID_SEALED');

    p.clock.set('2026-10-30T12:00:01.000Z');
    await settle(p);
    for (const who of ['riverside', 'fed', 'carecorp', 'meadow']) {
      await eventually(async () => expect((await p.as(t.icb).get(`/api/bids/${bid[who]}`)).body.content).toBeDefined());
    }
    await eventually(async () => expect((await p.as(t.icb).get(`/api/tenders/${TENDER}`)).body.status).not.toBe('published'));

    // 4a. Evaluation: panel of two, Ben conflicted with Brook Lane (a member of the Valley consortium).
    p.clock.set('2026-11-09T10:00:00.000Z');
    await p.as(t.icb).post(BASE).send({ priceFormula: 'proportional-difference' }).expect(201);
    await p.as(t.icb).post(`${BASE}/panel`).send({ evaluators: [ANNA, BEN] }).expect(201);
    await p.as(t.anna).post(`${BASE}/conflicts`).send({ none: true }).expect(201);
    await p.as(t.ben).post(`${BASE}/conflicts`).send({ organisationId: 'org-brook', nature: 'Salaried GP at Brook Lane Practice until 2024.' }).expect(201);
    await p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: ANNA.evaluatorId, bidIds: [bid.riverside, bid.fed, bid.carecorp, bid.meadow] }).expect(201);
    await expectRefusal(p, () => p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: BEN.evaluatorId, bidIds: [bid.fed] }), 422, 'EVALUATION_ASSIGNMENT_CONFLICT');
    await p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: BEN.evaluatorId, bidIds: [bid.riverside, bid.carecorp, bid.meadow] }).expect(201);

    // 4b. Independent scoring.
    await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 3) }).expect(201);
    await p.as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 2) }).expect(201);
    await p.as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.carecorp, scores: score(3, 4) }).expect(201);
    await p.as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.meadow, scores: score(2, 3) }).expect(201);
    await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.fed, scores: score(5, 5) }).expect(201);
    await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.carecorp, scores: score(3, 4) }).expect(201);
    await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.meadow, scores: score(1, 3) }).expect(201);

    // 4c. Moderation, compliance, completion with the recommendation within the lot limit.
    for (const [who, quality, access] of [['riverside', 4, 3], ['fed', 5, 5], ['carecorp', 3, 4], ['meadow', 1, 3]] as const) {
      for (const [criterionId, consensusScore] of [['quality', quality], ['access', access]] as const) {
        await p.as(t.icb).post(`${BASE}/moderation`).send({ bidId: bid[who], criterionId, consensusScore, rationale: `Panel consensus after discussion of ${who}.` }).expect(201);
      }
    }
    await p.as(t.icb).post(`${BASE}/compliance`).send({ bidId: bid.carecorp, passed: true, reason: 'CQC registration and indemnity supplied.' }).expect(201);
    const completed = await p.as(t.icb).post(`${BASE}/complete`).send({}).expect(200);
    expect(completed.body.recommendation.lots.map((l: { lotId: string; bidId: string }) => [l.lotId, l.bidId])).toEqual([[LOTS.north, bid.riverside], [LOTS.south, bid.fed], [LOTS.east, bid.carecorp]]);

    // 5. The award on Monday 21 December 2026.
    p.clock.set('2026-12-21T10:00:00.000Z');
    const decided = await p.as(t.icb).post(`${AWARD}/decision`).send(DECISION).expect(201);
    expect(decided.body.standstillEndsAt).toBe('2027-01-06T00:00:00.000Z');

    // 6. Meadow challenges during the Christmas standstill; dismissed on 7 January; concluded on 15 January 2027.
    p.clock.set('2026-12-30T11:00:00.000Z');
    const lodged = await p.as(t.meadow).post(`${AWARD}/challenges`).send({ kind: 'challenge', grounds: CHALLENGE_GROUNDS }).expect(201);
    t.challenge = lodged.body.id;
    p.clock.set('2027-01-06T00:00:00.000Z');
    await settle(p);
    p.clock.set('2027-01-06T09:00:00.000Z');
    await settle(p);
    p.clock.set('2027-01-07T10:00:00.000Z');
    await p.as(t.icb).post(`${AWARD}/challenges/${t.challenge}/outcome`).send({ outcome: 'dismissed', reasons: DISMISSAL_REASONS }).expect(200);
    p.clock.set('2027-01-14T23:59:00.000Z');
    await settle(p);
    p.clock.set('2027-01-15T08:00:00.000Z');
    await settle(p);
    const concluded = (await collect(p.store.readStream(`award-${TENDER}`))).filter((e) => e.type === 'ContractConcluded');
    expect(concluded.map((e) => (e.data as { lotId: string }).lotId)).toEqual([LOTS.north, LOTS.south, LOTS.east]);

    // 7. The register follows: the incumbent's contract ends as replaced, a successor per lot.
    await settle(p);
    await eventually(async () => {
      const rows = (await p.as(t.icb).get('/api/contracts').expect(200)).body as { contractId: string; holderId: string }[];
      expect(rows).toHaveLength(4);
      expect(Object.values(LOTS).map((l) => rows.find((r) => r.contractId === `${TENDER}.${l}`)?.holderId)).toEqual(['org-riverside', 'org-valley-fed', 'org-carecorp']);
    });
    await settle(p);

    firstScores = (await collect(p.store.readStream(`evaluation-${TENDER}`))).find((e) => e.type === 'ScoresSubmitted')!;
    expect(firstScores.data).toMatchObject({ evaluatorId: ANNA.evaluatorId, bidId: bid.riverside });
  });
  afterAll(() => p?.close());

  it('1. the audit trail: every decision in global order across tender, bids, evaluation, award and register, each with actor and summary; nothing sealed', async () => {
    const { timeline } = await trail();
    const positions = timeline.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);

    // Streams: the tender, its four bids, the evaluation, the award, the replaced contract and the three successors.
    const streams = new Set(timeline.map((e) => e.streamId));
    expect(streams).toEqual(new Set([
      `tender-${TENDER}`,
      ...Object.values(bid).map((id) => `bid-${id}`),
      `evaluation-${TENDER}`,
      `award-${TENDER}`,
      `contract-${OLD_CONTRACT}`,
      ...Object.values(LOTS).map((l) => `contract-${TENDER}.${l}`),
    ]));
    expect(timeline.filter((e) => e.streamId === `contract-${OLD_CONTRACT}`).map((e) => e.type)).toEqual(['ContractMarkedForReprocurement', 'ContractAwarded']);
    for (const l of Object.values(LOTS)) expect(timeline.filter((e) => e.streamId === `contract-${TENDER}.${l}`).map((e) => e.type)).toEqual(['ContractRegistered']);

    // The decisions appear in the order they were taken.
    const types = timeline.map((e) => e.type);
    const order = ['TenderDrafted', 'LotsDefined', 'TenderPublished', 'BidSubmitted', 'BidOpened', 'EvaluationOpened', 'PanelAppointed', 'ConflictDeclared', 'ScoresSubmitted', 'ScoreModerated', 'EvaluationCompleted', 'AwardDecided', 'ChallengeLodged', 'ChallengeDismissed', 'ContractConcluded', 'ContractAwarded'];
    const firsts = order.map((type) => types.indexOf(type));
    expect(order.filter((_, i) => firsts[i]! < 0)).toEqual([]);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(types.filter((ty) => ty === 'BidSubmitted')).toHaveLength(4);
    expect(types.filter((ty) => ty === 'BidOpened')).toHaveLength(4);
    // Seven score submissions: Anna four bids, Ben three (kept off the federation's); eight moderations (4 bids × 2 criteria).
    expect(types.filter((ty) => ty === 'ScoresSubmitted')).toHaveLength(7);
    expect(types.filter((ty) => ty === 'ScoreModerated')).toHaveLength(8);
    expect(types.filter((ty) => ty === 'ContractConcluded')).toHaveLength(3);

    // Every entry says who and what.
    for (const e of timeline) {
      expect(typeof e.actor.userId).toBe('string');
      expect(e.actor.userId).not.toBe('');
      expect(typeof e.actor.role).toBe('string');
      expect(e.summary.startsWith(e.actor.userId)).toBe(true);
      expect(e.summary.length).toBeGreaterThan(e.actor.userId.length + 5);
    }
    const of = (type: string) => timeline.find((e) => e.type === type)!;
    expect(of('TenderPublished').actor).toEqual({ userId: 'jane.commissioner', role: 'commissioner', organisationId: ICB });
    expect(of('TenderPublished').summary).toBe('jane.commissioner (commissioner, org-icb-north) published the tender “Meadow primary care re-procurement 2027” with 3 lots, submissions due 2026-10-30T12:00:00.000Z');
    expect(of('BidOpened').summary).toMatch(/^process-manager:open-bids \(system\) opened bid /);
    expect(of('AwardDecided')).toMatchObject({ actor: { userId: 'jane.commissioner' }, reason: DECISION.reasons });
    expect(of('AwardDecided').summary).toContain(`decided the award: ${LOTS.north} to`);

    // The challenge, its dismissal and the conclusion.
    const lodged = of('ChallengeLodged');
    expect(lodged.actor).toMatchObject({ userId: 'dr.meadow', role: 'bidder', organisationId: 'org-meadow' });
    expect(lodged.summary).toBe('dr.meadow (bidder, org-meadow) lodged a challenge against 3 awards');
    const dismissed = of('ChallengeDismissed');
    expect(dismissed.actor).toMatchObject({ userId: 'jane.commissioner', role: 'commissioner' });
    expect(dismissed.summary).toContain(`dismissed challenge ${t.challenge}`);
    expect(JSON.stringify(dismissed)).toContain(DISMISSAL_REASONS);
    const conclusions = timeline.filter((e) => e.type === 'ContractConcluded');
    expect(conclusions.map((e) => e.actor)).toEqual(Array(3).fill({ userId: 'process-manager:conclude-contracts', role: 'system', organisationId: null }));
    expect(conclusions.map((e) => e.summary)).toEqual([
      `process-manager:conclude-contracts (system) concluded the contract for ${LOTS.north} with org-riverside, 2027-04-01 to 2032-03-31`,
      `process-manager:conclude-contracts (system) concluded the contract for ${LOTS.south} with org-valley-fed, 2027-04-01 to 2032-03-31`,
      `process-manager:conclude-contracts (system) concluded the contract for ${LOTS.east} with org-carecorp, 2027-04-01 to 2032-03-31`,
    ]);
    expect(of('ContractAwarded').actor.userId).toBe('process-manager:register-after-award');

    leaksNothingSealed(await trail());
  });

  it('2. as of the global position right after the first ScoresSubmitted: bids opened, panel appointed, one score in, not completed, no award', async () => {
    const during = await trail(`?asOf=${firstScores.globalPosition}`);
    expect(during.timeline.at(-1)).toMatchObject({ globalPosition: firstScores.globalPosition, type: 'ScoresSubmitted' });
    expect(during.timeline.every((e) => e.globalPosition <= firstScores.globalPosition)).toBe(true);

    expect(during.bids!.map((b) => b.status)).toEqual(['opened', 'opened', 'opened', 'opened']);
    expect(during.bids!.every((b) => b.content !== undefined)).toBe(true); // the auditor sees opened content
    const evaluation = during.evaluation as { status: string; panel: { evaluatorId: string }[]; submissions: { evaluatorId: string; bidId: string }[]; result: unknown; completedAt: unknown; recommendation: unknown };
    expect(evaluation.status).not.toBe('completed');
    expect(evaluation.panel.map((e) => e.evaluatorId)).toEqual([ANNA.evaluatorId, BEN.evaluatorId]);
    expect(evaluation.submissions.map((s) => [s.evaluatorId, s.bidId])).toEqual([[ANNA.evaluatorId, bid.riverside]]);
    expect([evaluation.result, evaluation.recommendation, evaluation.completedAt]).toEqual([null, null, null]);
    expect(during.award).toBeNull();
    expect(during.timeline.map((e) => e.type)).not.toContain('EvaluationCompleted');
    leaksNothingSealed(during);

    // And as of the head of the store, for contrast: completed and decided.
    const now = await trail(`?asOf=${await p.store.headPosition()}`);
    expect((now.evaluation as { status: string }).status).toBe('completed');
    expect(now.award).not.toBeNull();
  });

  describe('3. turnover figures, computed by hand from the scenario (clean store; today is 15 January 2027)', () => {
    const turnover = async (year: number): Promise<Report> => {
      const res = await p.as(t.auditor!).get(`/api/statistics/turnover?year=${year}`);
      expect([res.status, res.body.code]).toEqual([200, undefined]);
      return res.body as Report;
    };
    const fig = (report: Report, key: string): Figure => {
      const found = report.figures.find((f) => f.key === key);
      if (!found) throw new Error(`no figure ${key}`);
      return found;
    };
    const ratio = (report: Report, key: string) => {
      const f = fig(report, key);
      return [f.value, f.numerator, f.denominator];
    };

    it('2026: publication, bids, the award decision and its challenge', async () => {
      const report = await turnover(2026);
      expect(report.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
      for (const f of report.figures) expect(f.definition.length).toBeGreaterThan(20);
      // One tender published in 2026 (1 September), split into 3 lots → 1 of 1.
      expect(ratio(report, 'tendersSplitIntoLots')).toEqual([1, 1, 1]);
      // Active in 2026: only Meadow's contract (2017-04-01 → 2027-03-31); the successors start 1 April 2027.
      // Its re-procurement tender was published in 2026 → tendered 1 of 1.
      expect(fig(report, 'activeContracts').value).toBe(1);
      expect(ratio(report, 'contractsTendered')).toEqual([1, 1, 1]);
      // Submissions closed 30 October 2026. Bids per lot: North = Riverside + Valley = 2; South = Valley + CareCorp = 2;
      // East = CareCorp + Meadow = 2 → 6 bid-lots ÷ 3 lots = 2 per lot; no lot with exactly one bid → 0 of 3.
      expect(ratio(report, 'bidsPerLot')).toEqual([2, 6, 3]);
      expect(ratio(report, 'singleBidLots')).toEqual([0, 0, 3]);
      // Published 09:00 on 1 September, decided 10:00 on 21 December 2026: 29 (rest of Sep) + 31 + 30 + 21 = 111 whole days.
      expect([fig(report, 'medianDaysPublicationToAward').value, fig(report, 'medianDaysPublicationToAward').denominator]).toEqual([111, 1]);
      // One award decision in 2026 (AwardDecided, 21 December), one challenge against it (Meadow's) → 1 per award;
      // its outcome (dismissed, 7 January 2027) is counted against the 2026 decision: 0 upheld of 1 decided.
      expect(ratio(report, 'challengesPerAward')).toEqual([1, 1, 1]);
      expect(ratio(report, 'challengesUpheld')).toEqual([0, 0, 1]);
      // Red flags: no single-bid lot; tender period 1 Sep 09:00 → 30 Oct 12:00 = 29 + 30 = 59 whole days (≥ 30, not short);
      // East had two bids and only the winner (CareCorp) qualified (Meadow failed the pass mark) → one flag, 1 per tender.
      expect(report.redFlags).toEqual([expect.objectContaining({ tenderId: TENDER, flags: ['allButWinnerDisqualified'], tenderPeriodDays: 59 })]);
      expect(ratio(report, 'redFlagsPerTender')).toEqual([1, 1, 1]);
      // Nothing concluded in 2026: the conclusions are on 15 January 2027.
      expect(fig(report, 'awardsByProcess.competitive.count').value).toBe(0);
    });

    it('2027 (to today): conclusions, the provider change, winners by size and form', async () => {
      const report = await turnover(2027);
      expect(report.period).toEqual({ from: '2027-01-01', to: '2027-01-15' });
      // Three lots concluded on 15 January 2027 through the competitive process; annual values are the winning prices:
      // North £3.6m + South £3.2m + East £2.0m = 360,000,000 + 320,000,000 + 200,000,000 = 880,000,000 pence.
      expect([fig(report, 'awardsByProcess.competitive.count').value, fig(report, 'awardsByProcess.competitive.value').value]).toEqual([3, 880_000_000]);
      expect(fig(report, 'awardsByProcess.direct-award-c.count').value).toBe(0);
      // One re-procurement outcome (ContractAwarded on Meadow's contract); Meadow holds none of the three lots → changed 1/1.
      expect(ratio(report, 'providerChanged')).toEqual([1, 1, 1]);
      expect(ratio(report, 'incumbentRetained')).toEqual([0, 0, 1]);
      // Winners: Riverside, Valley, CareCorp — none held a contract before (only Meadow did) → 3 new of 3.
      expect(ratio(report, 'newEntrants')).toEqual([1, 3, 3]);
      // Small: Riverside only (practice, list 8,400 < 10,000); Valley (staff 60) is not, CareCorp (staff 900) is large.
      // Lots 1 of 3 = 0.3333; value 360,000,000 ÷ 880,000,000 = 0.40909… → 0.4091.
      expect(ratio(report, 'lotsWonBySmallProviders')).toEqual([0.3333, 1, 3]);
      expect(ratio(report, 'valueWonBySmallProviders')).toEqual([0.4091, 360_000_000, 880_000_000]);
      // Consortia: South only (Valley's bid, a consortium) → 1 of 3; value 320,000,000 ÷ 880,000,000 = 0.363636… → 0.3636.
      expect(ratio(report, 'lotsWonByConsortia')).toEqual([0.3333, 1, 3]);
      expect(ratio(report, 'valueWonByConsortia')).toEqual([0.3636, 320_000_000, 880_000_000]);
      // No renewals or extensions without competition in this scenario.
      expect(fig(report, 'renewedWithoutCompetition').value).toBe(0);
      expect(fig(report, 'extendedWithoutCompetition').value).toBe(0);
    });
  });

  describeIfOcds('4. OCDS: the release and record packages are valid against OCDS 1.1.5 + lots + bids and the codelists', () => {
    it('releases for the tender and the record by ocid; tags include tender, award and contract; nothing sealed', async () => {
      const validators = packageValidators();
      const releases = await p.as(t.auditor).get(`/api/ocds/releases?tenderId=${TENDER}`);
      expect(releases.status).toBe(200);
      expect(validators.releasePackage(releases.body)).toEqual([]);
      const list = releases.body.releases as Release[];
      for (const release of list) expect(codelistProblems(release)).toEqual([]);
      const tags = list.flatMap((r) => r.tag);
      for (const tag of ['tender', 'award', 'contract']) expect(tags).toContain(tag);
      expect(tags.indexOf('tender')).toBeLessThan(tags.indexOf('award'));
      expect(tags.indexOf('award')).toBeLessThan(tags.indexOf('contract'));

      const record = await p.as(t.auditor).get(`/api/ocds/records/${OCID}`);
      expect(record.status).toBe(200);
      expect(validators.recordPackage(record.body)).toEqual([]);
      const [rec] = record.body.records as { ocid: string; releases: Release[]; compiledRelease: Release }[];
      expect(rec!.ocid).toBe(OCID);
      for (const release of [...rec!.releases, rec!.compiledRelease]) expect(codelistProblems(release)).toEqual([]);
      const compiled = rec!.compiledRelease;
      expect(compiled.awards!.map((a) => [a['relatedLots'], a['status'], (a['suppliers'] as { id: string }[])[0]!.id])).toEqual([
        [[LOTS.north], 'active', 'org-riverside'],
        [[LOTS.south], 'active', `consortium-${bid.fed}`],
        [[LOTS.east], 'active', 'org-carecorp'],
      ]);
      // Contract values in pounds: £3.6m, £3.2m, £2.0m.
      expect(compiled.contracts!.map((c) => [c['id'], (c['value'] as { amount: number }).amount])).toEqual([
        [`${TENDER}.${LOTS.north}`, 3_600_000],
        [`${TENDER}.${LOTS.south}`, 3_200_000],
        [`${TENDER}.${LOTS.east}`, 2_000_000],
      ]);
      for (const body of [releases.body, record.body]) {
        leaksNothingSealed(body);
        expect(JSON.stringify(body)).not.toMatch(/qualityResponses|"price"|Our answer on/);
      }
    });
  });

  describe('5. verification (runs last: it alters the store)', () => {
    it('is clean on the untouched store', async () => {
      const res = await p.as(t.auditor).get('/api/audit/verify').expect(200);
      expect(res.body).toMatchObject({ ok: true, breaks: [], commitmentMismatches: [], events: await p.eventCount() });
    });

    it('names exactly the AwardDecided event altered in SQL, and nothing else', async () => {
      const decided = (await collect(p.store.readStream(`award-${TENDER}`))).find((e) => e.type === 'AwardDecided')!;
      expect(decided).toBeDefined();
      await p.store.executor.query(`update tl_events set data = jsonb_set(data, '{reasons}', '"Tampered after the fact."') where stream_id = $1 and stream_version = $2`, [`award-${TENDER}`, decided.streamVersion]);

      const res = await p.as(t.auditor).get('/api/audit/verify').expect(200);
      expect(res.body.ok).toBe(false);
      expect(res.body.breaks).toEqual([
        { streamId: `award-${TENDER}`, streamVersion: decided.streamVersion, eventId: decided.eventId, globalPosition: decided.globalPosition, reason: 'hash does not match the event content and the previous hash' },
      ]);
      expect(res.body.commitmentMismatches).toEqual([]);
    });
  });
});
