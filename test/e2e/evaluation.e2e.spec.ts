import { EvaluationResults, loadEvaluationOutcome } from '@tenderledger/evaluation';
import { expectRefusal, settle, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Evaluation over HTTP on the embedded store with a fixed clock: a three-lot tender with a lot limit
 * of 1, four bidders (one a federation), bids opened at the deadline; a panel of two, one of whom is
 * conflicted with a federation member; independent scoring, moderation, a pass mark failed, the
 * proportional-difference price formula, completion with a lot award recommendation, verification.
 *
 * Consensus (quality 40% and access 20%, both 0–5; price 40%, proportional difference):
 *   North: Valley 5/5 → 60 + price (£500k vs lowest £400k: 40 × (1 − 0.25) = 30) = 90; Riverside 4/3 → 32 + 12 + 40 = 84.
 *   South: Valley 60 + 40 × (1 − 10/30) = 86.67; CareCorp 3/4 → 24 + 16 + 40 = 80.
 *   East:  CareCorp 80 (the only qualifying bid); Meadow 1/3 fails the quality pass mark of 2.
 * Lot limit 1: Valley tops North and South but can win one; the only way to award all three lots is
 * CareCorp → East, Valley → South, Riverside → North. Valley moves to its second-best lot.
 */
const ICB = 'org-icb-north';
const TENDER = 'tender-valley-2026';
const DEADLINE = '2026-04-15T12:00:00.000Z';
const BASE = `/api/tenders/${TENDER}/evaluation`;
const LOTS = { north: 'lot-north', south: 'lot-south', east: 'lot-east' } as const;
const CRITERIA = [
  { id: 'quality', name: 'Quality and innovation', kind: 'quality', weightBasisPoints: 4_000, maxScore: 5, passMark: 2 },
  { id: 'access', name: 'Improving access', kind: 'quality', weightBasisPoints: 2_000, maxScore: 5 },
  { id: 'price', name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100 },
];
const ANNA = { evaluatorId: 'anna.shah', name: 'Anna Shah', role: 'commissioner-staff', organisationId: ICB };
const BEN = { evaluatorId: 'ben.okafor', name: 'Dr Ben Okafor', role: 'independent-clinician', organisationId: 'org-clinical-associates' };

type Row = { bidId: string; rank: number | null; qualityPoints: number; pricePoints: number; totalPoints: number; exclusionReasons: string[] };
type LotRow = { lotId: string; results: Row[] };

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

describe('evaluation over HTTP: panel, conflicts, scoring, moderation, ranking, lot award recommendation', () => {
  let p: TestPlatform;
  const t: Record<string, string> = {};
  const bid: Record<string, string> = {};

  const score = (quality: number, access: number, why = 'Evidence in the response, section 3.') => [
    { criterionId: 'quality', score: quality, justification: why },
    { criterionId: 'access', score: access, justification: why },
  ];
  const lotsOf = (body: { lots: LotRow[] }, lotId: string) => body.lots.find((l) => l.lotId === lotId)!.results;

  beforeAll(async () => {
    p = await startTestPlatform('2026-03-02T09:00:00.000Z');
    t.admin = await p.token('admin', 'org-platform');
    t.icb = await p.token('commissioner', ICB, 'jane.commissioner');
    t.south = await p.token('commissioner', 'org-icb-south', 'sam.south');
    t.riverside = await p.token('bidder', 'org-riverside');
    t.fed = await p.token('bidder', 'org-valley-fed');
    t.carecorp = await p.token('bidder', 'org-carecorp');
    t.meadow = await p.token('bidder', 'org-meadow');
    t.anna = await p.token('evaluator', ICB, ANNA.evaluatorId);
    t.ben = await p.token('evaluator', BEN.organisationId, BEN.evaluatorId);
    t.cara = await p.token('evaluator', ICB, 'cara.jones');
    t.auditor = await p.token('auditor', 'org-nao');

    const register = (body: object) => p.as(t.admin).post('/api/organisations').send(body).expect(201);
    await register({ organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } });
    await register({ organisationId: 'org-riverside', name: 'Riverside Medical Practice', kind: 'practice', listSize: 8_400 });
    await register({ organisationId: 'org-hilltop', name: 'Hilltop Surgery', kind: 'practice', listSize: 12_500 });
    await register({ organisationId: 'org-brook', name: 'Brook Lane Practice', kind: 'practice', listSize: 6_100 });
    await register({ organisationId: 'org-meadow', name: 'Meadow Health Centre', kind: 'practice', listSize: 5_200 });
    await register({ organisationId: 'org-valley-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-hilltop', 'org-brook'], staff: 60 });
    await register({ organisationId: 'org-carecorp', name: 'CareCorp Ltd', kind: 'company', staff: 900 });
  });
  afterAll(() => p.close());

  it('publishes a three-lot tender with a lot limit of 1 and takes four bids, one from a federation', async () => {
    await p.as(t.icb).post('/api/tenders').send({
      tenderId: TENDER,
      title: 'Valley primary care re-procurement',
      description: 'Core general practice for 72,000 registered patients in three locality lots.',
      procedureProfileId: 'psr-competitive',
      contractType: 'APMS',
      services: [{ id: 'core', name: 'Core general practice', population: 72_000, annualValuePence: 720_000_000, localities: [{ id: 'north', name: 'North', population: 30_000 }, { id: 'south', name: 'South', population: 24_000 }, { id: 'east', name: 'East', population: 18_000 }] }],
      population: 72_000,
      estimatedAnnualValuePence: 720_000_000,
      contractTerm: { startDate: '2026-07-01', months: 60 },
      criteria: CRITERIA,
      timeline: { clarificationDeadline: '2026-04-01T12:00:00.000Z', submissionDeadline: DEADLINE, plannedAwardDate: '2026-05-15T12:00:00.000Z' },
      region: 'North East and Yorkshire',
      lotLimit: 1,
    }).expect(201);
    const lot = (id: string, title: string, locality: string, population: number) => ({ id, title, description: `Core general practice, ${locality}.`, scope: [{ serviceLineId: 'core', localityIds: [locality] }], population, estimatedAnnualValuePence: population * 10_000 });
    await p.as(t.icb).put(`/api/tenders/${TENDER}/lots`).send({ lots: [lot(LOTS.north, 'North locality', 'north', 30_000), lot(LOTS.south, 'South locality', 'south', 24_000), lot(LOTS.east, 'East locality', 'east', 18_000)] }).expect(200);
    await p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({}).expect(200);

    p.clock.set('2026-04-02T10:00:00.000Z');
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
    await submit('riverside', { kind: 'organisation' }, [[LOTS.north, 40_000_000]]);
    await submit('fed', { kind: 'consortium', name: 'Valley GP Federation', memberOrganisationIds: ['org-hilltop', 'org-brook'] }, [[LOTS.north, 50_000_000, 1], [LOTS.south, 40_000_000, 2]]);
    await submit('carecorp', { kind: 'organisation' }, [[LOTS.south, 30_000_000], [LOTS.east, 25_000_000]]);
    await submit('meadow', { kind: 'organisation' }, [[LOTS.east, 20_000_000]]);

    // Before the deadline there is nothing to evaluate.
    await expectRefusal(p, () => p.as(t.icb).post(BASE).send({}), 409, 'EVALUATION_SUBMISSIONS_NOT_CLOSED');
  });

  it('opens the evaluation after the deadline with the opened bids and the rules stated in the body', async () => {
    p.clock.set('2026-04-15T12:00:01.000Z');
    await settle(p);
    await eventually(async () => expect((await p.as(t.icb).get(`/api/bids/${bid.meadow}`)).body.content).toBeDefined());

    await expectRefusal(p, () => p.as(t.south).post(BASE).send({}), 403, 'EVALUATION_NOT_YOURS');
    await expectRefusal(p, () => p.as(t.icb).post(BASE).send({ priceFormula: 'cheapest-wins' }), 400, 'VALIDATION_FAILED');
    const opened = await p.as(t.icb).post(BASE).send({ priceFormula: 'proportional-difference' });
    expect(opened.status).toBe(201);
    expect(opened.body.rules).toMatchObject({
      lotLimit: 1,
      priceFormula: 'proportional-difference',
      scoringScale: { step: 1 },
      tieBreakRule: 'highest-quality-then-lowest-price-then-earliest-submission',
      abnormallyLowThresholdBasisPoints: 2_000,
      awardRule: 'maximise-lots-then-score',
      lots: [{ lotId: LOTS.north, title: 'North locality' }, { lotId: LOTS.south, title: 'South locality' }, { lotId: LOTS.east, title: 'East locality' }],
    });
    expect(opened.body.bids).toHaveLength(4);
    const fed = opened.body.bids.find((b: { bidId: string }) => b.bidId === bid.fed);
    expect(fed).toMatchObject({ bidderName: 'Valley GP Federation', bidder: { kind: 'consortium', leadOrganisationId: 'org-valley-fed', memberOrganisationIds: ['org-hilltop', 'org-brook'] } });
    await expectRefusal(p, () => p.as(t.icb).post(BASE).send({}), 409, 'EVALUATION_ALREADY_OPEN');
    await expectRefusal(p, () => p.as(t.fed).get(BASE), 403, 'ROLE_NOT_ALLOWED');
  });

  it('appoints a panel of two; a conflicted evaluator is refused the consortium’s bid', async () => {
    await expectRefusal(p, () => p.as(t.south).post(`${BASE}/panel`).send({ evaluators: [ANNA] }), 403, 'EVALUATION_NOT_YOURS');
    await expectRefusal(p, () => p.as(t.anna).post(`${BASE}/panel`).send({ evaluators: [ANNA] }), 403, 'ROLE_NOT_ALLOWED');
    const panel = await p.as(t.icb).post(`${BASE}/panel`).send({ evaluators: [ANNA, BEN] });
    expect(panel.status).toBe(201);
    expect(panel.body.panel.map((m: { evaluatorId: string }) => m.evaluatorId)).toEqual([ANNA.evaluatorId, BEN.evaluatorId]);

    await expectRefusal(p, () => p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: ANNA.evaluatorId, bidIds: [bid.riverside] }), 409, 'EVALUATOR_DECLARATION_MISSING');
    await p.as(t.anna).post(`${BASE}/conflicts`).send({ none: true }).expect(201);
    const declared = await p.as(t.ben).post(`${BASE}/conflicts`).send({ organisationId: 'org-brook', nature: 'Salaried GP at Brook Lane Practice until 2024.' });
    expect(declared.status).toBe(201);
    expect(declared.body.declarations[BEN.evaluatorId].conflicts).toEqual([expect.objectContaining({ organisationId: 'org-brook' })]);
    await expectRefusal(p, () => p.as(t.cara).post(`${BASE}/conflicts`).send({ none: true }), 422, 'EVALUATOR_NOT_ON_PANEL');

    await p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: ANNA.evaluatorId, bidIds: [bid.riverside, bid.fed, bid.carecorp, bid.meadow] }).expect(201);
    // Brook Lane is a member of the Valley consortium, so Ben cannot evaluate its bid.
    const refused = await expectRefusal(p, () => p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: BEN.evaluatorId, bidIds: [bid.fed] }), 422, 'EVALUATION_ASSIGNMENT_CONFLICT');
    expect(refused.body.details).toMatchObject({ evaluatorId: BEN.evaluatorId, bidId: bid.fed, organisationId: 'org-brook' });
    await p.as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: BEN.evaluatorId, bidIds: [bid.riverside, bid.carecorp, bid.meadow] }).expect(201);
  });

  it('scores independently: an evaluator sees a colleague’s scores for a bid only after submitting its own', async () => {
    await expectRefusal(p, () => p.as(t.icb).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 3) }), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(t.cara).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 3) }), 422, 'EVALUATOR_NOT_ON_PANEL');
    await expectRefusal(p, () => p.as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.fed, scores: score(4, 3) }), 422, 'EVALUATION_ASSIGNMENT_CONFLICT');
    await expectRefusal(p, () => p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 3, '  ') }), 422, 'SCORE_JUSTIFICATION_MISSING');
    await expectRefusal(p, () => p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: [...score(4, 3), { criterionId: 'price', score: 90, justification: 'Cheap.' }] }), 422, 'PRICE_IS_COMPUTED');

    await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 3) }).expect(201);
    const before = await p.as(t.ben).get(BASE);
    expect(before.status).toBe(200);
    expect(before.body.submissions).toEqual([]);
    // Evaluators see their assigned bids without prices, and only their own assignments.
    expect(before.body.bids.map((b: { bidId: string }) => b.bidId).sort()).toEqual([bid.riverside, bid.carecorp, bid.meadow].sort());
    expect(JSON.stringify(before.body.bids)).not.toContain('price');
    expect(Object.keys(before.body.assignments)).toEqual([BEN.evaluatorId]);

    await p.as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 2) }).expect(201);
    const after = await p.as(t.ben).get(BASE);
    expect(after.body.submissions.map((s: { evaluatorId: string; bidId: string }) => [s.evaluatorId, s.bidId])).toEqual([
      [ANNA.evaluatorId, bid.riverside],
      [BEN.evaluatorId, bid.riverside],
    ]);
    await expectRefusal(p, () => p.as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(5, 5) }), 409, 'SCORES_ALREADY_SUBMITTED');

    await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.fed, scores: score(5, 5) }).expect(201);
    await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.carecorp, scores: score(3, 4) }).expect(201);
    await p.as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.meadow, scores: score(1, 3) }).expect(201);
    // Anna has not seen Ben's CareCorp scores because he has not given any; the commissioner waits for them.
    await expectRefusal(p, () => p.as(t.icb).post(`${BASE}/moderation`).send({ bidId: bid.carecorp, criterionId: 'quality', consensusScore: 3, rationale: 'Agreed.' }), 409, 'MODERATION_BEFORE_ALL_SCORES');
    const commissionerEarly = await p.as(t.icb).get(BASE);
    expect(commissionerEarly.body.submissions.some((s: { bidId: string }) => s.bidId === bid.carecorp)).toBe(false);
    await p.as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.carecorp, scores: score(3, 4) }).expect(201);
    await p.as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.meadow, scores: score(2, 3) }).expect(201);
  });

  it('moderates every bid, records compliance, and completes with the ranking and the lot award recommendation', async () => {
    const consensus: [string, number, number][] = [['riverside', 4, 3], ['fed', 5, 5], ['carecorp', 3, 4], ['meadow', 1, 3]];
    await expectRefusal(p, () => p.as(t.anna).post(`${BASE}/moderation`).send({ bidId: bid.fed, criterionId: 'quality', consensusScore: 5, rationale: 'x' }), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(p, () => p.as(t.icb).post(`${BASE}/moderation`).send({ bidId: bid.fed, criterionId: 'quality', consensusScore: 6, rationale: 'Outstanding.' }), 422, 'SCORE_OUT_OF_SCALE');
    await expectRefusal(p, () => p.as(t.icb).post(`${BASE}/complete`).send({}), 409, 'EVALUATION_INCOMPLETE');
    for (const [who, quality, access] of consensus) {
      for (const [criterionId, consensusScore] of [['quality', quality], ['access', access]] as const) {
        await p.as(t.icb).post(`${BASE}/moderation`).send({ bidId: bid[who], criterionId, consensusScore, rationale: `Panel consensus after discussion of ${who}.` }).expect(201);
      }
    }
    await p.as(t.icb).post(`${BASE}/compliance`).send({ bidId: bid.carecorp, passed: true, reason: 'CQC registration and indemnity supplied.' }).expect(201);

    await expectRefusal(p, () => p.as(t.icb).get(`${BASE}/ranking`), 409, 'EVALUATION_NOT_COMPLETED');
    expect((await p.as(t.icb).get(BASE)).body.ranking).toBeNull();
    await expectRefusal(p, () => p.as(t.south).post(`${BASE}/complete`).send({}), 403, 'EVALUATION_NOT_YOURS');

    const completed = await p.as(t.icb).post(`${BASE}/complete`).send({});
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('completed');
    const ranking = completed.body.ranking as { lots: LotRow[] };

    // The price formula by hand: Valley's £500k on North against the lowest £400k → 40 × (1 − 100/400) = 30.
    const north = lotsOf(ranking, LOTS.north);
    expect(north.map((r) => [r.bidId, r.rank, r.qualityPoints, r.pricePoints, r.totalPoints])).toEqual([
      [bid.fed, 1, 60, 30, 90],
      [bid.riverside, 2, 44, 40, 84],
    ]);
    const south = lotsOf(ranking, LOTS.south);
    expect(south.map((r) => [r.bidId, r.rank])).toEqual([[bid.fed, 1], [bid.carecorp, 2]]);
    expect(south[0]!.pricePoints).toBeCloseTo(26.6667, 4);
    // Meadow fails the quality pass mark: not ranked, and CareCorp's price is scored against the qualifying bids.
    const east = lotsOf(ranking, LOTS.east);
    expect(east.map((r) => [r.bidId, r.rank, r.totalPoints])).toEqual([[bid.carecorp, 1, 80], [bid.meadow, null, expect.any(Number)]]);
    expect(east[1]!.exclusionReasons).toEqual(['Quality and innovation scored 1 of 5, below the pass mark of 2.']);

    const recommendation = completed.body.recommendation;
    expect(recommendation).toMatchObject({ rule: 'maximise-lots-then-score', lotLimit: 1, lotsAwarded: 3 });
    expect(recommendation.lots.map((l: { lotId: string; bidId: string; rankInLot: number }) => [l.lotId, l.bidId, l.rankInLot])).toEqual([
      [LOTS.north, bid.riverside, 2],
      [LOTS.south, bid.fed, 1],
      [LOTS.east, bid.carecorp, 1],
    ]);
    expect(recommendation.lots[0].explanation).toBe(
      'North locality went to Riverside Medical Practice (score 84.00), second-highest here: the top scorer, Valley GP Federation (90.00), already holds its limit of 1 lot (South locality).',
    );
    await expectRefusal(p, () => p.as(t.icb).post(`${BASE}/moderation`).send({ bidId: bid.fed, criterionId: 'quality', consensusScore: 4, rationale: 'Second thoughts.' }), 409, 'EVALUATION_COMPLETED');
  });

  it('recomputes the ranking from the events and shows each reader what it may see', async () => {
    const verified = await p.as(t.icb).get(`${BASE}/ranking`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ verified: true, verification: { rankingMatches: true, recommendationMatches: true } });
    // The award context's entry points: folded from the stream, and from the read model, agree.
    const outcome = await loadEvaluationOutcome(p.store, TENDER);
    expect(outcome?.recommendation.lots.map((l) => l.bidId)).toEqual([bid.riverside, bid.fed, bid.carecorp]);
    expect(p.platform.app.get(EvaluationResults).outcome(TENDER)).toEqual(outcome);
    expect(verified.body.ranking).toEqual(JSON.parse(JSON.stringify(outcome!.ranking)));
    expect((await p.as(t.auditor).get(`${BASE}/ranking`)).body.verified).toBe(true);
    await expectRefusal(p, () => p.as(t.anna).get(`${BASE}/ranking`), 403, 'ROLE_NOT_ALLOWED');

    const auditor = await p.as(t.auditor).get(BASE);
    expect(auditor.body.submissions).toHaveLength(7);
    expect(auditor.body.recommendation.lotsAwarded).toBe(3);
    const ben = await p.as(t.ben).get(BASE);
    expect(ben.body).toMatchObject({ status: 'completed', ranking: null, recommendation: null });
    expect(ben.body.submissions.some((s: { bidId: string }) => s.bidId === bid.fed)).toBe(false);
    await expectRefusal(p, () => p.as(t.cara).get(BASE), 403, 'EVALUATION_NOT_VISIBLE');
    await expectRefusal(p, () => p.as(t.south).get(BASE), 403, 'EVALUATION_NOT_YOURS');
  });
});
