import { turnoverCsv } from './csv';
import { FIGURE_KEYS, type FigureKey } from './definitions';
import type { Figure } from './figure';
import { bid, contract, directAward, factsOf, filter2026, org, tender } from './testing.fixtures';
import { computeTurnover, type TurnoverReport } from './turnover';

const fig = (report: TurnoverReport, key: FigureKey): Figure => report.figures.find((f) => f.key === key)!;
const pick = (report: TurnoverReport, key: FigureKey) => {
  const { value, numerator, denominator } = fig(report, key);
  return { value, numerator, denominator };
};

describe('turnover figures on hand-built facts', () => {
  it('gives every figure a label, a unit and a definition, even over nothing', () => {
    const report = computeTurnover(factsOf({}), filter2026());
    expect(report.figures.map((f) => f.key)).toEqual(FIGURE_KEYS);
    for (const f of report.figures) expect(f.definition.length).toBeGreaterThan(20);
    expect(pick(report, 'contractsTendered')).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('counts contracts active on any day of the year, using the earlier of scheduled end and actual end', () => {
    const facts = factsOf({
      contracts: [
        contract('runs-through'),
        contract('ends-1-jan', { endDate: '2026-01-01' }),
        contract('ended-2025', { endDate: '2025-12-31' }),
        contract('terminated-early', { endDate: '2030-03-31', endedOn: '2025-06-30' }),
        contract('starts-31-dec', { startDate: '2026-12-31' }),
        contract('starts-2027', { startDate: '2027-01-01' }),
      ],
    });
    expect(fig(computeTurnover(facts, filter2026()), 'activeContracts').value).toBe(3);
  });

  it('runs the current year to today: a contract starting later this year is not yet active', () => {
    const facts = factsOf({ contracts: [contract('a'), contract('later', { startDate: '2026-09-01' })] });
    const report = computeTurnover(facts, filter2026({ today: '2026-06-15' }));
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-06-15' });
    expect(fig(report, 'activeContracts').value).toBe(1);
  });

  it('shares tendered: contracts whose re-procurement tender was published in the year ÷ active (either link counts)', () => {
    const contracts = Array.from({ length: 8 }, (_, i) => contract(`c${i}`));
    const facts = factsOf({
      contracts: [...contracts.slice(0, 7), contract('c7', { reprocurementTenderIds: ['t-marked'] })],
      tenders: [
        tender('t-2026', { replacesContractId: 'c0' }),
        tender('t-marked', { replacesContractId: null }),
        tender('t-2025', { replacesContractId: 'c1', publishedAt: '2025-12-31T23:00:00.000Z' }),
        tender('t-draft', { replacesContractId: 'c2', publishedAt: null }),
      ],
    });
    expect(pick(computeTurnover(facts, filter2026()), 'contractsTendered')).toEqual({ value: 0.25, numerator: 2, denominator: 8 });
  });

  it('filters by region and contract type (case-insensitive); an unknown type never matches a set filter', () => {
    const facts = factsOf({ contracts: [contract('a'), contract('b', { region: 'London' }), contract('c', { contractType: 'APMS' })] });
    expect(fig(computeTurnover(facts, filter2026({ region: 'north' })), 'activeContracts').value).toBe(2);
    expect(fig(computeTurnover(facts, filter2026({ contractType: 'APMS' })), 'activeContracts').value).toBe(1);
    expect(fig(computeTurnover(facts, filter2026({ region: 'North', contractType: 'PMS' })), 'activeContracts').value).toBe(0);
  });

  it('counts renewals and extensions decided in the year, and the share of active contracts with either', () => {
    const facts = factsOf({
      contracts: [
        contract('renewed', { renewals: [{ on: '2026-05-01', route: 'psr-direct-award-c' }, { on: '2025-05-01', route: null }] }),
        contract('both', { renewals: [{ on: '2026-02-01', route: 'other' }], extensions: [{ on: '2026-03-01' }] }),
        contract('extended-2027', { extensions: [{ on: '2027-01-02' }] }),
        contract('none'),
      ],
    });
    const report = computeTurnover(facts, filter2026());
    expect(fig(report, 'renewedWithoutCompetition').value).toBe(2);
    expect(fig(report, 'extendedWithoutCompetition').value).toBe(1);
    expect(pick(report, 'renewedOrExtendedWithoutCompetition')).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('provider changed vs incumbent retained: the incumbent keeping any lot counts as retained; outcomes without an incumbent are left out', () => {
    const facts = factsOf({
      contracts: [contract('a'), contract('b'), contract('c'), contract('d')],
      outcomes: [
        { contractId: 'a', awardRef: 't1', incumbentId: 'p-old', newHolderIds: ['p-new'], decidedOn: '2026-04-01' },
        { contractId: 'b', awardRef: 't2', incumbentId: 'p-old', newHolderIds: ['p-new', 'p-old'], decidedOn: '2026-04-01' },
        { contractId: 'c', awardRef: 't3', incumbentId: null, newHolderIds: ['p-new'], decidedOn: null },
        { contractId: 'd', awardRef: 't4', incumbentId: 'p-old', newHolderIds: ['p-new'], decidedOn: '2025-04-01' },
      ],
    });
    const report = computeTurnover(facts, filter2026());
    expect(pick(report, 'providerChanged')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(pick(report, 'incumbentRetained')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('new entrants: distinct winners in the year that held no contract before the conclusion day', () => {
    const facts = factsOf({
      contracts: [contract('held', { holders: [{ holderId: 'p-old', from: '2020-04-01' }] }), contract('succ', { startDate: '2026-09-01', holders: [{ holderId: 'p-new', from: '2026-09-01' }] })],
      tenders: [tender('t', { concluded: [
        { lotId: 'l1', winnerBidId: 'b1', winnerId: 'p-new', annualValuePence: 10, concludedAt: '2026-07-01T08:00:00.000Z' },
        { lotId: 'l2', winnerBidId: 'b2', winnerId: 'p-new', annualValuePence: 10, concludedAt: '2026-07-02T08:00:00.000Z' },
      ] })],
      directAwards: [directAward('da', { providerId: 'p-old', concludedAt: '2026-07-01T00:00:00.000Z' })],
    });
    expect(pick(computeTurnover(facts, filter2026()), 'newEntrants')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('new providers and providers left holding no contract at the end of the year', () => {
    const facts = factsOf({
      contracts: [
        // p-old hands over to p-new on 1 October: p-new is new, p-old holds nothing on 31 December.
        contract('handover', { holders: [{ holderId: 'p-old', from: '2020-04-01' }, { holderId: 'p-new', from: '2026-10-01' }] }),
        contract('stays', { holders: [{ holderId: 'p-stay', from: '2019-01-01' }], startDate: '2019-01-01' }),
        contract('stays-new-term', { holders: [{ holderId: 'p-stay', from: '2026-05-01' }], startDate: '2026-05-01' }),
        contract('expires', { holders: [{ holderId: 'p-gone', from: '2018-01-01' }], startDate: '2018-01-01', endDate: '2026-03-31' }),
      ],
    });
    const report = computeTurnover(facts, filter2026());
    expect(fig(report, 'newProviders').value).toBe(1);
    expect(fig(report, 'providersNoLongerHoldingContracts').value).toBe(2);
  });

  it('lots and value won by small providers and by consortia, over lots concluded in the year', () => {
    const lot = (lotId: string, winnerBidId: string, winnerId: string, value: number, at = '2026-08-01T08:00:00.000Z') => ({ lotId, winnerBidId, winnerId, annualValuePence: value, concludedAt: at });
    const facts = factsOf({
      organisations: [org('icb', { kind: 'commissioner', sizeBand: null, region: 'North' }), org('small'), org('fed', { kind: 'federation', sizeBand: 'medium' }), org('big', { kind: 'company', sizeBand: 'large' }), org('lead', { sizeBand: 'small' })],
      bids: [bid('b-cons', 't', ['l4'], { consortium: true, bidderId: 'lead' })],
      tenders: [tender('t', { lotIds: ['l1', 'l2', 'l3', 'l4', 'l5'], concluded: [lot('l1', 'b1', 'small', 100), lot('l2', 'b2', 'fed', 300), lot('l3', 'b3', 'big', 500), lot('l4', 'b-cons', 'lead', 100), lot('l5', 'b5', 'small', 999, '2027-01-02T08:00:00.000Z')] })],
    });
    const report = computeTurnover(facts, filter2026());
    expect(pick(report, 'lotsWonBySmallProviders')).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(pick(report, 'valueWonBySmallProviders')).toEqual({ value: 0.2, numerator: 200, denominator: 1000 });
    expect(pick(report, 'lotsWonByConsortia')).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(pick(report, 'valueWonByConsortia')).toEqual({ value: 0.4, numerator: 400, denominator: 1000 });
  });

  it('single-bid lot rate and bids per lot: withdrawn bids do not count, lots without bids do', () => {
    const facts = factsOf({
      tenders: [tender('t', { lotIds: ['l1', 'l2', 'l3'] }), tender('t-2027', { submissionsClosedAt: '2027-02-01T12:00:00.000Z' })],
      bids: [bid('a', 't', ['l1', 'l2']), bid('b', 't', ['l1']), bid('w', 't', ['l2', 'l3'], { withdrawn: true }), bid('x', 't-2027', ['lot-1'])],
    });
    const report = computeTurnover(facts, filter2026());
    expect(pick(report, 'singleBidLots')).toEqual({ value: 0.3333, numerator: 1, denominator: 3 });
    expect(pick(report, 'bidsPerLot')).toEqual({ value: 1, numerator: 3, denominator: 3 });
  });

  it('tenders split into lots: more than one lot, over tenders published in the year', () => {
    const facts = factsOf({ tenders: [tender('one'), tender('two', { lotIds: ['a', 'b'] }), tender('three', { lotIds: ['a', 'b', 'c'], publishedAt: '2025-06-01T09:00:00.000Z' })] });
    expect(pick(computeTurnover(facts, filter2026()), 'tendersSplitIntoLots')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('median whole days from publication to the first award decision, over tenders decided in the year', () => {
    const facts = factsOf({
      tenders: [
        tender('a', { publishedAt: '2026-01-01T09:00:00.000Z', awardDecidedAt: '2026-03-02T08:59:00.000Z' }), // 59 days 23:59 → 59
        tender('b', { publishedAt: '2026-01-01T09:00:00.000Z', awardDecidedAt: '2026-04-11T09:00:00.000Z' }), // 100
        tender('c', { publishedAt: '2025-01-01T09:00:00.000Z', awardDecidedAt: '2025-05-01T09:00:00.000Z' }),
      ],
    });
    const f = fig(computeTurnover(facts, filter2026()), 'medianDaysPublicationToAward');
    expect([f.value, f.denominator]).toEqual([79.5, 2]);
  });

  it('awards by process, by count and annual value: competitive lots and direct awards concluded in the year', () => {
    const concludedLot = (lotId: string, value: number, at: string) => ({ lotId, winnerBidId: lotId, winnerId: 'p', annualValuePence: value, concludedAt: at });
    const facts = factsOf({
      tenders: [tender('t', { concluded: [concludedLot('l1', 300, '2026-05-01T00:00:00.000Z'), concludedLot('l2', 200, '2026-05-01T00:00:00.000Z'), concludedLot('l3', 50, '2027-01-01T00:00:00.000Z')] })],
      directAwards: [
        directAward('c', { awardProcess: 'direct-award-c', annualValuePence: 130, concludedAt: '2026-06-01T00:00:00.000Z' }),
        directAward('msp', { awardProcess: 'most-suitable-provider', annualValuePence: 40, concludedAt: '2026-06-01T00:00:00.000Z' }),
        directAward('a-pending', { awardProcess: 'direct-award-a', annualValuePence: 99, concludedAt: null }),
      ],
    });
    const report = computeTurnover(facts, filter2026());
    expect([fig(report, 'awardsByProcess.competitive.count').value, fig(report, 'awardsByProcess.competitive.value').value]).toEqual([2, 500]);
    expect([fig(report, 'awardsByProcess.direct-award-c.count').value, fig(report, 'awardsByProcess.direct-award-c.value').value]).toEqual([1, 130]);
    expect(fig(report, 'awardsByProcess.most-suitable-provider.count').value).toBe(1);
    expect(fig(report, 'awardsByProcess.direct-award-a.count').value).toBe(0);
    expect(report.series.find((s) => s.key === 'awardsByProcessCount')!.points).toEqual([
      { x: 'competitive', y: 2 }, { x: 'direct-award-a', y: 0 }, { x: 'direct-award-b', y: 0 }, { x: 'direct-award-c', y: 1 }, { x: 'most-suitable-provider', y: 1 },
    ]);
  });

  it('challenges per award decided in the year and the share upheld among decided challenges', () => {
    const facts = factsOf({
      tenders: [tender('t1', { awardDecidedAt: '2026-05-01T10:00:00.000Z' }), tender('t2', { awardDecidedAt: '2026-06-01T10:00:00.000Z' }), tender('t-2025', { awardDecidedAt: '2025-06-01T10:00:00.000Z' })],
      directAwards: [directAward('d1')],
      challenges: [
        { awardKey: 'tender:t1', challengeId: 'c1', lodgedAt: '2026-05-03T10:00:00.000Z', outcome: 'upheld' },
        { awardKey: 'tender:t1', challengeId: 'c2', lodgedAt: '2026-05-04T10:00:00.000Z', outcome: 'dismissed' },
        { awardKey: 'direct:d1', challengeId: 'c1', lodgedAt: '2026-06-03T10:00:00.000Z', outcome: null },
        { awardKey: 'tender:t-2025', challengeId: 'c9', lodgedAt: '2025-06-03T10:00:00.000Z', outcome: 'upheld' },
      ],
    });
    const report = computeTurnover(facts, filter2026());
    expect(pick(report, 'challengesPerAward')).toEqual({ value: 1, numerator: 3, denominator: 3 });
    expect(pick(report, 'challengesUpheld')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  describe('red flags per tender decided in the year', () => {
    const decided = { awardDecidedAt: '2026-06-01T10:00:00.000Z' };

    it('single bid, and all bids but the winner’s disqualified (only with two or more bids and the winner qualifying)', () => {
      const facts = factsOf({
        tenders: [tender('t', { ...decided, lotIds: ['l1', 'l2', 'l3'], winnerBidByLot: { l1: 'a', l2: 'c', l3: 'e' }, qualifyingBidsByLot: { l1: ['a'], l2: ['c', 'd'], l3: ['e'] } })],
        bids: [bid('a', 't', ['l1']), bid('b', 't', ['l1']), bid('c', 't', ['l2']), bid('d', 't', ['l2']), bid('e', 't', ['l3'])],
      });
      const report = computeTurnover(facts, filter2026());
      expect(report.redFlags).toEqual([expect.objectContaining({ tenderId: 't', flags: ['singleBid', 'allButWinnerDisqualified'], singleBidLots: ['l3'], allButWinnerDisqualifiedLots: ['l1'] })]);
      expect(pick(report, 'redFlagsPerTender')).toEqual({ value: 2, numerator: 2, denominator: 1 });
    });

    it('short tender period: below the configured threshold, or below the tender’s own minimum', () => {
      const facts = factsOf({
        tenders: [
          tender('t-28', { ...decided, publishedAt: '2026-03-01T09:00:00.000Z', submissionDeadline: '2026-03-29T12:00:00.000Z', minimumTenderPeriodDays: 25 }),
          tender('t-35-min-40', { ...decided, publishedAt: '2026-03-01T09:00:00.000Z', submissionDeadline: '2026-04-05T12:00:00.000Z', minimumTenderPeriodDays: 40 }),
          tender('t-60', { ...decided, publishedAt: '2026-03-01T09:00:00.000Z', submissionDeadline: '2026-04-30T12:00:00.000Z' }),
        ],
      });
      const flagged = (days: number) => computeTurnover(facts, filter2026({ shortTenderPeriodDays: days })).redFlags.filter((t) => t.flags.includes('shortTenderPeriod')).map((t) => t.tenderId);
      expect(flagged(30)).toEqual(['t-28', 't-35-min-40']);
      expect(flagged(10)).toEqual(['t-35-min-40']);
      expect(flagged(61)).toEqual(['t-28', 't-35-min-40', 't-60']);
    });

    it('late bid won: the winning bid’s last (re)submission is after the deadline in force', () => {
      const facts = factsOf({
        tenders: [tender('t', { ...decided, winnerBidByLot: { 'lot-1': 'late' } }), tender('u', { ...decided, winnerBidByLot: { 'lot-1': 'ok' } })],
        bids: [bid('late', 't', ['lot-1'], { lastSubmittedAt: '2026-04-30T12:00:01.000Z' }), bid('ok', 'u', ['lot-1'], { lastSubmittedAt: '2026-04-30T11:59:59.000Z' })],
      });
      const report = computeTurnover(facts, filter2026());
      expect(report.redFlags.map((t) => [t.tenderId, t.flags, t.lateWinningBids])).toEqual([['t', ['singleBid', 'lateBidWon'], ['late']], ['u', ['singleBid'], []]]);
      expect(pick(report, 'redFlags.lateBidWon')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    });
  });

  it('writes CSV: a header and one row per figure, quoting fields with commas', () => {
    const csv = turnoverCsv(computeTurnover(factsOf({ contracts: [contract('a')] }), filter2026({ region: 'North, East' })));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('year,region,contractType,key,label,unit,value,numerator,denominator,definition');
    expect(lines).toHaveLength(FIGURE_KEYS.length + 1);
    expect(lines[1]).toMatch(/^2026,"North, East",,activeContracts,Active contracts,count,0,,,/);
  });
});
