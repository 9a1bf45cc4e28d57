import { optimiseLotAwards, type LotAwardInput, type LotAwardOutcome } from './index';

const winners = (outcome: LotAwardOutcome): Record<string, string | null> =>
  Object.fromEntries(outcome.lots.map((l) => [l.lotId, l.status === 'awarded' ? l.bidderId : null]));
const explanation = (outcome: LotAwardOutcome, lotId: string): string => outcome.lots.find((l) => l.lotId === lotId)?.explanation ?? '';

const lots = [{ id: 'L1', name: 'Lot 1' }, { id: 'L2', name: 'Lot 2' }, { id: 'L3', name: 'Lot 3' }];

describe("lot award — 'bidder-preference'", () => {
  it('lets a bidder topping more lots than its limit take the one it prefers; the other falls to the next bidder', () => {
    const input: LotAwardInput = {
      rule: 'bidder-preference',
      lots: lots.slice(0, 2),
      bidders: [{ id: 'A', preference: ['L1', 'L2'] }],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 90 },
        { bidderId: 'A', lotId: 'L2', score: 95 },
        { bidderId: 'B', lotId: 'L1', score: 80 },
        { bidderId: 'B', lotId: 'L2', score: 70 },
      ],
      lotLimit: 1,
    };
    const outcome = optimiseLotAwards(input);
    expect(winners(outcome)).toEqual({ L1: 'A', L2: 'B' });
    expect(explanation(outcome, 'L2')).toBe(
      'Lot 2 went to B (score 70.00), second-highest here: the top scorer, A (95.00), already holds its limit of 1 lot (Lot 1, which it prefers).',
    );
    expect(outcome).toMatchObject({ rule: 'bidder-preference', lotsAwarded: 2, totalScore: 160 });
    // The score-maximising rule would swap them (95 + 80 = 175 > 160).
    expect(winners(optimiseLotAwards({ ...input, rule: 'maximise-lots-then-score' }))).toEqual({ L1: 'B', L2: 'A' });
  });

  it('follows the stated preference, and without one takes lots in tender order', () => {
    const base: LotAwardInput = {
      rule: 'bidder-preference',
      lots,
      bids: lots.flatMap((lot) => [
        { bidderId: 'A', lotId: lot.id, score: 90 },
        { bidderId: 'B', lotId: lot.id, score: 50 },
      ]),
      lotLimit: 2,
    };
    expect(winners(optimiseLotAwards(base))).toEqual({ L1: 'A', L2: 'A', L3: 'B' });
    // Listed lots first (L3), then the unlisted ones in tender order (L1).
    expect(winners(optimiseLotAwards({ ...base, bidders: [{ id: 'A', preference: ['L3'] }] }))).toEqual({ L1: 'A', L2: 'B', L3: 'A' });
  });

  it('can strand a lot that the score-maximising rule would award (the preference is honoured)', () => {
    const input: LotAwardInput = {
      rule: 'bidder-preference',
      lots: lots.slice(0, 2),
      bidders: [{ id: 'A', preference: ['L2', 'L1'] }],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 90 },
        { bidderId: 'A', lotId: 'L2', score: 90 },
        { bidderId: 'B', lotId: 'L2', score: 50 },
      ],
      lotLimit: 1,
    };
    const outcome = optimiseLotAwards(input);
    expect(winners(outcome)).toEqual({ L1: null, L2: 'A' });
    expect(outcome.lots[0]).toMatchObject({
      reason: 'all-bidders-at-limit',
      explanation: 'Lot 1 was not awarded: the only compliant bidder, A (90.00), already holds its limit of 1 lot (Lot 2, which it prefers).',
    });
    expect(optimiseLotAwards({ ...input, rule: 'maximise-lots-then-score' }).lotsAwarded).toBe(2);
  });

  it('falls back down a lot’s ranking past every bidder that filled up, respecting own maxima', () => {
    const outcome = optimiseLotAwards({
      rule: 'bidder-preference',
      lots,
      bidders: [{ id: 'A', maxLots: 1 }, { id: 'B', maxLots: 1, preference: ['L2', 'L3'] }],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 99 },
        { bidderId: 'A', lotId: 'L3', score: 98 },
        { bidderId: 'B', lotId: 'L2', score: 90 },
        { bidderId: 'B', lotId: 'L3', score: 97 },
        { bidderId: 'C', lotId: 'L3', score: 10 },
      ],
      lotLimit: 2,
    });
    // Round 1: A leads L1 and L3 (room 1) → takes L1 (tender order); B leads L2 → takes it.
    // Round 2: L3's A and B are full → C.
    expect(winners(outcome)).toEqual({ L1: 'A', L2: 'B', L3: 'C' });
    expect(explanation(outcome, 'L3')).toBe(
      'Lot 3 went to C (score 10.00), third-highest here: every better-placed bidder already holds its limit: ' +
        'A (98.00) holds its own maximum of 1 lot (Lot 1, which it prefers); B (97.00) holds its own maximum of 1 lot (Lot 2, which it prefers).',
    );
  });

  it('settles equal scores by the tie-break order', () => {
    const input: LotAwardInput = {
      rule: 'bidder-preference',
      lots: ['L1'],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 60 },
        { bidderId: 'B', lotId: 'L1', score: 60 },
      ],
      lotLimit: 1,
    };
    expect(winners(optimiseLotAwards(input))).toEqual({ L1: 'A' });
    expect(winners(optimiseLotAwards({ ...input, tieBreak: ['B'] }))).toEqual({ L1: 'B' });
  });
});
