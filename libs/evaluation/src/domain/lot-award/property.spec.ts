/**
 * The optimiser against the exhaustive reference on hundreds of random small cases (≤ 5 lots, ≤ 4 bidders),
 * including tie-heavy ones, plus the structural invariants and input-order independence.
 */
import fc from 'fast-check';
import { bruteForceOptimum } from './brute-force';
import { optimiseLotAwards, type LotAwardInput, type LotAwardOutcome } from './index';
import { shuffledEntries, smallCase } from './testing/arbitraries';

function checkInvariants(input: LotAwardInput, outcome: LotAwardOutcome): void {
  const lotIds = input.lots.map((l) => (typeof l === 'string' ? l : l.id));
  expect(outcome.lots.map((l) => l.lotId)).toEqual(lotIds); // one result per lot: no lot has two winners
  const held = new Map<string, number>();
  for (const result of outcome.lots) {
    expect(result.explanation.length).toBeGreaterThan(0);
    if (result.status !== 'awarded') continue;
    const bid = input.bids.find((b) => b.bidderId === result.bidderId && b.lotId === result.lotId);
    expect(bid?.score).toBe(result.score); // only a real bid wins
    held.set(result.bidderId, (held.get(result.bidderId) ?? 0) + 1);
  }
  for (const [bidderId, count] of held) {
    const own = input.bidders?.find((b) => b.id === bidderId)?.maxLots ?? Infinity;
    expect(count).toBeLessThanOrEqual(Math.min(input.lotLimit, own));
  }
  expect(outcome.lotsAwarded).toBe(held.size === 0 ? 0 : [...held.values()].reduce((a, b) => a + b));
}

const winners = (outcome: LotAwardOutcome): Map<string, string | null> =>
  new Map(outcome.lots.map((l) => [l.lotId, l.status === 'awarded' ? l.bidderId : null]));

describe("lot award — 'maximise-lots-then-score' against brute force", () => {
  it('reaches the exhaustive optimum (lots awarded, total score) and respects every limit', () => {
    fc.assert(
      fc.property(smallCase(), (input) => {
        const outcome = optimiseLotAwards(input);
        const reference = bruteForceOptimum(input);
        expect(outcome.lotsAwarded).toBe(reference.lotsAwarded);
        expect(outcome.totalScore).toBeCloseTo(reference.totalScore, 6);
        checkInvariants(input, outcome);
      }),
      { numRuns: 500 },
    );
  });

  it('picks exactly the tie-break-preferred optimum when scores tie often', () => {
    fc.assert(
      fc.property(smallCase({ maxScoreCents: 3 }), (input) => {
        const outcome = optimiseLotAwards(input);
        const reference = bruteForceOptimum(input);
        expect(winners(outcome)).toEqual(reference.winners);
        checkInvariants(input, outcome);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same case with shuffled entries gives the identical outcome', () => {
    const both = smallCase({ maxScoreCents: 5 }).chain((input) => fc.tuple(fc.constant(input), shuffledEntries(input)));
    for (const rule of ['maximise-lots-then-score', 'bidder-preference'] as const) {
      fc.assert(
        fc.property(both, ([input, shuffled]) => {
          expect(optimiseLotAwards({ ...shuffled, rule })).toEqual(optimiseLotAwards({ ...input, rule }));
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe("lot award — 'bidder-preference' properties", () => {
  const preferenceCase = smallCase({ maxScoreCents: 10 }).map((input): LotAwardInput => ({ ...input, rule: 'bidder-preference' }));

  it('respects limits, awards only real bids, and leaves a lot empty only when all its bidders are full', () => {
    fc.assert(
      fc.property(preferenceCase, (input) => {
        const outcome = optimiseLotAwards(input);
        checkInvariants(input, outcome);
        for (const result of outcome.lots) {
          if (result.status === 'awarded') continue;
          for (const bid of input.bids.filter((b) => b.lotId === result.lotId)) {
            const holder = outcome.bidders.find((b) => b.bidderId === bid.bidderId);
            expect(holder?.lotIds.length).toBe(holder?.limit);
          }
        }
        // Never beats the exact optimum on the number of lots.
        expect(outcome.lotsAwarded).toBeLessThanOrEqual(optimiseLotAwards({ ...input, rule: 'maximise-lots-then-score' }).lotsAwarded);
      }),
      { numRuns: 400 },
    );
  });
});
