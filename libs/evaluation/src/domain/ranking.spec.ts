import type { AwardRule as LotAwardRule } from './lot-award';
import type { AwardRule, EvaluatedBid, EvaluationCriterion, TenderFactsForEvaluation, TieBreakRule } from './facts';
import { asBidId, asCriterionId, asLotId, asOrganisationId } from './ids';
import { rankTender, type RankingInput } from './ranking';

// The ranking on its own, with small hand-checkable numbers: quality 60% (0–5), price 40%.
const Q = asCriterionId('quality');
const P = asCriterionId('price');
const LOT = asLotId('lot-1');
const criteria: EvaluationCriterion[] = [
  { id: Q, name: 'Quality', kind: 'quality', weightBasisPoints: 6_000, maxScore: 5, passMark: null },
  { id: P, name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100, passMark: null },
];
const tender = (overrides: Partial<TenderFactsForEvaluation> = {}): TenderFactsForEvaluation => ({
  criteria,
  lots: [{ lotId: LOT, title: 'Lot 1' }],
  lotLimit: 1,
  scoringScale: { step: 1 },
  priceFormula: 'lowest-price-ratio',
  tieBreakRule: 'highest-quality-then-lowest-price-then-earliest-submission',
  abnormallyLowThresholdBasisPoints: 2_000,
  awardRule: 'maximise-lots-then-score',
  ...overrides,
});
const bid = (id: string, price: number, submittedAt = '2026-02-01T10:00:00Z'): EvaluatedBid => ({
  bidId: asBidId(id),
  bidder: { kind: 'organisation', organisationId: asOrganisationId(`org-${id}`) },
  lots: [{ lotId: LOT, price }],
  submittedAt,
});
const input = (bids: EvaluatedBid[], quality: Record<string, number>, overrides: Partial<TenderFactsForEvaluation> = {}): RankingInput => ({
  tender: tender(overrides),
  bids,
  consensus: Object.fromEntries(Object.entries(quality).map(([id, q]) => [id, { [Q]: q }])),
  compliance: {},
});
const order = (i: RankingInput) => rankTender(i).lots[0]!.results.map((r) => [r.bidId, r.rank, r.totalPoints, r.placedBelowPreviousBy]);

describe('rankTender: tie-break stated on the tender', () => {
  // x: quality 4 → 48, price 70 (lowest) → 40 = 88.  y: quality 5 → 60, price 100 → 40 × 0.7 = 28 = 88.
  const tied = (rule: TieBreakRule) => input([bid('x', 70), bid('y', 100)], { x: 4, y: 5 }, { tieBreakRule: rule });

  it('highest quality first', () => {
    expect(order(tied('highest-quality-then-lowest-price-then-earliest-submission'))).toEqual([
      ['y', 1, 88, null],
      ['x', 2, 88, 'quality-points'],
    ]);
  });

  it('lowest price first', () => {
    expect(order(tied('lowest-price-then-highest-quality-then-earliest-submission'))).toEqual([
      ['x', 1, 88, null],
      ['y', 2, 88, 'price'],
    ]);
  });

  it('then the earliest submission, then the bid id', () => {
    const same = input([bid('b', 100, '2026-02-01T10:00:00Z'), bid('a', 100, '2026-02-01T11:00:00+01:00'), bid('c', 100, '2026-01-31T09:00:00Z')], { a: 3, b: 3, c: 3 });
    // a was submitted at 10:00Z too (11:00 at +01:00): it ties with b on time and wins on id.
    expect(order(same).map(([id, , , key]) => [id, key])).toEqual([
      ['c', null],
      ['a', 'submission-time'],
      ['b', 'bid-id'],
    ]);
  });
});

describe('rankTender: abnormally low prices', () => {
  it('flags a price strictly below median × (1 − threshold); one exactly on the line is not flagged', () => {
    const lot = rankTender(input([bid('a', 100), bid('b', 100), bid('c', 80), bid('d', 79), bid('e', 120)], { a: 3, b: 3, c: 3, d: 3, e: 3 })).lots[0]!;
    expect(lot).toMatchObject({ medianPricePence: 100, abnormallyLowBelowPence: 80 });
    const flagged = Object.fromEntries(lot.results.map((r) => [r.bidId, r.abnormallyLow]));
    expect(flagged).toEqual({ a: false, b: false, c: false, d: true, e: false });
  });

  it('takes the mean of the middle two for an even number of prices', () => {
    const lot = rankTender(input([bid('a', 100), bid('b', 201)], { a: 3, b: 3 }, { abnormallyLowThresholdBasisPoints: 5_000 })).lots[0]!;
    expect(lot).toMatchObject({ medianPricePence: 150.5, abnormallyLowBelowPence: 75.25 });
    expect(lot.results.every((r) => !r.abnormallyLow)).toBe(true);
  });

  it('flags but still ranks: the commissioner must ask the bidder to explain before excluding', () => {
    const lot = rankTender(input([bid('a', 100), bid('b', 100), bid('cheap', 50)], { a: 3, b: 3, cheap: 3 })).lots[0]!;
    expect(lot.results[0]).toMatchObject({ bidId: 'cheap', rank: 1, abnormallyLow: true });
  });
});

describe('rankTender: edge cases', () => {
  it('ranks nobody when no bid qualifies, and shows prices against all bids for the lot', () => {
    const i = { ...input([bid('a', 100), bid('b', 200)], { a: 4, b: 4 }), compliance: { a: { passed: false, reason: 'x' }, b: { passed: false, reason: 'y' } } };
    const lot = rankTender(i).lots[0]!;
    expect(lot).toMatchObject({ priceBasis: 'all-bids', lowestPricePence: 100 });
    expect(lot.results.map((r) => [r.bidId, r.rank, r.pricePoints])).toEqual([
      ['a', null, 40],
      ['b', null, 20],
    ]);
  });

  it('a lot nobody bid for has an empty ranking', () => {
    const lot2 = asLotId('lot-2');
    const result = rankTender(input([bid('a', 100)], { a: 4 }, { lots: [{ lotId: LOT, title: '1' }, { lotId: lot2, title: '2' }] }));
    expect(result.lots[1]).toEqual({ lotId: lot2, priceBasis: 'qualifying-bids', lowestPricePence: null, medianPricePence: null, abnormallyLowBelowPence: null, results: [] });
  });

  it('a tender without a price criterion (PSR value scored as a key criterion) ranks on quality alone', () => {
    const quality100: EvaluationCriterion[] = [{ ...criteria[0]!, weightBasisPoints: 10_000 }];
    const lot = rankTender(input([bid('a', 100), bid('b', 50)], { a: 5, b: 4 }, { criteria: quality100 })).lots[0]!;
    expect(lot.results.map((r) => [r.bidId, r.totalPoints, r.pricePoints])).toEqual([
      ['a', 100, 0],
      ['b', 80, 0],
    ]);
  });

  it('is deterministic: the same input gives the same result whatever the bid order', () => {
    const bids = [bid('a', 100), bid('b', 90), bid('c', 110)];
    const quality = { a: 3, b: 2, c: 5 };
    expect(rankTender(input([...bids].reverse(), quality))).toEqual(rankTender(input(bids, quality)));
  });
});

describe('award rule', () => {
  it('uses the lot award optimiser’s own values, so the tender’s rule passes through unchanged', () => {
    const both: [AwardRule, LotAwardRule][] = [
      ['maximise-lots-then-score', 'maximise-lots-then-score'],
      ['bidder-preference', 'bidder-preference'],
    ];
    expect(both.every(([ours, theirs]) => ours === theirs)).toBe(true);
  });
});
