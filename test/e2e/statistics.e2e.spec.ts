import { expectRefusal, settle, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Turnover statistics over HTTP (DESIGN §7, issue 5), on a small history with hand-computed figures:
 * - Meadow's APMS contract is re-procured in two lots (PSR competitive, published 1 Sep 2026). North: Riverside
 *   (small) and CareCorp, whose quality fails the pass mark, so Riverside is the only qualifying bid; South: the
 *   Valley GP Federation alone, as a consortium (a single-bid lot). Decided 21 Dec 2026; CareCorp's challenge is
 *   dismissed on 7 Jan 2027; concluded 15 Jan 2027: the provider changes (Meadow keeps nothing).
 * - Riverside's GMS contract is renewed by PSR direct award C (decided 21 Dec 2026, concluded 6 Jan 2027).
 * - Hilltop's PMS contract is renewed without competition on 20 Jan 2027 (contract option).
 * - A London GMS contract held by CareCorp runs throughout (for the region filter).
 */
const ICB = 'org-icb-north';
const REGION = 'North East and Yorkshire';
const TENDER = 'tender-meadow-2027';
const OLD = 'contract-apms-meadow';
const GMS = 'contract-gms-riverside';
const PMS = 'contract-pms-hilltop';
const LONDON = 'contract-gms-london';
const EVAL = `/api/tenders/${TENDER}/evaluation`;
const AWARD = `/api/tenders/${TENDER}/award`;
const CRITERIA = [
  { id: 'quality', name: 'Quality and innovation', kind: 'quality', weightBasisPoints: 4_000, maxScore: 5, passMark: 2 },
  { id: 'access', name: 'Improving access', kind: 'quality', weightBasisPoints: 2_000, maxScore: 5 },
  { id: 'price', name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100 },
];
const ANNA = { evaluatorId: 'anna.shah', name: 'Anna Shah', role: 'commissioner-staff', organisationId: ICB };
const ASSESSMENT = {
  'quality-and-innovation': 'CQC good; patient survey above the ICB average.',
  value: 'Price unchanged in real terms; within the budget.',
  'integration-collaboration-and-service-sustainability': 'Active member of the primary care network.',
  'improving-access-reducing-health-inequalities-and-facilitating-choice': 'Extended hours and a branch surgery in the most deprived ward.',
  'social-value': 'Local employment and apprenticeships.',
};

type Figure = { key: string; label: string; unit: string; value: number | null; numerator?: number; denominator?: number; definition: string };
type Report = { filter: Record<string, unknown>; period: { from: string; to: string }; figures: Figure[]; redFlags: { tenderId: string; flags: string[]; tenderPeriodDays: number }[]; series: { key: string; points: { x: string; y: number | null }[] }[] };

describe('turnover statistics over HTTP', () => {
  let p: TestPlatform;
  const t: Record<string, string> = {};
  const bid: Record<string, string> = {};

  const turnover = async (query: string, token = t.auditor!): Promise<Report> => {
    const res = await p.as(token).get(`/api/statistics/turnover?${query}`);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    return res.body as Report;
  };
  const fig = (report: Report, key: string) => {
    const found = report.figures.find((f) => f.key === key);
    if (!found) throw new Error(`no figure ${key}`);
    return found;
  };
  const ratio = (report: Report, key: string) => {
    const f = fig(report, key);
    return [f.value, f.numerator, f.denominator];
  };

  beforeAll(async () => {
    p = await startTestPlatform('2026-09-01T09:00:00.000Z');
    t.admin = await p.token('admin', 'org-platform');
    t.icb = await p.token('commissioner', ICB, 'jane.commissioner');
    t.riverside = await p.token('bidder', 'org-riverside');
    t.fed = await p.token('bidder', 'org-valley-fed');
    t.carecorp = await p.token('bidder', 'org-carecorp');
    t.anna = await p.token('evaluator', ICB, ANNA.evaluatorId);
    t.auditor = await p.token('auditor', 'org-nao');
  });
  afterAll(() => p.close());

  it('builds the history: organisations, four contracts, a two-lot tender, bids, evaluation, award, challenge, direct award C, a renewal', async () => {
    const org = (body: object) => p.as(t.admin).post('/api/organisations').send(body).expect(201);
    await org({ organisationId: ICB, name: 'North ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: REGION } });
    for (const [id, name, list] of [['org-meadow', 'Meadow Health Centre', 5_200], ['org-riverside', 'Riverside Medical Practice', 8_400], ['org-hilltop', 'Hilltop Surgery', 12_500], ['org-brook', 'Brook Lane Practice', 6_100]] as const) {
      await org({ organisationId: id, name, kind: 'practice', listSize: list });
    }
    await org({ organisationId: 'org-valley-fed', name: 'Valley GP Federation', kind: 'federation', members: ['org-hilltop', 'org-brook'], staff: 60 });
    await org({ organisationId: 'org-carecorp', name: 'CareCorp Ltd', kind: 'company', staff: 900 });
    const contract = (body: object) => p.as(t.icb).post('/api/contracts').send({ commissionerId: ICB, region: REGION, listSize: 8_000, ...body }).expect(201);
    await contract({ contractId: OLD, reference: 'APMS-MEADOW-01', contractType: 'APMS', holderId: 'org-meadow', listSize: 72_000, annualValuePence: 720_000_000, startDate: '2017-04-01', endDate: '2027-03-31' });
    await contract({ contractId: GMS, reference: 'GMS-A81001', contractType: 'GMS', holderId: 'org-riverside', annualValuePence: 125_000_000, startDate: '2012-04-01', endDate: '2027-03-31' });
    await contract({ contractId: PMS, reference: 'PMS-HILLTOP', contractType: 'PMS', holderId: 'org-hilltop', annualValuePence: 60_000_000, startDate: '2016-04-01', endDate: '2027-03-31' });
    await contract({ contractId: LONDON, reference: 'GMS-LONDON-1', contractType: 'GMS', region: 'London', holderId: 'org-carecorp', annualValuePence: 90_000_000, startDate: '2020-01-01', endDate: '2030-12-31' });

    // The tender: two locality lots, published on 1 September 2026 with a deadline 59 days later.
    await p.as(t.icb).post('/api/tenders').send({
      tenderId: TENDER, title: 'Meadow primary care re-procurement 2027', description: 'Core general practice for 72,000 patients in two locality lots.',
      procedureProfileId: 'psr-competitive', contractType: 'APMS', replacesContractId: OLD,
      services: [{ id: 'core', name: 'Core general practice', population: 72_000, annualValuePence: 720_000_000, localities: [{ id: 'north', name: 'North', population: 40_000 }, { id: 'south', name: 'South', population: 32_000 }] }],
      population: 72_000, estimatedAnnualValuePence: 720_000_000, contractTerm: { startDate: '2027-04-01', months: 60 }, criteria: CRITERIA,
      timeline: { clarificationDeadline: '2026-10-01T12:00:00.000Z', submissionDeadline: '2026-10-30T12:00:00.000Z', plannedAwardDate: '2026-12-21T12:00:00.000Z' },
      region: REGION,
    }).expect(201);
    const lot = (id: string, locality: string, population: number) => ({ id, title: `${locality} locality`, description: `Core general practice, ${locality}.`, scope: [{ serviceLineId: 'core', localityIds: [locality] }], population, estimatedAnnualValuePence: population * 10_000 });
    await p.as(t.icb).put(`/api/tenders/${TENDER}/lots`).send({ lots: [lot('lot-north', 'north', 40_000), lot('lot-south', 'south', 32_000)] }).expect(200);
    await p.as(t.icb).post(`/api/tenders/${TENDER}/publish`).send({}).expect(200);

    p.clock.set('2026-10-05T09:00:00.000Z');
    const submit = async (who: string, bidder: object, lotId: string, price: number) => {
      const content = { lots: [{ lotId, price }], qualityResponses: CRITERIA.filter((c) => c.kind !== 'price').map((c) => ({ criterionId: c.id, response: `Our answer on ${c.name}.` })), socialValueCommitments: ['Local apprenticeships'] };
      const res = await p.as(t[who]!).post('/api/bids').send({ tenderId: TENDER, bidder, content });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
      bid[who] = res.body.bidId;
    };
    await submit('riverside', { kind: 'organisation' }, 'lot-north', 360_000_000);
    await submit('carecorp', { kind: 'organisation' }, 'lot-north', 300_000_000);
    await submit('fed', { kind: 'consortium', name: 'Valley GP Federation', memberOrganisationIds: ['org-hilltop', 'org-brook'] }, 'lot-south', 320_000_000);
    p.clock.set('2026-10-30T12:00:01.000Z');
    await settle(p);

    p.clock.set('2026-11-09T10:00:00.000Z');
    await p.as(t.icb).post(EVAL).send({ priceFormula: 'proportional-difference' }).expect(201);
    await p.as(t.icb).post(`${EVAL}/panel`).send({ evaluators: [ANNA] }).expect(201);
    await p.as(t.anna).post(`${EVAL}/conflicts`).send({ none: true }).expect(201);
    await p.as(t.icb).post(`${EVAL}/assignments`).send({ evaluatorId: ANNA.evaluatorId, bidIds: [bid.riverside, bid.carecorp, bid.fed] }).expect(201);
    // CareCorp's quality (1) is below the pass mark (2): Riverside is North's only qualifying bid.
    for (const [who, quality, access] of [['riverside', 4, 3], ['carecorp', 1, 3], ['fed', 5, 5]] as const) {
      const scores = [{ criterionId: 'quality', score: quality, justification: 'Evidence in section 3.' }, { criterionId: 'access', score: access, justification: 'Evidence in section 4.' }];
      await p.as(t.anna).post(`${EVAL}/scores`).send({ bidId: bid[who], scores }).expect(201);
      for (const [criterionId, consensusScore] of [['quality', quality], ['access', access]] as const) {
        await p.as(t.icb).post(`${EVAL}/moderation`).send({ bidId: bid[who], criterionId, consensusScore, rationale: `Panel consensus on ${who}.` }).expect(201);
      }
    }
    await p.as(t.icb).post(`${EVAL}/complete`).send({}).expect(200);

    p.clock.set('2026-12-21T10:00:00.000Z');
    const decision = { decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }], reasons: 'The evaluation’s lot award recommendation.' };
    const award = await p.as(t.icb).post(`${AWARD}/decision`).send(decision);
    expect(award.status).toBe(201);
    expect(award.body.lots.map((l: { winner: { bidderId: string } }) => l.winner.bidderId)).toEqual(['org-riverside', 'org-valley-fed']);
    await p.as(t.icb).post('/api/direct-awards').send({
      decisionId: 'da-c-riverside', route: 'psr-direct-award-c', provider: { organisationId: 'org-riverside', name: 'Riverside Medical Practice' }, incumbent: { organisationId: 'org-riverside', contractId: GMS },
      keyCriteriaAssessment: ASSESSMENT, decisionMakers: decision.decisionMakers, conflicts: [], reasons: 'Satisfying the existing contract and likely to satisfy the new one.',
      contract: { startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 130_000_000 },
    }).expect(201);

    p.clock.set('2026-12-30T11:00:00.000Z');
    const challenge = await p.as(t.carecorp).post(`${AWARD}/challenges`).send({ kind: 'challenge', grounds: 'The quality pass mark was applied to an unpublished question.' });
    expect(challenge.status).toBe(201);
    p.clock.set('2027-01-06T00:00:00.000Z');
    await settle(p); // direct award C concludes: the GMS contract is renewed without competition
    p.clock.set('2027-01-07T10:00:00.000Z');
    await p.as(t.icb).post(`${AWARD}/challenges/${challenge.body.id}/outcome`).send({ outcome: 'dismissed', reasons: 'The question was published in section 4.' }).expect(200);
    p.clock.set('2027-01-15T08:00:00.000Z');
    await settle(p);
    await settle(p); // the register follows the conclusions

    p.clock.set('2027-01-20T10:00:00.000Z');
    await p.as(t.icb).post(`/api/contracts/${PMS}/renewal`).send({ newEndDate: '2032-03-31', reason: 'Contract option exercised.', route: 'contract-option' }).expect(200);
    await settle(p);
    const register = (await p.as(t.icb).get('/api/contracts').expect(200)).body as { contractId: string }[];
    expect(register).toHaveLength(6); // the four, plus a successor per lot
  });

  it('2026: active contracts, the share tendered, lots, speed to award, challenges and red flags — each with its definition', async () => {
    const report = await turnover('year=2026');
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(report.filter).toMatchObject({ year: 2026, region: null, contractType: null, shortTenderPeriodDays: 30 });
    for (const f of report.figures) expect([typeof f.label, f.definition.length > 20]).toEqual(['string', true]);
    expect(fig(report, 'activeContracts').value).toBe(4);
    expect(ratio(report, 'contractsTendered')).toEqual([0.25, 1, 4]);
    expect(fig(report, 'contractsTendered').definition).toContain('1.3%');
    expect(ratio(report, 'tendersSplitIntoLots')).toEqual([1, 1, 1]);
    expect(ratio(report, 'singleBidLots')).toEqual([0.5, 1, 2]);
    expect(ratio(report, 'bidsPerLot')).toEqual([1.5, 3, 2]);
    // 09:00 on 1 September to 10:00 on 21 December 2026: 29 + 31 + 30 + 21 = 111 whole days.
    expect([fig(report, 'medianDaysPublicationToAward').value, fig(report, 'medianDaysPublicationToAward').denominator]).toEqual([111, 1]);
    // Two award decisions in 2026 (the tender's and direct award C), one challenge, dismissed.
    expect(ratio(report, 'challengesPerAward')).toEqual([0.5, 1, 2]);
    expect(ratio(report, 'challengesUpheld')).toEqual([0, 0, 1]);
    expect(report.redFlags).toEqual([expect.objectContaining({ tenderId: TENDER, flags: ['singleBid', 'allButWinnerDisqualified'], tenderPeriodDays: 59 })]);
    expect(ratio(report, 'redFlagsPerTender')).toEqual([2, 2, 1]);
    expect(fig(report, 'awardsByProcess.competitive.count').value).toBe(0); // concluded in 2027
  });

  it('2027 (to today, 20 January): awards by process, provider changed vs retained, renewals, winners', async () => {
    const report = await turnover('year=2027');
    expect(report.period).toEqual({ from: '2027-01-01', to: '2027-01-20' });
    expect([fig(report, 'awardsByProcess.competitive.count').value, fig(report, 'awardsByProcess.competitive.value').value]).toEqual([2, 680_000_000]);
    expect([fig(report, 'awardsByProcess.direct-award-c.count').value, fig(report, 'awardsByProcess.direct-award-c.value').value]).toEqual([1, 130_000_000]);
    expect(report.series.find((s) => s.key === 'awardsByProcessCount')!.points.find((pt) => pt.x === 'direct-award-c')!.y).toBe(1);
    // Meadow's contract went to others; direct award C kept Riverside.
    expect(ratio(report, 'providerChanged')).toEqual([0.5, 1, 2]);
    expect(ratio(report, 'incumbentRetained')).toEqual([0.5, 1, 2]);
    // Direct award C's renewal (6 January) and the contract option (20 January), over 4 active contracts.
    expect(fig(report, 'renewedWithoutCompetition').value).toBe(2);
    expect(ratio(report, 'renewedOrExtendedWithoutCompetition')).toEqual([0.5, 2, 4]);
    // Winners: Riverside (held a contract since 2012) and the Valley federation (new).
    expect(ratio(report, 'newEntrants')).toEqual([0.5, 1, 2]);
    // North to Riverside (small, £3.6m), South to the Valley consortium (medium, £3.2m).
    expect(ratio(report, 'lotsWonBySmallProviders')).toEqual([0.5, 1, 2]);
    expect(ratio(report, 'valueWonBySmallProviders')).toEqual([0.5294, 360_000_000, 680_000_000]);
    expect(ratio(report, 'lotsWonByConsortia')).toEqual([0.5, 1, 2]);
    expect(ratio(report, 'valueWonByConsortia')).toEqual([0.4706, 320_000_000, 680_000_000]);
  });

  it('filters by region and contract type, and the short-tender threshold is configurable', async () => {
    expect(ratio(await turnover('year=2026&region=North%20East%20and%20Yorkshire'), 'contractsTendered')).toEqual([0.3333, 1, 3]);
    expect(ratio(await turnover('year=2026&contractType=APMS'), 'contractsTendered')).toEqual([1, 1, 1]);
    const london = await turnover('year=2027&region=London');
    expect([fig(london, 'activeContracts').value, fig(london, 'renewedWithoutCompetition').value, fig(london, 'awardsByProcess.competitive.count').value]).toEqual([1, 0, 0]);
    expect((await turnover('year=2026&contractType=PMS')).redFlags).toEqual([]);
    const strict = await turnover('year=2026&shortTenderPeriodDays=60', t.riverside); // any role may read
    expect(strict.redFlags[0]!.flags).toEqual(['singleBid', 'shortTenderPeriod', 'allButWinnerDisqualified']);
  });

  it('after the successors start: a new provider, and Meadow no longer holds any contract', async () => {
    p.clock.set('2027-06-01T09:00:00.000Z');
    await settle(p);
    const report = await turnover('year=2027');
    expect(fig(report, 'activeContracts').value).toBe(6);
    expect(fig(report, 'newProviders').value).toBe(1);
    expect(fig(report, 'providersNoLongerHoldingContracts').value).toBe(1);
  });

  it('answers CSV with ?format=csv or Accept: text/csv: a header, then one row per figure', async () => {
    const res = await p.as(t.auditor).get('/api/statistics/turnover?year=2027&format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('year,region,contractType,key,label,unit,value,numerator,denominator,definition');
    expect(lines.find((l) => l.startsWith('2027,,,awardsByProcess.competitive.count,'))).toMatch(/,count,2,,,Number of contracts concluded/);
    expect(lines.find((l) => l.startsWith('2027,,,providerChanged,'))).toMatch(/,share,0.5,1,2,/);
    const json = await turnover('year=2027');
    expect(lines).toHaveLength(json.figures.length + 1);
    const accepted = await p.as(t.auditor).get('/api/statistics/turnover?year=2027&region=London').set('Accept', 'text/csv').expect(200);
    expect(accepted.text.split('\r\n')[1]).toMatch(/^2027,London,,activeContracts,Active contracts,count,1,/);
  });

  it('refuses bad filters with a 400 naming the field, and anonymous readers with a 401', async () => {
    for (const [query, field] of [['year=abc', 'year'], ['year=20270', 'year'], ['contractType=XYZ', 'contractType'], ['format=xml', 'format'], ['region=', 'region'], ['shortTenderPeriodDays=0', 'shortTenderPeriodDays'], ['colour=red', 'colour']] as const) {
      const res = await expectRefusal(p, () => p.as(t.auditor).get(`/api/statistics/turnover?${query}`), 400, 'VALIDATION_FAILED');
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    expect((await p.http().get('/api/statistics/turnover')).status).toBe(401);
  });

  it('documents the route, its filters and every figure’s definition in the OpenAPI', async () => {
    const doc = (await p.http().get('/docs-json').expect(200)).body;
    const op = doc.paths['/api/statistics/turnover'].get;
    expect(op.parameters.map((x: { name: string }) => x.name).sort()).toEqual(['contractType', 'format', 'region', 'shortTenderPeriodDays', 'year']);
    const key = doc.components.schemas.FigureSchema.properties.key;
    expect(key.description).toContain('contractsTendered (share): Active contracts whose re-procurement tender');
    expect(key.description).toContain('redFlags.lateBidWon');
    expect(doc.components.schemas.TurnoverReportSchema.properties.figures).toBeDefined();
  });
});
