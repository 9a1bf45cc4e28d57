import fc from 'fast-check';
import { localityId, serviceLineId } from './ids';
import { proposeLotSplit, type LotCeiling } from './lot-split';
import type { ServiceLine } from './services';

/** Random but valid service lines: populations add up, values in whole pence, some lines without localities. */
const serviceLines: fc.Arbitrary<ServiceLine[]> = fc
  .array(
    fc.record({
      localities: fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 0, maxLength: 8 }),
      wholePopulation: fc.integer({ min: 1, max: 150_000 }),
      annualValuePence: fc.integer({ min: 0, max: 2_000_000_000 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((lines) =>
    lines.map((l, i) => ({
      id: serviceLineId(`line-${i}`),
      name: `Line ${i}`,
      population: l.localities.length > 0 ? l.localities.reduce((a, b) => a + b, 0) : l.wholePopulation,
      annualValuePence: l.annualValuePence,
      localities: l.localities.map((population, j) => ({ id: localityId(`loc-${j}`), name: `Locality ${j}`, population })),
    })),
  );

const ceilings: fc.Arbitrary<LotCeiling> = fc.record({
  maxPopulation: fc.integer({ min: 1, max: 100_000 }),
  maxAnnualValuePence: fc.integer({ min: 1, max: 1_000_000_000 }),
});

describe('proposeLotSplit properties', () => {
  it('every lot respects the ceilings unless it is flagged, and is one service line', () => {
    fc.assert(
      fc.property(serviceLines, ceilings, (services, ceiling) => {
        for (const lot of proposeLotSplit({ services, ceiling }).lots) {
          const within = lot.population <= ceiling.maxPopulation && lot.annualValuePence <= ceiling.maxAnnualValuePence;
          expect(lot.exceedsCeiling).toBe(!within);
          expect(services.some((s) => s.id === lot.serviceLineId)).toBe(true);
          expect(lot.reason.length).toBeGreaterThan(0);
          // A flagged lot is never a group: it is one oversized locality or a line with no localities.
          if (lot.exceedsCeiling) expect(lot.localityIds.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('covers every locality of every service line exactly once, with its population', () => {
    fc.assert(
      fc.property(serviceLines, ceilings, (services, ceiling) => {
        const { lots } = proposeLotSplit({ services, ceiling });
        for (const line of services) {
          const own = lots.filter((l) => l.serviceLineId === line.id);
          const covered = own.flatMap((l) => l.localityIds).sort();
          expect(covered).toEqual(line.localities.map((l) => l.id).sort());
          expect(own.reduce((s, l) => s + l.population, 0)).toBe(line.population);
          if (line.localities.length === 0) expect(own).toHaveLength(1);
          for (const lot of own) {
            const sum = line.localities.filter((l) => lot.localityIds.includes(l.id)).reduce((s, l) => s + l.population, 0);
            if (line.localities.length > 0) expect(lot.population).toBe(sum);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('conserves value: each service line’s lots add up to its annual value to the penny', () => {
    fc.assert(
      fc.property(serviceLines, ceilings, (services, ceiling) => {
        const { lots } = proposeLotSplit({ services, ceiling });
        for (const line of services) {
          const own = lots.filter((l) => l.serviceLineId === line.id);
          expect(own.reduce((s, l) => s + l.annualValuePence, 0)).toBe(line.annualValuePence);
          expect(own.every((l) => Number.isSafeInteger(l.annualValuePence) && l.annualValuePence >= 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and numbers lots lot-1..lot-n', () => {
    fc.assert(
      fc.property(serviceLines, ceilings, (services, ceiling) => {
        const first = proposeLotSplit({ services, ceiling });
        expect(proposeLotSplit({ services, ceiling })).toEqual(first);
        expect(first.lots.map((l) => l.lotId)).toEqual(first.lots.map((_, i) => `lot-${i + 1}`));
      }),
      { numRuns: 100 },
    );
  });
});
