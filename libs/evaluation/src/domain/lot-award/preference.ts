/**
 * 'bidder-preference': ranking decides, the bidder's stated preference settles its own surplus.
 *
 * In rounds, until no lot changes:
 *   1. every undecided lot's LEADER is its best-placed bidder (score, then rankInLot, then tie-break)
 *      that still has room under its limit; a lot with no such bidder is left unawarded (room only
 *      shrinks, so it never comes back);
 *   2. every leader takes, of the lots it leads, as many as it has room for, most preferred first
 *      (stated preference, then unlisted lots in tender order); the lots it passes on stay undecided
 *      and fall to their next-placed bidder with room in the next round.
 * Leaders take disjoint lots, so a round's outcome does not depend on the order bidders are visited:
 * the result is deterministic. Each round awards at least one lot, so there are at most n rounds.
 * Unlike 'maximise-lots-then-score' this may award fewer lots (a bidder's choice can strand a lot).
 */
import type { Assignment } from './maximise';
import type { Problem } from './problem';

export function followBidderPreference(problem: Problem): Assignment {
  const room = problem.bidders.map((b) => b.limit);
  const assignment = new Array<number | null>(problem.lots.length).fill(null);
  const undecided = new Set(problem.lots.map((_, lot) => lot));

  while (undecided.size > 0) {
    const led = new Map<number, number[]>();
    for (const lot of undecided) {
      const leader = problem.bidsByLot[lot].find((bid) => room[bid.bidder] > 0);
      if (leader === undefined) {
        undecided.delete(lot);
        continue;
      }
      const lots = led.get(leader.bidder) ?? [];
      lots.push(lot);
      led.set(leader.bidder, lots);
    }
    for (const [bidder, lots] of led) {
      const rank = problem.bidders[bidder].preferenceRank;
      const taken = [...lots].sort((a, b) => rank[a] - rank[b]).slice(0, room[bidder]);
      for (const lot of taken) {
        assignment[lot] = bidder;
        undecided.delete(lot);
      }
      room[bidder] -= taken.length;
    }
  }
  return assignment;
}
