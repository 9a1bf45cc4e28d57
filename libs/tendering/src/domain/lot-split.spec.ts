import { DomainError } from '@tenderledger/domain-kit';
import { localityId, serviceLineId } from './ids';
import { apportionByPopulation, proposeLotSplit, type LotCeiling } from './lot-split';
import type { ServiceLine } from './services';
import { SERVICES } from './tender.fixtures';

const CEILING: LotCeiling = { maxPopulation: 30_000, maxAnnualValuePence: 350_000_000 };

const line = (name: string, population: number, annualValuePence: number, localities: Array<[string, number]> = []): ServiceLine => ({
  id: serviceLineId(name.toLowerCase().replace(/\s+/g, '-')),
  name,
  population,
  annualValuePence,
  localities: localities.map(([n, p]) => ({ id: localityId(n.toLowerCase()), name: n, population: p })),
});

describe('proposeLotSplit', () => {
  it('keeps a service line within both ceilings as one lot, and says why', () => {
    const { lots } = proposeLotSplit({ services: [line('Minor surgery', 20_000, 25_000_000, [['North', 12_000], ['South', 8_000]])], ceiling: CEILING });
    expect(lots).toEqual([
      {
        lotId: 'lot-1',
        title: 'Minor surgery',
        serviceLineId: 'minor-surgery',
        localityIds: ['north', 'south'],
        population: 20_000,
        annualValuePence: 25_000_000,
        exceedsCeiling: false,
        reason: 'Minor surgery: one lot for the whole service line because it covers 20,000 patients and £250,000 a year, within the ceilings of 30,000 patients and £3,500,000.',
      },
    ]);
  });

  it('splits a service line above the population ceiling by locality', () => {
    const services = [line('Extended access', 84_000, 60_000_000, [['North', 28_000], ['South', 28_000], ['Central', 28_000]])];
    const { lots } = proposeLotSplit({ services, ceiling: CEILING });
    expect(lots.map((l) => [l.title, l.population, l.annualValuePence, l.exceedsCeiling])).toEqual([
      ['Extended access – North', 28_000, 20_000_000, false],
      ['Extended access – South', 28_000, 20_000_000, false],
      ['Extended access – Central', 28_000, 20_000_000, false],
    ]);
    expect(lots[0]!.reason).toBe(
      'Extended access, North locality: split by locality because the service line covers 84,000 patients, above the 30,000 ceiling; this lot covers 28,000 patients and £200,000 a year.',
    );
  });

  it('splits the tender fixture: big localities alone, small ones grouped, the line without localities flagged', () => {
    const { lots } = proposeLotSplit({ services: SERVICES, ceiling: CEILING });
    expect(lots.map((l) => ({ id: l.lotId, title: l.title, localities: l.localityIds, population: l.population, value: l.annualValuePence, flagged: l.exceedsCeiling }))).toEqual([
      { id: 'lot-1', title: 'Core general practice – North', localities: ['north'], population: 30_000, value: 300_000_000, flagged: false },
      { id: 'lot-2', title: 'Core general practice – South', localities: ['south'], population: 24_000, value: 240_000_000, flagged: false },
      { id: 'lot-3', title: 'Core general practice – East and West', localities: ['east', 'west'], population: 30_000, value: 300_000_000, flagged: false },
      { id: 'lot-4', title: 'Extended access', localities: [], population: 84_000, value: 60_000_000, flagged: true },
    ]);
    expect(lots[0]!.reason).toContain('above the 30,000 ceiling and £8,400,000 a year, above the £3,500,000 ceiling');
    expect(lots[2]!.reason).toBe(
      'Core general practice, East and West localities: split by locality because the service line covers 84,000 patients, above the 30,000 ceiling and £8,400,000 a year, above the £3,500,000 ceiling; East and West are grouped because together they cover 30,000 patients and £3,000,000 a year, within the ceilings.',
    );
    expect(lots[3]!.reason).toMatch(/kept whole but flagged for review .* no localities to split it by/);
  });

  it('splits on value alone when the population fits', () => {
    const { lots } = proposeLotSplit({ services: [line('Enhanced services', 20_000, 500_000_000, [['A', 10_000], ['B', 10_000]])], ceiling: CEILING });
    expect(lots.map((l) => l.annualValuePence)).toEqual([250_000_000, 250_000_000]);
    expect(lots[0]!.reason).toContain('£5,000,000 a year, above the £3,500,000 ceiling');
    expect(lots[0]!.reason).not.toContain('patients, above');
  });

  it('flags a single locality bigger than the ceiling, and still splits the rest', () => {
    const { lots } = proposeLotSplit({ services: [line('Core', 60_000, 100_000_000, [['City', 41_000], ['Rural', 19_000]])], ceiling: CEILING });
    expect(lots.map((l) => [l.title, l.exceedsCeiling])).toEqual([
      ['Core – City', true],
      ['Core – Rural', false],
    ]);
    expect(lots[0]!.reason).toMatch(/City alone covers 41,000 patients, above the 30,000 ceiling, and cannot be split further by locality/);
  });

  it('groups small localities first-fit by decreasing size, listing each lot in input order', () => {
    const { lots } = proposeLotSplit({
      services: [line('Care homes', 40_000, 10_000_000, [['A', 20_000], ['B', 5_000], ['C', 6_000], ['D', 9_000]])],
      ceiling: CEILING,
    });
    // A (20k) opens a lot; D (9k) fits with it (29k); C (6k) would not, so opens a second; B (5k) joins C.
    expect(lots.map((l) => l.title)).toEqual(['Care homes – A and D', 'Care homes – B and C']);
  });

  it('is deterministic', () => {
    expect(proposeLotSplit({ services: SERVICES, ceiling: CEILING })).toEqual(proposeLotSplit({ services: SERVICES, ceiling: CEILING }));
  });

  it('numbers lots across service lines in order', () => {
    const services = [line('One', 10, 10), line('Two', 10, 10)];
    expect(proposeLotSplit({ services, ceiling: CEILING }).lots.map((l) => l.lotId)).toEqual(['lot-1', 'lot-2']);
  });

  it('refuses inconsistent input with LOT_SPLIT_INPUT_INVALID', () => {
    expect(() => proposeLotSplit({ services: [line('Bad', 10, 10, [['A', 3]])], ceiling: CEILING })).toThrow(
      expect.objectContaining({ code: 'LOT_SPLIT_INPUT_INVALID', kind: 'rule' }) as DomainError,
    );
    expect(() => proposeLotSplit({ services: SERVICES, ceiling: { maxPopulation: 0, maxAnnualValuePence: 1 } })).toThrow(/ceiling/);
  });
});

describe('apportionByPopulation', () => {
  it('shares pence exactly, leftovers to the largest remainders, ties to the earlier locality', () => {
    expect(apportionByPopulation(100, [{ population: 1 }, { population: 1 }, { population: 1 }])).toEqual([34, 33, 33]);
    expect(apportionByPopulation(10, [{ population: 1 }, { population: 2 }])).toEqual([3, 7]);
  });
  it('stays exact for values whose product with population passes 2^53', () => {
    const shares = apportionByPopulation(9_000_000_000_001, [{ population: 3_333_333 }, { population: 6_666_667 }]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(9_000_000_000_001);
  });
});
