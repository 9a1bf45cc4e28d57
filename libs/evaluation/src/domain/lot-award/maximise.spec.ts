import { LotAwardInputError, optimiseLotAwards, type LotAwardInput, type LotAwardOutcome, type LotAwardResult } from './index';

const lot = (outcome: LotAwardOutcome, id: string): LotAwardResult => {
  const found = outcome.lots.find((l) => l.lotId === id);
  if (!found) throw new Error(`no lot ${id}`);
  return found;
};
const winners = (outcome: LotAwardOutcome): Record<string, string | null> =>
  Object.fromEntries(outcome.lots.map((l) => [l.lotId, l.status === 'awarded' ? l.bidderId : null]));

const names = [
  { id: 'care', name: 'CareCorp' },
  { id: 'valley', name: 'Valley GP Federation' },
];

describe("lot award — 'maximise-lots-then-score'", () => {
  it("gives lot B to its second-best bidder when the top scorer already holds its limit from lot A, and says so", () => {
    const outcome = optimiseLotAwards({
      lots: [{ id: 'L1', name: 'Lot 1' }, { id: 'L2', name: 'Lot 2' }],
      bidders: names,
      bids: [
        { bidderId: 'care', lotId: 'L1', score: 95 },
        { bidderId: 'care', lotId: 'L2', score: 91 },
        { bidderId: 'valley', lotId: 'L1', score: 80 },
        { bidderId: 'valley', lotId: 'L2', score: 84.5 },
      ],
      lotLimit: 1,
    });
    expect(winners(outcome)).toEqual({ L1: 'care', L2: 'valley' });
    expect(lot(outcome, 'L1').explanation).toBe('Lot 1 went to CareCorp (score 95.00), the highest score here.');
    expect(lot(outcome, 'L2').explanation).toBe(
      'Lot 2 went to Valley GP Federation (score 84.50), second-highest here: the top scorer, CareCorp (91.00), already holds its limit of 1 lot (Lot 1).',
    );
    expect(lot(outcome, 'L2')).toMatchObject({ positionInLot: 2, score: 84.5, bidderName: 'Valley GP Federation' });
    expect(outcome).toMatchObject({ lotsAwarded: 2, totalScore: 179.5, totalScoreExact: '179.5' });
    expect(outcome.summary).toBe(
      'Awarded 2 of 2 lots for a total score of 179.50 (rule: as many lots as possible, then the highest total score).',
    );
  });

  it('leaves a lot with no bids unawarded with reason no-compliant-bid', () => {
    const outcome = optimiseLotAwards({
      lots: [{ id: 'L1', name: 'Lot 1' }, { id: 'L3', name: 'Lot 3' }],
      bids: [{ bidderId: 'care', lotId: 'L1', score: 70 }],
      lotLimit: 2,
    });
    expect(lot(outcome, 'L3')).toEqual({
      status: 'unawarded', lotId: 'L3', lotName: 'Lot 3', reason: 'no-compliant-bid', explanation: 'Lot 3 was not awarded: no compliant bid.',
    });
    expect(lot(outcome, 'L1').explanation).toBe('Lot 1 went to care (score 70.00), the only compliant bid.');
    expect(outcome.lotsAwarded).toBe(1);
  });

  it('leaves a lot unawarded when every bidder on it is at its limit, naming what they hold', () => {
    const outcome = optimiseLotAwards({
      lots: [{ id: 'L1', name: 'Lot 1' }, { id: 'L2', name: 'Lot 2' }],
      bidders: names,
      bids: [
        { bidderId: 'care', lotId: 'L1', score: 10 },
        { bidderId: 'care', lotId: 'L2', score: 5 },
      ],
      lotLimit: 1,
    });
    expect(lot(outcome, 'L2')).toMatchObject({
      status: 'unawarded',
      reason: 'all-bidders-at-limit',
      explanation: 'Lot 2 was not awarded: the only compliant bidder, CareCorp (5.00), already holds its limit of 1 lot (Lot 1).',
    });
  });

  it("respects a bidder's own smaller maximum and explains it as such", () => {
    const input = (maxLots?: number): LotAwardInput => ({
      lots: [{ id: 'L1', name: 'Lot 1' }, { id: 'L2', name: 'Lot 2' }],
      bidders: [{ id: 'care', name: 'CareCorp', maxLots }, { id: 'valley', name: 'Valley GP Federation' }],
      bids: [
        { bidderId: 'care', lotId: 'L1', score: 90 },
        { bidderId: 'care', lotId: 'L2', score: 90 },
        { bidderId: 'valley', lotId: 'L2', score: 50 },
      ],
      lotLimit: 2,
    });
    expect(winners(optimiseLotAwards(input()))).toEqual({ L1: 'care', L2: 'care' });

    const capped = optimiseLotAwards(input(1));
    expect(winners(capped)).toEqual({ L1: 'care', L2: 'valley' });
    expect(lot(capped, 'L2').explanation).toBe(
      'Lot 2 went to Valley GP Federation (score 50.00), second-highest here: the top scorer, CareCorp (90.00), already holds its own maximum of 1 lot (Lot 1).',
    );
    expect(capped.bidders.find((b) => b.bidderId === 'care')).toEqual({ bidderId: 'care', bidderName: 'CareCorp', limit: 1, lotIds: ['L1'] });
  });

  it('awards more lots rather than a higher total that leaves a lot empty', () => {
    // X alone on both lots would score 100 (one lot, limit 1); X on L2 + Y on L1 scores only 51 but awards both.
    const outcome = optimiseLotAwards({
      lots: [{ id: 'L1', name: 'Lot 1' }, { id: 'L2', name: 'Lot 2' }],
      bids: [
        { bidderId: 'X', lotId: 'L1', score: 100 },
        { bidderId: 'X', lotId: 'L2', score: 50 },
        { bidderId: 'Y', lotId: 'L1', score: 1 },
      ],
      lotLimit: 1,
    });
    expect(winners(outcome)).toEqual({ L1: 'Y', L2: 'X' });
    expect(outcome).toMatchObject({ lotsAwarded: 2, totalScore: 51 });
    expect(lot(outcome, 'L1').explanation).toBe(
      'Lot 1 went to Y (score 1.00), second-highest here: the top scorer, X (100.00), already holds its limit of 1 lot (Lot 2).',
    );
  });

  it('X scoring 100 on both lots, Y 1 on lot 2 only, limit 1: X takes lot 1 and Y lot 2', () => {
    const outcome = optimiseLotAwards({
      lots: ['L1', 'L2'],
      bids: [
        { bidderId: 'X', lotId: 'L1', score: 100 },
        { bidderId: 'X', lotId: 'L2', score: 100 },
        { bidderId: 'Y', lotId: 'L2', score: 1 },
      ],
      lotLimit: 1,
    });
    expect(winners(outcome)).toEqual({ L1: 'X', L2: 'Y' });
    expect(outcome).toMatchObject({ lotsAwarded: 2, totalScore: 101 });
  });

  it('among the top scorers of a lot on an equal score, follows the tie-break order, then the stated rank beats it', () => {
    const base: LotAwardInput = {
      lots: [{ id: 'L1', name: 'Lot 1' }],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 80 },
        { bidderId: 'B', lotId: 'L1', score: 80 },
      ],
      lotLimit: 1,
    };
    expect(winners(optimiseLotAwards(base))).toEqual({ L1: 'A' }); // default: by id
    const byOrder = optimiseLotAwards({ ...base, tieBreak: ['B', 'A'] });
    expect(winners(byOrder)).toEqual({ L1: 'B' });
    expect(lot(byOrder, 'L1').explanation).toBe('Lot 1 went to B (score 80.00), the highest score here, tied with A (80.00); the tie-break order puts it first.');

    const byRank = optimiseLotAwards({
      ...base,
      tieBreak: ['B', 'A'],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 80, rankInLot: 1 },
        { bidderId: 'B', lotId: 'L1', score: 80, rankInLot: 2 },
      ],
    });
    expect(winners(byRank)).toEqual({ L1: 'A' });
    expect(lot(byRank, 'L1').explanation).toContain("the evaluation's rank in the lot puts it first");
  });

  it('on equal totals prefers, lot by lot in tender order, the better-placed winner', () => {
    // Both assignments award 2 lots for 10: {L1: A, L2: B} and {L1: B, L2: A}. A is better placed on L1 (tie-break).
    const input: LotAwardInput = {
      lots: ['L1', 'L2'],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 5 },
        { bidderId: 'B', lotId: 'L1', score: 5 },
        { bidderId: 'A', lotId: 'L2', score: 5 },
        { bidderId: 'B', lotId: 'L2', score: 5 },
      ],
      lotLimit: 1,
    };
    expect(winners(optimiseLotAwards(input))).toEqual({ L1: 'A', L2: 'B' });
    expect(winners(optimiseLotAwards({ ...input, tieBreak: ['B'] }))).toEqual({ L1: 'B', L2: 'A' });
    expect(lot(optimiseLotAwards(input), 'L2').explanation).toBe(
      'L2 went to B (score 5.00), placed second here on an equal score: the top scorer, A (5.00), already holds its limit of 1 lot (L1).',
    );
  });

  it('compares totals exactly: 0.3 + 0 ties 0.1 + 0.2, and the tie-break (not float noise) decides', () => {
    // {L1: A 0.3, L2: B 0} vs {L1: B 0.1, L2: A 0.2}: both exactly 0.3, but in floats the second sums to
    // 0.30000000000000004 and would win. Exactly equal, so the tie-break decides: A is better placed on L1.
    expect(0.1 + 0.2).toBeGreaterThan(0.3 + 0);
    const outcome = optimiseLotAwards({
      lots: ['L1', 'L2'],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 0.3 },
        { bidderId: 'B', lotId: 'L1', score: 0.1 },
        { bidderId: 'A', lotId: 'L2', score: 0.2 },
        { bidderId: 'B', lotId: 'L2', score: 0 },
      ],
      lotLimit: 1,
    });
    expect(winners(outcome)).toEqual({ L1: 'A', L2: 'B' });
    expect(outcome.totalScoreExact).toBe('0.3');
    expect(outcome.totalScore).toBe(0.3);
  });

  it('gives a third-placed winner a sentence naming every better-placed bidder', () => {
    const outcome = optimiseLotAwards({
      lots: [{ id: 'L1', name: 'Lot 1' }, { id: 'L2', name: 'Lot 2' }, { id: 'L3', name: 'Lot 3' }],
      bids: [
        { bidderId: 'A', lotId: 'L1', score: 90 },
        { bidderId: 'B', lotId: 'L2', score: 90 },
        { bidderId: 'A', lotId: 'L3', score: 80 },
        { bidderId: 'B', lotId: 'L3', score: 70 },
        { bidderId: 'C', lotId: 'L3', score: 60 },
      ],
      lotLimit: 1,
    });
    expect(lot(outcome, 'L3').explanation).toBe(
      'Lot 3 went to C (score 60.00), third-highest here: every better-placed bidder already holds its limit: ' +
        'A (80.00) holds its limit of 1 lot (Lot 1); B (70.00) holds its limit of 1 lot (Lot 2).',
    );
  });

  it('handles a tender with no bids and no lots', () => {
    expect(optimiseLotAwards({ lots: [], bids: [], lotLimit: 1 })).toMatchObject({ lotsAwarded: 0, totalScore: 0, totalScoreExact: '0', lots: [] });
  });

  describe('refuses malformed input with a stable code', () => {
    const ok: LotAwardInput = { lots: ['L1'], bids: [{ bidderId: 'A', lotId: 'L1', score: 1 }], lotLimit: 1 };
    const code = (input: LotAwardInput): string | undefined => {
      try {
        optimiseLotAwards(input);
        return undefined;
      } catch (e) {
        return e instanceof LotAwardInputError ? e.code : 'other';
      }
    };
    it.each<[string, LotAwardInput]>([
      ['invalid-lot-limit', { ...ok, lotLimit: 0 }],
      ['invalid-lot-limit', { ...ok, lotLimit: 1.5 }],
      ['duplicate-lot', { ...ok, lots: ['L1', 'L1'] }],
      ['unknown-lot', { ...ok, bids: [{ bidderId: 'A', lotId: 'L9', score: 1 }] }],
      ['duplicate-bid', { ...ok, bids: [...ok.bids, { bidderId: 'A', lotId: 'L1', score: 2 }] }],
      ['invalid-score', { ...ok, bids: [{ bidderId: 'A', lotId: 'L1', score: Number.NaN }] }],
      ['invalid-rank', { ...ok, bids: [{ bidderId: 'A', lotId: 'L1', score: 1, rankInLot: 0 }] }],
      ['inconsistent-rank', { ...ok, bids: [{ bidderId: 'A', lotId: 'L1', score: 2, rankInLot: 2 }, { bidderId: 'B', lotId: 'L1', score: 1, rankInLot: 1 }] }],
      ['invalid-bidder-maximum', { ...ok, bidders: [{ id: 'A', maxLots: -1 }] }],
      ['duplicate-bidder', { ...ok, bidders: [{ id: 'A' }, { id: 'A' }] }],
      ['invalid-preference', { ...ok, bidders: [{ id: 'A', preference: ['L1', 'L1'] }] }],
      ['unknown-lot', { ...ok, bidders: [{ id: 'A', preference: ['L7'] }] }],
      ['invalid-tie-break', { ...ok, tieBreak: ['A', 'A'] }],
      ['invalid-id', { ...ok, bids: [{ bidderId: '', lotId: 'L1', score: 1 }] }],
    ])('%s', (expected, input) => {
      expect(code(input)).toBe(expected);
    });
    it('accepts the valid baseline', () => expect(code(ok)).toBeUndefined());
  });
});
