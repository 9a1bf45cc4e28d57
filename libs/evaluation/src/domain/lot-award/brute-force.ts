/**
 * Exhaustive reference for 'maximise-lots-then-score' on small cases (tests and bench only; exponential).
 * Deliberately shares no code with the optimiser: it enumerates every assignment (each lot: nobody or one
 * of its bidders), discards those over a limit and keeps the best by (lots awarded, total score, then lot
 * by lot the better-placed winner). Scores are compared with a 1e-9 tolerance, so callers must use scores
 * whose true totals differ by more than that (e.g. whole cents).
 */
import type { BidderId, LotAwardInput, LotBid, LotId } from './types';

export interface BruteForceOptimum {
  /** Lot id → winning bidder id, or null. */
  readonly winners: ReadonlyMap<LotId, BidderId | null>;
  readonly lotsAwarded: number;
  readonly totalScore: number;
}

const EPSILON = 1e-9;

export function bruteForceOptimum(input: LotAwardInput): BruteForceOptimum {
  const lotIds = input.lots.map((lot) => (typeof lot === 'string' ? lot : lot.id));
  const tie = input.tieBreak ?? [];
  const tieKey = (id: BidderId): [number, string] => [tie.includes(id) ? tie.indexOf(id) : tie.length, id];
  const byTie = (a: BidderId, b: BidderId): number => {
    const [pa, ia] = tieKey(a);
    const [pb, ib] = tieKey(b);
    return pa - pb || (ia < ib ? -1 : ia > ib ? 1 : 0);
  };
  // Each lot's bids, best placed first: score, then stated rank, then tie-break.
  const options: LotBid[][] = lotIds.map((lotId) =>
    input.bids
      .filter((bid) => bid.lotId === lotId)
      .sort((a, b) => b.score - a.score || (a.rankInLot ?? Infinity) - (b.rankInLot ?? Infinity) || byTie(a.bidderId, b.bidderId)),
  );
  const limitOf = (id: BidderId): number => Math.min(input.lotLimit, input.bidders?.find((b) => b.id === id)?.maxLots ?? Infinity);

  let best: { choice: number[]; count: number; total: number } | undefined;
  const choice = new Array<number>(lotIds.length).fill(-1); // index into options[lot], -1 = unawarded
  const used = new Map<BidderId, number>();

  const better = (count: number, total: number): boolean => {
    if (best === undefined) return true;
    if (count !== best.count) return count > best.count;
    if (Math.abs(total - best.total) > EPSILON) return total > best.total;
    for (let lot = 0; lot < choice.length; lot++) {
      const mine = choice[lot] === -1 ? Infinity : choice[lot];
      const theirs = best.choice[lot] === -1 ? Infinity : best.choice[lot];
      if (mine !== theirs) return mine < theirs;
    }
    return false;
  };

  const visit = (lot: number, count: number, total: number): void => {
    if (lot === lotIds.length) {
      if (better(count, total)) best = { choice: [...choice], count, total };
      return;
    }
    choice[lot] = -1;
    visit(lot + 1, count, total);
    options[lot].forEach((bid, i) => {
      const n = used.get(bid.bidderId) ?? 0;
      if (n >= limitOf(bid.bidderId)) return;
      used.set(bid.bidderId, n + 1);
      choice[lot] = i;
      visit(lot + 1, count + 1, total + bid.score);
      used.set(bid.bidderId, n);
    });
    choice[lot] = -1;
  };
  visit(0, 0, 0);

  const found = best as { choice: number[]; count: number; total: number };
  const winners = new Map<LotId, BidderId | null>(lotIds.map((id, lot) => [id, found.choice[lot] === -1 ? null : options[lot][found.choice[lot]].bidderId]));
  return { winners, lotsAwarded: found.count, totalScore: found.total };
}
