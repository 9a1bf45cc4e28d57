/** Entry point: validate, solve by the tender's rule, explain. Pure: same input → same output. */
import { explainLots } from './explain';
import { formatScaled } from './exact-score';
import { maximiseLotsThenScore, type Assignment } from './maximise';
import { followBidderPreference } from './preference';
import { buildProblem, type Problem } from './problem';
import type { AwardRule, LotAwardInput, LotAwardOutcome, LotAwardResult } from './types';

const RULE_TEXT: Record<AwardRule, string> = {
  'maximise-lots-then-score': 'as many lots as possible, then the highest total score',
  'bidder-preference': "each lot to its best-placed bidder with room, bidders' stated preferences settling their choices",
};

function solve(problem: Problem): Assignment {
  switch (problem.rule) {
    case 'maximise-lots-then-score':
      return maximiseLotsThenScore(problem);
    case 'bidder-preference':
      return followBidderPreference(problem);
  }
}

export function optimiseLotAwards(input: LotAwardInput): LotAwardOutcome {
  const problem = buildProblem(input);
  const assignment = solve(problem);
  const explanations = explainLots(problem, assignment);

  let exactTotal = 0n;
  const results = problem.lots.map((lot, lotIndex): LotAwardResult => {
    const { explanation, reason } = explanations[lotIndex];
    const winner = assignment[lotIndex];
    if (winner === null) {
      if (reason === undefined) throw new Error(`lot award: unawarded lot ${lot.id} without a reason`);
      return { status: 'unawarded', lotId: lot.id, lotName: lot.name, reason, explanation };
    }
    const bid = problem.bidsByLot[lotIndex].find((b) => b.bidder === winner);
    if (bid === undefined) throw new Error(`lot award: ${lot.id} assigned to a bidder without a bid`);
    exactTotal += bid.scaled;
    const bidder = problem.bidders[winner];
    return {
      status: 'awarded', lotId: lot.id, lotName: lot.name, bidderId: bidder.id, bidderName: bidder.name,
      score: bid.score, positionInLot: bid.position + 1, explanation,
    };
  });

  const bidders = problem.bidders.map((bidder, b) => ({
    bidderId: bidder.id,
    bidderName: bidder.name,
    limit: bidder.limit,
    lotIds: problem.lots.filter((_, lot) => assignment[lot] === b).map((lot) => lot.id),
  }));

  const lotsAwarded = results.filter((r) => r.status === 'awarded').length;
  const totalScoreExact = formatScaled(exactTotal, problem.scoreDecimals);
  const totalScore = Number(totalScoreExact);
  return {
    rule: problem.rule,
    lots: results,
    bidders,
    lotsAwarded,
    totalScore,
    totalScoreExact,
    summary: `Awarded ${lotsAwarded} of ${problem.lots.length} lots for a total score of ${totalScore.toFixed(2)} (rule: ${RULE_TEXT[problem.rule]}).`,
  };
}
