/**
 * 'maximise-lots-then-score' as an exact maximum-weight b-matching, solved as min-cost max-flow on
 *   source →(cap = bidder's limit, cost 0)→ bidder →(cap 1, cost c(bid))→ lot →(cap 1, cost 0)→ sink.
 * Max flow = most lots awarded; min cost among max flows = the rest of the objective, encoded in one
 * exact bigint per bid so that no epsilon can ever be too small:
 *
 *   c(bid) = −scaledScore · M + (position − K + 1) · K^(n−1−lot)
 *
 * with n lots, K = (most bids on any lot) + 1, M = K^n. Reading the second term per lot as a base-K
 * "digit" (the winner's 0-based position in that lot, or K−1 if unawarded, shifted by a constant), the
 * tie part of any solution's cost lies in a window narrower than M, so the total cost orders solutions by
 *   1. lots awarded (max flow), 2. total score, 3. lot by lot in tender order, the better-placed winner
 *      (placement = score, then rankInLot, then the tie-break order; an award beats no award).
 * That order is total and names a unique assignment (the digits spell it), so the answer does not
 * depend on input order or on which optimum the flow happened to reach.
 */
import { MinCostFlow } from './min-cost-flow';
import type { Problem } from './problem';

/** Lot index → bidder index, or null when unawarded. */
export type Assignment = readonly (number | null)[];

export function maximiseLotsThenScore(problem: Problem): Assignment {
  const lotCount = problem.lots.length;
  const K = BigInt(problem.bidsByLot.reduce((max, bids) => Math.max(max, bids.length), 0) + 1);
  const M = K ** BigInt(lotCount);

  const source = 0;
  const sink = 1;
  const bidderNode = (b: number): number => 2 + b;
  const lotNode = (l: number): number => 2 + problem.bidders.length + l;
  const network = new MinCostFlow(2 + problem.bidders.length + lotCount);

  problem.bidders.forEach((bidder, b) => network.addEdge(source, bidderNode(b), bidder.limit, 0n));
  const bidEdges: { readonly edge: number; readonly lot: number; readonly bidder: number }[] = [];
  problem.bidsByLot.forEach((bids, lot) => {
    const weight = K ** BigInt(lotCount - 1 - lot);
    for (const bid of bids) {
      const cost = -bid.scaled * M + (BigInt(bid.position) - K + 1n) * weight;
      bidEdges.push({ edge: network.addEdge(bidderNode(bid.bidder), lotNode(lot), 1, cost), lot, bidder: bid.bidder });
    }
  });
  for (let lot = 0; lot < lotCount; lot++) network.addEdge(lotNode(lot), sink, 1, 0n);

  network.run(source, sink);

  const assignment = new Array<number | null>(lotCount).fill(null);
  for (const { edge, lot, bidder } of bidEdges) if (network.flowOn(edge) === 1) assignment[lot] = bidder;
  return assignment;
}
