/** fast-check generators for small lot-award cases (spec support; not exported from the module). */
import fc from 'fast-check';
import type { BidderSpec, LotAwardInput, LotBid } from '../types';

export interface SmallCaseOptions {
  readonly maxLots?: number;
  readonly maxBidders?: number;
  /** Highest score in whole cents / 100; a small range makes ties (and so the tie-break) frequent. */
  readonly maxScoreCents?: number;
}

export function smallCase(options: SmallCaseOptions = {}): fc.Arbitrary<LotAwardInput> {
  const { maxLots = 5, maxBidders = 4, maxScoreCents = 10_000 } = options;
  return fc
    .record({ lotCount: fc.integer({ min: 1, max: maxLots }), bidderCount: fc.integer({ min: 1, max: maxBidders }) })
    .chain(({ lotCount, bidderCount }) => {
      const lots = Array.from({ length: lotCount }, (_, i) => `L${i + 1}`);
      const bidderIds = Array.from({ length: bidderCount }, (_, i) => `B${i + 1}`);
      const bid = fc.option(fc.integer({ min: 0, max: maxScoreCents }), { nil: undefined, freq: 2 });
      return fc.record({
        lots: fc.constant(lots),
        matrix: fc.array(fc.array(bid, { minLength: lotCount, maxLength: lotCount }), { minLength: bidderCount, maxLength: bidderCount }),
        lotLimit: fc.integer({ min: 1, max: 3 }),
        ownMax: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: bidderCount, maxLength: bidderCount }),
        preference: fc.array(fc.shuffledSubarray(lots), { minLength: bidderCount, maxLength: bidderCount }),
        tieBreak: fc.shuffledSubarray(bidderIds),
        rule: fc.constant<LotAwardInput['rule']>('maximise-lots-then-score'),
      });
    })
    .map(({ lots, matrix, lotLimit, ownMax, preference, tieBreak, rule }): LotAwardInput => {
      const bids: LotBid[] = [];
      matrix.forEach((row, b) =>
        row.forEach((cents, l) => {
          if (cents !== undefined) bids.push({ bidderId: `B${b + 1}`, lotId: lots[l], score: cents / 100 });
        }),
      );
      const bidders: BidderSpec[] = ownMax.map((maxLots, b) => ({ id: `B${b + 1}`, name: `Bidder ${b + 1}`, maxLots, preference: preference[b] }));
      return { lots, bids, lotLimit, bidders, tieBreak, rule };
    });
}

/** The same case with its bid entries (and bidder list) in another order. */
export function shuffledEntries(input: LotAwardInput): fc.Arbitrary<LotAwardInput> {
  return fc
    .record({ bids: fc.shuffledSubarray([...input.bids], { minLength: input.bids.length }), bidders: fc.shuffledSubarray([...(input.bidders ?? [])], { minLength: input.bidders?.length ?? 0 }) })
    .map(({ bids, bidders }) => ({ ...input, bids, bidders }));
}
