import {
  WEIGHTS_TOTAL_BASIS_POINTS,
  criteriaShapeProblem,
  defaultHealthServiceCriteria,
  formatBasisPoints,
  priceCriterion,
  totalWeightBasisPoints,
  weightsSumTo100,
  type AwardCriterion,
} from './criteria';
import { criterionId } from './ids';

describe('award criteria', () => {
  it('defaults to the five PSR key criteria, 20% each, adding up to 100%', () => {
    const criteria = defaultHealthServiceCriteria();
    expect(criteria.map((c) => c.name)).toEqual([
      'Quality and innovation',
      'Value',
      'Integration, collaboration and service sustainability',
      'Improving access, reducing health inequalities and facilitating choice',
      'Social value',
    ]);
    expect(criteria.every((c) => c.kind === 'psr-key-criterion' && c.weightBasisPoints === 2_000)).toBe(true);
    expect(weightsSumTo100(criteria)).toBe(true);
    expect(criteriaShapeProblem(criteria)).toBeNull();
  });

  it('weighs in integer basis points: 10,000 is 100%', () => {
    expect(WEIGHTS_TOTAL_BASIS_POINTS).toBe(10_000);
    const thirds = [3_333, 3_333, 3_334].map((w, i) => ({ ...priceCriterion(w, `c${i}`) }));
    expect(totalWeightBasisPoints(thirds)).toBe(10_000);
    expect(weightsSumTo100([...defaultHealthServiceCriteria().slice(0, 4), priceCriterion(1_999)])).toBe(false);
  });

  it('formats basis points as a percentage', () => {
    expect([formatBasisPoints(10_000), formatBasisPoints(3_333), formatBasisPoints(1_250), formatBasisPoints(5)]).toEqual(['100%', '33.33%', '12.50%', '0.05%']);
  });

  it('offers a price criterion kind without a pass mark', () => {
    expect(priceCriterion(2_000)).toMatchObject({ kind: 'price', weightBasisPoints: 2_000, passMark: null });
  });

  const base: AwardCriterion = { ...defaultHealthServiceCriteria()[0]!, passMark: 3 };
  const problems: Array<[string, AwardCriterion[], RegExp]> = [
    ['a duplicate id', [base, base], /used twice/],
    ['an empty id', [{ ...base, id: criterionId(' ') }], /needs an id/],
    ['an empty name', [{ ...base, name: '' }], /needs a name/],
    ['a PSR kind without the key criterion', [{ ...priceCriterion(100), kind: 'psr-key-criterion' }], /PSR key criterion/],
    ['a key criterion on a price kind', [{ ...base, kind: 'price' }], /PSR key criterion/],
    ['a negative weight', [{ ...base, weightBasisPoints: -1 }], /whole basis points/],
    ['a fractional weight', [{ ...base, weightBasisPoints: 0.5 }], /whole basis points/],
    ['a weight above 100%', [{ ...base, weightBasisPoints: 10_001 }], /whole basis points/],
    ['a maximum score of zero', [{ ...base, maxScore: 0 }], /maximum score/],
    ['a pass mark above the maximum', [{ ...base, passMark: 6 }], /pass mark 6/],
    ['a fractional pass mark', [{ ...base, passMark: 2.5 }], /pass mark/],
  ];
  it.each(problems)('finds %s', (_what, criteria, message) => {
    expect(criteriaShapeProblem(criteria)).toMatch(message);
  });

  it('accepts a pass mark equal to the maximum score', () => {
    expect(criteriaShapeProblem([{ ...base, passMark: 5 }])).toBeNull();
  });
});
