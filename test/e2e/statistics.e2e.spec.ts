import { expectRefusal, settle, startTestPlatform, type TestPlatform } from '../support/platform';
import { buildTurnoverHistory, TENDER, TURNOVER_HISTORY_START, turnoverHistoryTokens } from '../support/turnover-history';

type Figure = { key: string; label: string; unit: string; value: number | null; numerator?: number; denominator?: number; definition: string };
type Report = { filter: Record<string, unknown>; period: { from: string; to: string }; figures: Figure[]; redFlags: { tenderId: string; flags: string[]; tenderPeriodDays: number }[]; series: { key: string; points: { x: string; y: number | null }[] }[] };

/** Turnover statistics over HTTP (DESIGN §7, issue 5), on the hand-computed history of test/support/turnover-history.ts. */
describe('turnover statistics over HTTP', () => {
  let p: TestPlatform;
  const t: Record<string, string> = {};

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
    p = await startTestPlatform(TURNOVER_HISTORY_START);
    Object.assign(t, await turnoverHistoryTokens(p));
  });
  afterAll(() => p.close());

  it('builds the history: organisations, four contracts, a two-lot tender, bids, evaluation, award, challenge, direct award C, a renewal', async () => {
    await buildTurnoverHistory(p, t);
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
