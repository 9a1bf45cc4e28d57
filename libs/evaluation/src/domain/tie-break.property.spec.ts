import fc from 'fast-check';
import { TIE_BREAK_RULES, type TieBreakRule } from './facts';
import { asBidId } from './ids';
import { compareForRanking, orderForRanking, pointsKey, separatingKey, type RankingCandidate } from './tie-break';

// Small domains so ties on every key are frequent.
const candidate: fc.Arbitrary<RankingCandidate> = fc.record({
  bidId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f').map(asBidId),
  totalPoints: fc.constantFrom(60, 70, 0.1 + 0.2, 0.3, 88),
  qualityPoints: fc.constantFrom(40, 48, 60),
  pricePence: fc.constantFrom(70, 100),
  submittedAt: fc.constantFrom('2026-02-01T10:00:00Z', '2026-02-01T11:00:00+01:00', '2026-01-31T09:00:00Z'),
});
/** Distinct bid ids, as in a real lot. */
const lot = fc.uniqueArray(candidate, { selector: (c) => c.bidId, maxLength: 6 });
const rule = fc.constantFrom<TieBreakRule>(...TIE_BREAK_RULES);

describe('tie-break', () => {
  it('is a total order on distinct bids: antisymmetric, and 0 only for the same bid', () => {
    fc.assert(
      fc.property(rule, candidate, candidate, (r, a, b) => {
        const ab = compareForRanking(r, a, b);
        const ba = compareForRanking(r, b, a);
        expect(Math.sign(ab) === -Math.sign(ba)).toBe(true); // === treats 0 and -0 alike, Object.is does not
        if (a.bidId !== b.bidId) expect(ab).not.toBe(0);
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(rule, candidate, candidate, candidate, (r, a, b, c) => {
        if (compareForRanking(r, a, b) < 0 && compareForRanking(r, b, c) < 0) expect(compareForRanking(r, a, c)).toBeLessThan(0);
      }),
    );
  });

  it('is deterministic: any input order gives the same ranking', () => {
    fc.assert(
      fc.property(rule, lot, fc.integer(), (r, candidates, seed) => {
        const shuffled = [...candidates].sort((x, y) => ((x.bidId.charCodeAt(0) * 31 + seed) % 7) - ((y.bidId.charCodeAt(0) * 31 + seed) % 7));
        expect(orderForRanking(r, shuffled).map((c) => c.bidId)).toEqual(orderForRanking(r, candidates).map((c) => c.bidId));
      }),
    );
  });

  it('never puts a lower total above a higher one, whatever the rule', () => {
    fc.assert(
      fc.property(rule, lot, (r, candidates) => {
        const ordered = orderForRanking(r, candidates);
        for (let i = 1; i < ordered.length; i++) expect(pointsKey(ordered[i - 1]!.totalPoints)).toBeGreaterThanOrEqual(pointsKey(ordered[i]!.totalPoints));
      }),
    );
  });

  it('treats totals equal to a millionth of a point as tied (0.1 + 0.2 ties with 0.3), so the stated rule decides', () => {
    const a: RankingCandidate = { bidId: asBidId('a'), totalPoints: 0.1 + 0.2, qualityPoints: 40, pricePence: 100, submittedAt: '2026-02-01T10:00:00Z' };
    const b: RankingCandidate = { ...a, bidId: asBidId('b'), totalPoints: 0.3, qualityPoints: 48 };
    expect(separatingKey('highest-quality-then-lowest-price-then-earliest-submission', b, a)).toBe('quality-points');
    expect(orderForRanking('highest-quality-then-lowest-price-then-earliest-submission', [a, b]).map((c) => c.bidId)).toEqual(['b', 'a']);
  });
});
