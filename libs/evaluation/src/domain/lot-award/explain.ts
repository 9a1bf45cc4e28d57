/**
 * Plain-English reasons per lot. Each sentence states facts checked here against the final assignment
 * (a better-placed bidder that lost a lot really is at its limit); a false claim would be an optimiser
 * bug, so it throws rather than print it. For both rules, any better-placed bidder that did not win
 * a lot is at its limit: otherwise moving the lot to it would improve the objective (maximise rule) or
 * it would have been the lot's leader (preference rule).
 */
import type { Assignment } from './maximise';
import type { CanonicalBid, Problem } from './problem';
import type { UnawardedReason } from './types';

const HIGHEST = ['highest', 'second-highest', 'third-highest', 'fourth-highest', 'fifth-highest', 'sixth-highest', 'seventh-highest', 'eighth-highest', 'ninth-highest', 'tenth-highest'];
const PLACE = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

function numeral(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const highest = (place: number): string => HIGHEST[place - 1] ?? `${numeral(place)}-highest`;
const placed = (place: number): string => PLACE[place - 1] ?? numeral(place);
const lots = (n: number): string => `${n} lot${n === 1 ? '' : 's'}`;
export const formatScore = (score: number): string => score.toFixed(2);

function listing(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface LotExplanation {
  readonly explanation: string;
  readonly reason?: UnawardedReason;
}

export function explainLots(problem: Problem, assignment: Assignment): LotExplanation[] {
  const held: number[][] = problem.bidders.map(() => []);
  assignment.forEach((bidder, lot) => {
    if (bidder !== null) held[bidder].push(lot);
  });

  const who = (bid: CanonicalBid): string => `${problem.bidders[bid.bidder].name} (${formatScore(bid.score)})`;

  /** "its limit of 1 lot (Lot 1)"; asserts the bidder really is at its limit. */
  const atLimit = (bid: CanonicalBid): string => {
    const bidder = problem.bidders[bid.bidder];
    const lotsHeld = held[bid.bidder];
    if (lotsHeld.length < bidder.limit) {
      throw new Error(`lot award: ${bidder.id} lost lot ${problem.lots[bid.lot].id} while below its limit`);
    }
    const limit = `${bidder.ownMaximumBinds ? 'its own maximum' : 'its limit'} of ${lots(bidder.limit)}`;
    if (lotsHeld.length === 0) return limit;
    const names = listing(lotsHeld.map((lot) => problem.lots[lot].name));
    const prefers = problem.rule === 'bidder-preference' && lotsHeld.every((lot) => bidder.preferenceRank[lot] < bidder.preferenceRank[bid.lot]);
    return `${limit} (${names}${prefers ? ', which it prefers' : ''})`;
  };

  return problem.lots.map((lot, lotIndex): LotExplanation => {
    const bids = problem.bidsByLot[lotIndex];
    const winner = assignment[lotIndex];

    if (winner === null) {
      if (bids.length === 0) return { reason: 'no-compliant-bid', explanation: `${lot.name} was not awarded: no compliant bid.` };
      const why =
        bids.length === 1
          ? `the only compliant bidder, ${who(bids[0])}, already holds ${atLimit(bids[0])}`
          : `every compliant bidder already holds its limit: ${bids.map((b) => `${who(b)} holds ${atLimit(b)}`).join('; ')}`;
      return { reason: 'all-bidders-at-limit', explanation: `${lot.name} was not awarded: ${why}.` };
    }

    const win = bids.find((b) => b.bidder === winner) as CanonicalBid;
    const head = `${lot.name} went to ${problem.bidders[winner].name} (score ${formatScore(win.score)})`;
    const above = bids.slice(0, win.position);

    if (above.length === 0) {
      if (bids.length === 1) return { explanation: `${head}, the only compliant bid.` };
      const tied = bids.filter((b) => b !== win && b.scaled === win.scaled);
      if (tied.length === 0) return { explanation: `${head}, the highest score here.` };
      const byRank = win.rankInLot !== undefined && win.rankInLot !== tied[0].rankInLot;
      return {
        explanation: `${head}, the highest score here, tied with ${listing(tied.map(who))}; ${byRank ? "the evaluation's rank in the lot" : 'the tie-break order'} puts it first.`,
      };
    }

    const place = win.position + 1;
    const standing = above.some((b) => b.scaled === win.scaled) ? `placed ${placed(place)} here on an equal score` : `${highest(place)} here`;
    const why =
      above.length === 1
        ? `the top scorer, ${who(above[0])}, already holds ${atLimit(above[0])}`
        : `every better-placed bidder already holds its limit: ${above.map((b) => `${who(b)} holds ${atLimit(b)}`).join('; ')}`;
    return { explanation: `${head}, ${standing}: ${why}.` };
  });
}
