import type request from 'supertest';
import type { StoredEvent } from '@tenderledger/event-store';
import { contractDecider, type ContractEvent, type ContractState } from '@tenderledger/registry';
import { englandAndWales } from '@tenderledger/domain-kit';

/**
 * Issue 4's lifecycle scenario, shared by both shapes (issue 6): the one-process platform drives it
 * in-process over supertest (test/e2e/lifecycle-scenario.e2e.spec.ts), the distributed shape over
 * HTTP to its gateway with every service its own process (test/infra/distributed-scenario.spec.ts).
 * What differs between the shapes is behind ScenarioTarget: how time moves, how to wait for the
 * process managers, how to read the store.
 */
export interface ScenarioTarget {
  /** A dev token for an organisation and role. */
  token(role: string, organisationId: string, userId?: string): Promise<string>;
  as(token: string): Record<'get' | 'post' | 'put' | 'patch' | 'delete', (url: string) => request.Test>;
  /** Moves the clock forward to an instant (every process's clock, in the distributed shape). */
  setClock(to: string): Promise<void>;
  /** Waits until the deadline jobs have acted on the last clock move and the read models have caught up. */
  settle(): Promise<void>;
  readStream(streamId: string): Promise<StoredEvent[]>;
  eventCount(): Promise<number>;
  /** How long `eventually` keeps looking for something another process does. */
  readonly patienceMs: number;
}

/** The scenario's starting instant: every target's clock starts here. */
export const SCENARIO_START = '2026-09-01T09:00:00.000Z';

/** Runs a refused request and checks its status, its stable code, and that nothing was appended. */
export async function expectRefusal(target: ScenarioTarget, send: () => request.Test, status: number, code: string): Promise<request.Response> {
  const before = await target.eventCount();
  const res = await send();
  if (res.status !== status || res.body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(typeof res.body.message).toBe('string');
  expect(await target.eventCount()).toBe(before);
  return res;
}

export async function eventually<T>(target: ScenarioTarget, check: () => Promise<T>, timeoutMs = target.patienceMs): Promise<T> {
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

/**
 * Issue 4's acceptance criterion: the whole life of a procurement, entirely over HTTP on the embedded
 * store with the fixed clock, from the register to the register.
 *
 * Meadow Health Centre holds the APMS contract for 72,000 patients. North ICB re-procures it under
 * the PSR competitive process in three locality lots, at most one lot per bidder. Four bidders: two
 * practices bidding alone (Riverside, Meadow — the incumbent), the Valley GP Federation (a consortium
 * of Hilltop Surgery and Brook Lane Practice) and CareCorp Ltd. Bids go in in autumn 2026, are opened at
 * the deadline, and are evaluated by a panel of two (one conflicted with Brook Lane).
 *
 * Consensus (quality 40% and access 20%, both 0–5, quality pass mark 2; price 40%, proportional difference):
 *   North (30,000): Valley 5/5 → 40 + 20 = 60, price £4.5m against the lowest £3.6m: 40 × (1 − 0.9/3.6) = 30 → 90;
 *                   Riverside 4/3 → 32 + 12 = 44, the lowest price → 40 → 84.
 *   South (24,000): Valley 60 + 40 × (1 − 0.8/2.4) = 86.67; CareCorp 3/4 → 24 + 16 + 40 = 80.
 *   East  (18,000): CareCorp 80, the only qualifying bid; Meadow 1/3 fails the quality pass mark of 2.
 * Lot limit 1: the only way to award all three lots is Riverside → North, Valley → South (its second-best
 * lot: it tops North but already holds its limit), CareCorp → East. The incumbent wins nothing.
 *
 * The award notice goes out on Monday 21 December 2026; Meadow challenges the whole award during the
 * Christmas standstill; dismissed on 7 January, PSR adds 5 working days; the process manager then
 * concludes all three contracts and the register shows the provider change.
 */
export const ICB = 'org-icb-north';
export const TENDER = 'tender-meadow-2027';
const OLD_CONTRACT = 'contract-apms-meadow';
const DEADLINE = '2026-10-30T12:00:00.000Z';
const DECIDED_AT = '2026-12-21T10:00:00.000Z'; // 10:00 in London (GMT in winter)
const STANDSTILL_END = '2027-01-06T00:00:00.000Z';
const FURTHER_END = '2027-01-15T00:00:00.000Z';
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

type Row = { bidId: string; rank: number | null; qualityPoints: number; pricePoints: number; totalPoints: number; exclusionReasons: string[] };
type LotRow = { lotId: string; results: Row[] };
type Scores = { totalScore: number; qualityPoints: number; pricePoints: number };
type Summary = { bidId: string; bidderId: string; outcome: string; scores: Scores; winnerScores: Scores; reasons: string[] };
type LotView = { lotId: string; status: string; winner: { bidderId: string; bidId: string } | null; standstill: { endsAt: string; lastWorkingDay: string } | null; assessmentSummaries: Summary[]; ranking?: unknown[] };

/** What the scenario leaves behind for comparisons: the tokens it used and the bids' ids by bidder. */
export interface ScenarioRun {
  readonly tokens: Record<string, string>;
  readonly bids: Record<string, string>;
}

/** Something to do between two steps (e.g. restart the Kafka broker after step 3), as its own test. */
export interface Interlude {
  /** The step it follows, by number: '1', '2', '3', '4a', …, '7'. */
  readonly after: string;
  readonly name: string;
  readonly run: () => Promise<void>;
}

/**
 * The lifecycle scenario's steps as jest `it` blocks, to be called inside a describe. `target` is
 * read lazily (the describe's beforeAll builds it). Returns the run's tokens and bid ids.
 */
export function lifecycleScenario(target: () => ScenarioTarget, interludes: readonly Interlude[] = []): ScenarioRun {
  const t: Record<string, string> = {};
  const bid: Record<string, string> = {};
  const step = (name: string, fn: () => Promise<void>): void => {
    it(name, fn);
    const number = name.slice(0, name.indexOf('.'));
    for (const interlude of interludes.filter((i) => i.after === number)) it(interlude.name, interlude.run);
  };

  beforeAll(async () => {
    const at = target();
    t.admin = await at.token('admin', 'org-platform');
    t.icb = await at.token('commissioner', ICB, 'jane.commissioner');
    t.riverside = await at.token('bidder', 'org-riverside', 'dr.riverside');
    t.meadow = await at.token('bidder', 'org-meadow', 'dr.meadow');
    t.fed = await at.token('bidder', 'org-valley-fed', 'fed.manager');
    t.carecorp = await at.token('bidder', 'org-carecorp');
    t.anna = await at.token('evaluator', ICB, ANNA.evaluatorId);
    t.ben = await at.token('evaluator', BEN.organisationId, BEN.evaluatorId);
    t.auditor = await at.token('auditor', 'org-nao');
  });

  const score = (quality: number, access: number, why = 'Evidence in the response, section 3.') => [
    { criterionId: 'quality', score: quality, justification: why },
    { criterionId: 'access', score: access, justification: why },
  ];
  const lotsOf = (body: { lots: LotRow[] }, lotId: string) => body.lots.find((l) => l.lotId === lotId)!.results;
  const lotOf = (body: { lots: LotView[] }, lotId: string): LotView => body.lots.find((lot) => lot.lotId === lotId)!;
  const awardEvents = async () => (target().readStream(`award-${TENDER}`));
  const concludedEvents = async () => (await awardEvents()).filter((e) => e.type === 'ContractConcluded');
  const contractOf = async (id: string) => {
    const events = await (target().readStream(`contract-${id}`));
    const state = events.reduce<ContractState>((s, e) => contractDecider.evolve(s, { type: e.type, data: e.data } as ContractEvent), contractDecider.initialState());
    return { events, state };
  };


  step('1. registers the commissioner, two practices, a federation of member practices and a company', async () => {
    const register = (token: string, body: object) => target().as(token).post('/api/organisations').send(body);
    expect((await register(t.admin, { organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' } })).status).toBe(201);
    expect((await register(t.riverside, { name: 'Riverside Medical Practice', kind: 'practice', odsCode: 'A81001', listSize: 8_400 })).status).toBe(201);
    for (const [id, name, ods, list] of [['org-meadow', 'Meadow Health Centre', 'A81004', 5_200], ['org-hilltop', 'Hilltop Surgery', 'A81002', 12_500], ['org-brook', 'Brook Lane Practice', 'A81003', 6_100]] as const) {
      expect((await register(t.admin, { organisationId: id, name, kind: 'practice', odsCode: ods, listSize: list })).status).toBe(201);
    }
    const fed = await register(t.admin, { organisationId: 'org-valley-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-hilltop', 'org-brook'], staff: 60 });
    expect(fed.status).toBe(201);
    expect(fed.body).toMatchObject({ kind: 'federation', members: ['org-hilltop', 'org-brook'] });
    const company = await register(t.admin, { organisationId: 'org-carecorp', name: 'CareCorp Ltd', kind: 'company', staff: 900 });
    expect(company.status).toBe(201);
    expect(company.body.sizeBand).toBe('large');
  });

  step('2. registers the incumbent’s contract and drafts a three-lot PSR tender replacing it, lot limit 1, then publishes it', async () => {
    const registered = await target().as(t.icb).post('/api/contracts').send({
      contractId: OLD_CONTRACT, reference: 'APMS-MEADOW-01', contractType: 'APMS', holderId: 'org-meadow', commissionerId: ICB,
      region: 'North East and Yorkshire', listSize: 72_000, annualValuePence: 720_000_000, startDate: '2017-04-01', endDate: '2027-03-31',
      services: ['core general practice'],
    });
    expect([registered.status, registered.body.code]).toEqual([201, undefined]);

    const draft = await target().as(t.icb).post('/api/tenders').send({
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
      timeline: { clarificationDeadline: '2026-10-01T12:00:00.000Z', submissionDeadline: DEADLINE, plannedAwardDate: '2026-12-21T12:00:00.000Z' },
      region: 'North East and Yorkshire',
      lotLimit: 1,
    });
    expect([draft.status, draft.body.code]).toEqual([201, undefined]);
    expect(draft.body.criteria.map((c: { id: string; passMark?: number }) => [c.id, c.passMark ?? null])).toEqual([['quality', 2], ['access', null], ['price', null]]);

    const lot = (id: string, title: string, locality: string, population: number) => ({ id, title, description: `Core general practice, ${locality}.`, scope: [{ serviceLineId: 'core', localityIds: [locality] }], population, estimatedAnnualValuePence: population * 10_000 });
    await target().as(t.icb).put(`/api/tenders/${TENDER}/lots`).send({ lots: [lot(LOTS.north, 'North locality', 'north', 30_000), lot(LOTS.south, 'South locality', 'south', 24_000), lot(LOTS.east, 'East locality', 'east', 18_000)] }).expect(200);
    const published = await target().as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({});
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    await target().settle();
    await eventually(target(), async () => expect((await target().as(t.icb).get(`/api/contracts/${OLD_CONTRACT}`)).body.markedForReprocurement).toBe(true));
  });

  step('3. takes four bids in autumn 2026 (the federation as a consortium) and opens them once the deadline has passed', async () => {
    await target().setClock('2026-10-05T09:00:00.000Z');
    const content = (prices: [string, number, number?][]) => ({
      lots: prices.map(([lotId, price, preference]) => ({ lotId, price, ...(preference ? { preference } : {}) })),
      qualityResponses: CRITERIA.filter((c) => c.kind !== 'price').map((c) => ({ criterionId: c.id, response: `Our answer on ${c.name}.` })),
      socialValueCommitments: ['Local apprenticeships'],
    });
    const submit = async (who: string, bidder: object, prices: [string, number, number?][]) => {
      const res = await target().as(t[who]!).post('/api/bids').send({ tenderId: TENDER, bidder, content: content(prices) });
      expect([res.status, res.body.code, res.body.message]).toEqual([201, undefined, undefined]);
      bid[who] = res.body.bidId;
    };
    await submit('riverside', { kind: 'organisation' }, [[LOTS.north, 360_000_000]]);
    await submit('fed', { kind: 'consortium', name: 'Valley GP Federation', memberOrganisationIds: ['org-hilltop', 'org-brook'] }, [[LOTS.north, 450_000_000, 1], [LOTS.south, 320_000_000, 2]]);
    await target().setClock('2026-10-20T14:00:00.000Z');
    await submit('carecorp', { kind: 'organisation' }, [[LOTS.south, 240_000_000], [LOTS.east, 200_000_000]]);
    await submit('meadow', { kind: 'organisation' }, [[LOTS.east, 190_000_000]]);

    // Sealed until the deadline: nobody, not even the commissioner, can read a bid's content.
    await expectRefusal(target(), () => target().as(t.icb).get(`/api/bids/${bid.fed}`), 403, 'BID_SEALED');
    await expectRefusal(target(), () => target().as(t.icb).post(BASE).send({}), 409, 'EVALUATION_SUBMISSIONS_NOT_CLOSED');

    await target().setClock('2026-10-30T12:00:01.000Z');
    await target().settle();
    for (const who of ['riverside', 'fed', 'carecorp', 'meadow']) {
      await eventually(target(), async () => expect((await target().as(t.icb).get(`/api/bids/${bid[who]}`)).body.content).toBeDefined());
      const opened = (await (target().readStream(`bid-${bid[who]}`))).find((e) => e.type === 'BidOpened');
      expect(opened?.actor.userId).toBe('process-manager:open-bids');
    }
    await eventually(target(), async () => expect((await target().as(t.icb).get(`/api/tenders/${TENDER}`)).body.status).not.toBe('published'));
  });

  step('4a. opens the evaluation with the stated price formula and a panel of two; the conflicted evaluator is kept off the federation’s bid', async () => {
    await target().setClock('2026-11-09T10:00:00.000Z');
    const opened = await target().as(t.icb).post(BASE).send({ priceFormula: 'proportional-difference' });
    expect(opened.status).toBe(201);
    expect(opened.body.rules).toMatchObject({ lotLimit: 1, priceFormula: 'proportional-difference', awardRule: 'maximise-lots-then-score' });
    expect(opened.body.bids).toHaveLength(4);
    expect(opened.body.bids.find((b: { bidId: string }) => b.bidId === bid.fed)).toMatchObject({
      bidderName: 'Valley GP Federation',
      bidder: { kind: 'consortium', leadOrganisationId: 'org-valley-fed', memberOrganisationIds: ['org-hilltop', 'org-brook'] },
    });

    await target().as(t.icb).post(`${BASE}/panel`).send({ evaluators: [ANNA, BEN] }).expect(201);
    await target().as(t.anna).post(`${BASE}/conflicts`).send({ none: true }).expect(201);
    const declared = await target().as(t.ben).post(`${BASE}/conflicts`).send({ organisationId: 'org-brook', nature: 'Salaried GP at Brook Lane Practice until 2024.' });
    expect(declared.status).toBe(201);

    await target().as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: ANNA.evaluatorId, bidIds: [bid.riverside, bid.fed, bid.carecorp, bid.meadow] }).expect(201);
    // Brook Lane is a member of the Valley consortium: Ben may not evaluate its bid, and nothing is recorded.
    const refused = await expectRefusal(target(), () => target().as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: BEN.evaluatorId, bidIds: [bid.fed] }), 422, 'EVALUATION_ASSIGNMENT_CONFLICT');
    expect(refused.body.details).toMatchObject({ evaluatorId: BEN.evaluatorId, bidId: bid.fed, organisationId: 'org-brook' });
    await target().as(t.icb).post(`${BASE}/assignments`).send({ evaluatorId: BEN.evaluatorId, bidIds: [bid.riverside, bid.carecorp, bid.meadow] }).expect(201);
    await expectRefusal(target(), () => target().as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.fed, scores: score(4, 3) }), 422, 'EVALUATION_ASSIGNMENT_CONFLICT');
  });

  step('4b. the evaluators score independently: neither sees the other’s scores for a bid before giving its own', async () => {
    await target().as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 3) }).expect(201);
    const benBefore = await target().as(t.ben).get(BASE);
    expect(benBefore.status).toBe(200);
    expect(benBefore.body.submissions).toEqual([]);
    expect(JSON.stringify(benBefore.body.submissions) + JSON.stringify(benBefore.body.moderation)).not.toContain(ANNA.evaluatorId);

    await target().as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.riverside, scores: score(4, 2) }).expect(201);
    const benAfter = await target().as(t.ben).get(BASE);
    expect(benAfter.body.submissions.map((s: { evaluatorId: string; bidId: string }) => [s.evaluatorId, s.bidId])).toEqual([
      [ANNA.evaluatorId, bid.riverside],
      [BEN.evaluatorId, bid.riverside],
    ]);

    // Ben scores CareCorp and Meadow first this time: Anna sees none of it until she has given her own.
    await target().as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.carecorp, scores: score(3, 4) }).expect(201);
    await target().as(t.ben).post(`${BASE}/scores`).send({ bidId: bid.meadow, scores: score(2, 3) }).expect(201);
    const annaBefore = await target().as(t.anna).get(BASE);
    expect(annaBefore.body.submissions.map((s: { bidId: string }) => s.bidId).sort()).toEqual([bid.riverside, bid.riverside].sort());
    await target().as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.fed, scores: score(5, 5) }).expect(201);
    await target().as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.carecorp, scores: score(3, 4) }).expect(201);
    await target().as(t.anna).post(`${BASE}/scores`).send({ bidId: bid.meadow, scores: score(1, 3) }).expect(201);
    const annaAfter = await target().as(t.anna).get(BASE);
    expect(annaAfter.body.submissions.filter((s: { evaluatorId: string }) => s.evaluatorId === BEN.evaluatorId).map((s: { bidId: string }) => s.bidId).sort()).toEqual([bid.riverside, bid.carecorp, bid.meadow].sort());
    // Nobody scored the federation's bid but Anna.
    expect(annaAfter.body.submissions.filter((s: { bidId: string }) => s.bidId === bid.fed).map((s: { evaluatorId: string }) => s.evaluatorId)).toEqual([ANNA.evaluatorId]);
  });

  step('4c. moderates every bid and criterion, completes, checks a price by hand and recommends within the lot limit', async () => {
    const consensus: [string, number, number][] = [['riverside', 4, 3], ['fed', 5, 5], ['carecorp', 3, 4], ['meadow', 1, 3]];
    await expectRefusal(target(), () => target().as(t.icb).post(`${BASE}/complete`).send({}), 409, 'EVALUATION_INCOMPLETE');
    for (const [who, quality, access] of consensus) {
      for (const [criterionId, consensusScore] of [['quality', quality], ['access', access]] as const) {
        await target().as(t.icb).post(`${BASE}/moderation`).send({ bidId: bid[who], criterionId, consensusScore, rationale: `Panel consensus after discussion of ${who}.` }).expect(201);
      }
    }
    await target().as(t.icb).post(`${BASE}/compliance`).send({ bidId: bid.carecorp, passed: true, reason: 'CQC registration and indemnity supplied.' }).expect(201);

    const completed = await target().as(t.icb).post(`${BASE}/complete`).send({});
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('completed');
    const ranking = completed.body.ranking as { lots: LotRow[] };

    // The proportional-difference formula by hand, Valley on North: weight 40 × (1 − (price − lowest) ÷ lowest)
    // = 40 × (1 − (£4.5m − £3.6m) ÷ £3.6m) = 40 × 0.75 = 30.
    const [lowest, valleyNorth, weight] = [360_000_000, 450_000_000, 40];
    const byHand = weight * (1 - (valleyNorth - lowest) / lowest);
    expect(byHand).toBe(30);
    const north = lotsOf(ranking, LOTS.north);
    expect(north.map((r) => [r.bidId, r.rank, r.qualityPoints, r.pricePoints, r.totalPoints])).toEqual([
      [bid.fed, 1, 60, byHand, 90],
      [bid.riverside, 2, 44, 40, 84],
    ]);
    const south = lotsOf(ranking, LOTS.south);
    expect(south.map((r) => [r.bidId, r.rank])).toEqual([[bid.fed, 1], [bid.carecorp, 2]]);
    expect(south[0]!.pricePoints).toBeCloseTo(40 * (1 - (320_000_000 - 240_000_000) / 240_000_000), 6);
    // Meadow's consensus quality score of 1 is below the pass mark of 2: not ranked.
    const east = lotsOf(ranking, LOTS.east);
    expect(east.map((r) => [r.bidId, r.rank])).toEqual([[bid.carecorp, 1], [bid.meadow, null]]);
    expect(east[0]!.totalPoints).toBe(80);
    expect(east[1]!.exclusionReasons).toEqual(['Quality and innovation scored 1 of 5, below the pass mark of 2.']);

    const recommendation = completed.body.recommendation;
    expect(recommendation).toMatchObject({ rule: 'maximise-lots-then-score', lotLimit: 1, lotsAwarded: 3 });
    expect(recommendation.lots.map((l: { lotId: string; bidId: string; rankInLot: number }) => [l.lotId, l.bidId, l.rankInLot])).toEqual([
      [LOTS.north, bid.riverside, 2],
      [LOTS.south, bid.fed, 1],
      [LOTS.east, bid.carecorp, 1],
    ]);
    expect(recommendation.lots[0].explanation).toContain('already holds its limit of 1 lot');
    expect(recommendation.lots[0].explanation).toBe(
      'North locality went to Riverside Medical Practice (score 84.00), second-highest here: the top scorer, Valley GP Federation (90.00), already holds its limit of 1 lot (South locality).',
    );
    expect((await target().as(t.icb).get(`${BASE}/ranking`)).body).toMatchObject({ verified: true });
  });

  step('8a. before the decision bidders see neither the evaluation nor any assessment', async () => {
    await expectRefusal(target(), () => target().as(t.meadow).get(BASE), 403, 'ROLE_NOT_ALLOWED');
    await expectRefusal(target(), () => target().as(t.meadow).get(AWARD), 404, 'AWARD_NOT_DECIDED');
    await expectRefusal(target(), () => target().as(t.fed).get(AWARD), 404, 'AWARD_NOT_DECIDED');
  });

  step('5. decides the award on Monday 21 December 2026: the PSR standstill runs over Christmas to the end of Tuesday 5 January', async () => {
    await target().setClock(DECIDED_AT);
    const res = await target().as(t.icb).post(`${AWARD}/decision`).send(DECISION);
    expect(res.status).toBe(201);
    // By hand: PSR counts 8 working days from the day after the notice (Mon 21 December):
    //   Tue 22, Wed 23, Thu 24 December; not Fri 25 (Christmas Day), Sat 26 / Sun 27 (weekend; Boxing Day falls
    //   on the Saturday, so Mon 28 is the substitute bank holiday); Tue 29, Wed 30, Thu 31 December; not Fri 1
    //   January (New Year's Day) nor Sat 2 / Sun 3; Mon 4, Tue 5 January → the 8th working day is Tue 5 January,
    //   and the standstill ends at its end: midnight London = 2027-01-06T00:00:00.000Z (GMT in winter).
    const counted = ['2026-12-22', '2026-12-23', '2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05'];
    for (const day of counted) expect(englandAndWales.isWorkingDay(day)).toBe(true);
    for (const day of ['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2027-01-01', '2027-01-02', '2027-01-03']) expect(englandAndWales.isWorkingDay(day)).toBe(false);
    expect(counted).toHaveLength(8);
    expect(res.body.standstillEndsAt).toBe(STANDSTILL_END);
    expect(res.body.contractTerm).toEqual({ startDate: '2027-04-01', endDate: '2032-03-31' });
    for (const lotId of Object.values(LOTS)) {
      expect(lotOf(res.body, lotId).standstill).toMatchObject({ noticeDate: '2026-12-21', counting: 'day-after-notice', workingDays: 8, lastWorkingDay: '2027-01-05', endsAt: STANDSTILL_END });
    }
    expect(Object.values(LOTS).map((lotId) => lotOf(res.body, lotId).winner!.bidderId)).toEqual(['org-riverside', 'org-valley-fed', 'org-carecorp']);
    expect(lotOf(res.body, LOTS.north).winner!.bidId).toBe(bid.riverside);
    await expectRefusal(target(), () => target().as(t.icb).post(`${AWARD}/conclude`).send({}), 409, 'STANDSTILL_NOT_OVER');
  });

  step('8b. after the decision each bidder sees only its own assessment summary, with its scores and the winner’s', async () => {
    const seen = async (token: string) => (await target().as(token).get(AWARD).expect(200)).body as { lots: LotView[]; challenges: unknown[] };

    // Meadow, the incumbent, lost East: its summary, its scores against CareCorp's, and nobody else's.
    const meadow = await seen(t.meadow);
    expect(lotOf(meadow, LOTS.north).assessmentSummaries).toEqual([]);
    expect(lotOf(meadow, LOTS.south).assessmentSummaries).toEqual([]);
    const [meadowEast, ...others] = lotOf(meadow, LOTS.east).assessmentSummaries;
    expect(others).toEqual([]);
    expect(meadowEast).toMatchObject({ bidId: bid.meadow, bidderId: 'org-meadow', outcome: 'excluded', winnerScores: { totalScore: 80, qualityPoints: 40, pricePoints: 40 } });
    expect(meadowEast!.scores.qualityPoints).toBe(20); // 1/5 × 40 + 3/5 × 20
    expect(meadowEast!.reasons.join(' ')).toContain('below the pass mark of 2');
    for (const lotId of Object.values(LOTS)) expect(lotOf(meadow, lotId).ranking).toBeUndefined();
    expect(JSON.stringify(meadow.lots.flatMap((l) => l.assessmentSummaries))).not.toMatch(/org-carecorp|org-riverside|org-valley-fed/);

    // Valley topped North but lost it to the lot limit: its own North summary says so, with Riverside's scores.
    const fed = await seen(t.fed);
    const fedNorth = lotOf(fed, LOTS.north).assessmentSummaries;
    expect(fedNorth).toEqual([expect.objectContaining({ bidderId: 'org-valley-fed', outcome: 'not-awarded', scores: { totalScore: 90, qualityPoints: 60, pricePoints: 30 }, winnerScores: { totalScore: 84, qualityPoints: 44, pricePoints: 40 } })]);
    expect(fedNorth[0]!.reasons[0]).toContain('already holds its limit of 1 lot');
    expect(lotOf(fed, LOTS.south).assessmentSummaries).toEqual([expect.objectContaining({ bidderId: 'org-valley-fed', outcome: 'awarded' })]);
    expect(lotOf(fed, LOTS.east).assessmentSummaries).toEqual([]);

    // The commissioner sees every summary and the full ranking.
    const full = await seen(t.icb);
    expect(lotOf(full, LOTS.north).assessmentSummaries.map((s) => s.bidderId)).toEqual(['org-valley-fed', 'org-riverside']);
    expect(lotOf(full, LOTS.east).assessmentSummaries.map((s) => s.bidderId)).toEqual(['org-carecorp', 'org-meadow']);
    expect(lotOf(full, LOTS.north).ranking).toHaveLength(2);
  });

  step('6a. a challenge lodged during standstill holds every lot: conclusion is refused and the ticker concludes nothing, even after 6 January', async () => {
    await target().setClock('2026-12-30T11:00:00.000Z');
    const lodged = await target().as(t.meadow).post(`${AWARD}/challenges`).send({ kind: 'challenge', grounds: 'The pass mark on quality was applied to a question the specification did not publish.' });
    expect(lodged.status).toBe(201);
    expect(lodged.body).toMatchObject({ kind: 'challenge', by: 'org-meadow', decision: null });
    expect(lodged.body.against).toEqual([
      { lotId: LOTS.north, bidId: bid.riverside },
      { lotId: LOTS.south, bidId: bid.fed },
      { lotId: LOTS.east, bidId: bid.carecorp },
    ]);
    t.challenge = lodged.body.id;
    expect((await target().as(t.fed).get(AWARD)).body.challenges).toEqual([]);
    expect((await target().as(t.meadow).get(AWARD)).body.challenges).toHaveLength(1);

    await expectRefusal(target(), () => target().as(t.icb).post(`${AWARD}/conclude`).send({}), 409, 'AWARD_SUSPENDED_BY_CHALLENGE');

    await target().setClock('2027-01-06T00:00:00.000Z');
    await target().settle();
    await target().setClock('2027-01-06T09:00:00.000Z');
    const before = await target().eventCount();
    await target().settle();
    expect(await target().eventCount()).toBe(before);
    expect(await concludedEvents()).toEqual([]);
    await expectRefusal(target(), () => target().as(t.icb).post(`${AWARD}/conclude`).send({}), 409, 'AWARD_SUSPENDED_BY_CHALLENGE');
    const award = (await target().as(t.icb).get(AWARD)).body;
    expect(award.lots.map((lot: LotView) => lot.status)).toEqual(['pending', 'pending', 'pending']);
    expect((await target().as(t.icb).get(`/api/contracts/${OLD_CONTRACT}`)).body.status).toBe('active');
  });

  step('6b. the commissioner dismisses it: PSR adds 5 working days, then the process manager concludes the contracts', async () => {
    await target().setClock('2027-01-07T10:00:00.000Z');
    const res = await target().as(t.icb).post(`${AWARD}/challenges/${t.challenge}/outcome`).send({ outcome: 'dismissed', reasons: 'The quality question was published in the specification, section 4.' });
    expect(res.status).toBe(200);
    // By hand: 5 working days from the day after Thu 7 January: Fri 8, (weekend 9–10), Mon 11, Tue 12,
    // Wed 13, Thu 14 → ends at the end of Thu 14 January = 2027-01-15T00:00:00.000Z.
    for (const day of ['2027-01-08', '2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14']) expect(englandAndWales.isWorkingDay(day)).toBe(true);
    for (const lotId of Object.values(LOTS)) expect(lotOf(res.body, lotId).standstill).toMatchObject({ lastWorkingDay: '2027-01-14', endsAt: FURTHER_END });
    expect(res.body.standstillEndsAt).toBe(FURTHER_END);
    expect(res.body.challenges).toEqual([expect.objectContaining({ id: t.challenge, decision: expect.objectContaining({ outcome: 'dismissed' }) })]);

    await target().setClock('2027-01-14T23:59:00.000Z');
    await target().settle();
    expect(await concludedEvents()).toEqual([]);
    await expectRefusal(target(), () => target().as(t.icb).post(`${AWARD}/conclude`).send({}), 409, 'STANDSTILL_NOT_OVER');

    await target().setClock('2027-01-15T08:00:00.000Z');
    await target().settle();
    const concluded = await concludedEvents();
    expect(concluded.map((e) => (e.data as { lotId: string }).lotId)).toEqual([LOTS.north, LOTS.south, LOTS.east]);
    for (const event of concluded) {
      expect(event.actor).toEqual({ userId: 'process-manager:conclude-contracts', role: 'system', organisationId: null });
      expect(event.data).toMatchObject({ replacesContractId: OLD_CONTRACT, startDate: '2027-04-01', endDate: '2032-03-31', concludedAt: '2027-01-15T08:00:00.000Z' });
    }
    const award = (await target().as(t.icb).get(AWARD)).body;
    expect(award.lots.map((lot: LotView) => lot.status)).toEqual(['concluded', 'concluded', 'concluded']);
    expect(award.standstillEndsAt).toBeNull();
  });

  step('7. the register shows the provider change: the incumbent’s contract ends as replaced, the successors are held by the new providers', async () => {
    await target().settle();
    // North concluded first: it records the outcome on the replaced contract. (In the distributed
    // shape the register hears ContractConcluded over Kafka: it follows a moment later.)
    const old = await eventually(target(), async () => {
      const contract = await contractOf(OLD_CONTRACT);
      expect(contract.state.status).toBe('ended');
      return contract;
    });
    expect(old.state).toMatchObject({ status: 'ended', endedBy: 'replaced', endedOn: '2027-04-01' });
    const awarded = old.events.filter((e) => e.type === 'ContractAwarded');
    expect(awarded).toHaveLength(1);
    expect(awarded[0]!.data).toMatchObject({
      tenderId: TENDER,
      holderId: 'org-meadow',
      newHolderId: 'org-riverside',
      incumbentRetained: false,
      successorContractId: `${TENDER}.${LOTS.north}`,
      newStartDate: '2027-04-01',
      newEndDate: '2032-03-31',
    });
    expect(awarded[0]!.actor.userId).toBe('process-manager:register-after-award');

    const register = await eventually(target(), async () => {
      const rows = (await target().as(t.icb).get('/api/contracts').expect(200)).body as { contractId: string; holderId: string; status: string; history: { type: string }[] }[];
      expect(rows).toHaveLength(4);
      return rows;
    });
    const row = (id: string) => register.find((c) => c.contractId === id)!;
    expect(row(OLD_CONTRACT)).toMatchObject({ holderId: 'org-meadow', status: 'ended' });
    expect(row(OLD_CONTRACT).history.map((h) => h.type)).toEqual(['ContractRegistered', 'ContractMarkedForReprocurement', 'ContractAwarded']);
    expect([LOTS.north, LOTS.south, LOTS.east].map((lot) => [row(`${TENDER}.${lot}`).holderId, row(`${TENDER}.${lot}`).status])).toEqual([
      ['org-riverside', 'active'],
      ['org-valley-fed', 'active'],
      ['org-carecorp', 'active'],
    ]);
    expect((await target().as(t.icb).get('/api/contracts?status=active')).body.map((c: { holderId: string }) => c.holderId)).not.toContain('org-meadow');

    const north = (await target().as(t.icb).get(`/api/contracts/${TENDER}.${LOTS.north}`).expect(200)).body;
    expect(north).toMatchObject({ holderId: 'org-riverside', commissionerId: ICB, contractType: 'APMS', status: 'active', startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 360_000_000, listSize: 30_000 });
    for (const lot of [LOTS.north, LOTS.south, LOTS.east]) {
      const [registered] = (await eventually(target(), async () => {
        const contract = await contractOf(`${TENDER}.${lot}`);
        expect(contract.events.length).toBeGreaterThan(0);
        return contract;
      })).events;
      expect(registered!.type).toBe('ContractRegistered');
      expect(registered!.data).toMatchObject({ predecessor: { contractId: OLD_CONTRACT, tenderId: TENDER } });
    }
  });

  return { tokens: t, bids: bid };
}
