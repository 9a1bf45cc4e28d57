import fc from 'fast-check';
import type { PriceFormula } from './facts';
import { PRICE_FORMULAS } from './facts';
import { isAbnormallyLow, lowestPriceRatioPoints, medianPence, pricePoints, proportionalDifferencePoints } from './price-formulas';

const pence = fc.integer({ min: 1, max: 5_000_000_000 }); // up to £50m a year
const weight = fc.integer({ min: 0, max: 10_000 });
const formula = fc.constantFrom<PriceFormula>(...PRICE_FORMULAS);
/** A lot's prices: the lowest is their minimum, as in the ranking. */
const prices = fc.array(pence, { minLength: 1, maxLength: 12 });

describe('price formulas', () => {
  it('the lowest price gets exactly the full weight', () => {
    fc.assert(
      fc.property(formula, prices, weight, (f, ps, w) => {
        const lowest = Math.min(...ps);
        expect(pricePoints(f, { lowestPence: lowest, pricePence: lowest, weightBasisPoints: w })).toBe(w / 100);
      }),
    );
  });

  it('points are never negative and never above the weight', () => {
    fc.assert(
      fc.property(formula, prices, weight, (f, ps, w) => {
        const lowest = Math.min(...ps);
        for (const p of ps) {
          const points = pricePoints(f, { lowestPence: lowest, pricePence: p, weightBasisPoints: w });
          expect(points).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(w / 100);
        }
      }),
    );
  });

  it('is monotone: a lower price never gets fewer points', () => {
    fc.assert(
      fc.property(formula, pence, pence, pence, weight, (f, a, b, c, w) => {
        const lowest = Math.min(a, b, c);
        const [cheaper, dearer] = a <= b ? [a, b] : [b, a];
        const points = (p: number) => pricePoints(f, { lowestPence: lowest, pricePence: p, weightBasisPoints: w });
        expect(points(cheaper)).toBeGreaterThanOrEqual(points(dearer));
      }),
    );
  });

  it('proportional difference gives nothing at twice the lowest price or more; the ratio never reaches 0', () => {
    fc.assert(
      fc.property(pence, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 10_000 }), (lowest, extra, w) => {
        const price = 2 * lowest + extra;
        expect(proportionalDifferencePoints({ lowestPence: lowest, pricePence: price, weightBasisPoints: w })).toBe(0);
        expect(lowestPriceRatioPoints({ lowestPence: lowest, pricePence: price, weightBasisPoints: w })).toBeGreaterThan(0);
      }),
    );
  });

  it('matches the stated formulas on worked examples', () => {
    expect(lowestPriceRatioPoints({ lowestPence: 80, pricePence: 100, weightBasisPoints: 4_000 })).toBe(32);
    expect(proportionalDifferencePoints({ lowestPence: 80, pricePence: 100, weightBasisPoints: 4_000 })).toBe(30);
    expect(proportionalDifferencePoints({ lowestPence: 100, pricePence: 150, weightBasisPoints: 3_000 })).toBe(15);
  });

  it('refuses inputs that are not whole positive pence (a programming error, not a user refusal)', () => {
    expect(() => lowestPriceRatioPoints({ lowestPence: 0, pricePence: 1, weightBasisPoints: 1 })).toThrow(RangeError);
    expect(() => proportionalDifferencePoints({ lowestPence: 1, pricePence: 1.5, weightBasisPoints: 1 })).toThrow(RangeError);
  });
});

describe('abnormally low flag', () => {
  it('never flags the median price or anything above it, and the flag is monotone in the price', () => {
    fc.assert(
      fc.property(prices, fc.integer({ min: 0, max: 9_999 }), pence, pence, (ps, threshold, a, b) => {
        const median = medianPence(ps);
        for (const p of ps) if (p >= median) expect(isAbnormallyLow(p, median, threshold)).toBe(false);
        const [low, high] = a <= b ? [a, b] : [b, a];
        if (isAbnormallyLow(high, median, threshold)) expect(isAbnormallyLow(low, median, threshold)).toBe(true);
      }),
    );
  });
});
