import type { BidId, OrganisationId } from '../ids';
import type { RankedBid } from './commands';

export type Scores = { readonly totalScore: number; readonly qualityPoints: number; readonly pricePoints: number };

export type Winner = Scores & {
  readonly bidId: BidId;
  readonly bidderId: OrganisationId;
  readonly bidderName: string;
  readonly annualValuePence: number;
};

/**
 * 'excluded': not compliant or below a pass mark, so it could not win; 'award-cancelled': it won but
 * its award was cancelled after a challenge was upheld.
 */
export type AssessmentOutcome = 'awarded' | 'not-awarded' | 'excluded' | 'award-cancelled';

/** What each bidder is told (PA23 s.50 / PSR reg. 11): its scores, the winner's, and why. */
export type AssessmentSummary = {
  readonly bidId: BidId;
  readonly bidderId: OrganisationId;
  readonly bidderName: string;
  readonly rank: number;
  readonly outcome: AssessmentOutcome;
  readonly scores: Scores;
  readonly winnerScores: Scores;
  readonly reasons: readonly string[];
};

export const scoresOf = (bid: RankedBid): Scores => ({ totalScore: bid.totalScore, qualityPoints: bid.qualityPoints, pricePoints: bid.pricePoints });

export const winnerOf = (bid: RankedBid): Winner => ({
  bidId: bid.bidId,
  bidderId: bid.bidderId,
  bidderName: bid.bidderName,
  annualValuePence: bid.annualValuePence,
  ...scoresOf(bid),
});

/** Only a compliant bid that reached every pass mark can be awarded. */
export const eligible = (bid: RankedBid): boolean => bid.compliant && bid.passedPassMarks;

/** The summaries for a lot with `winner`, in ranking order; `cancelled` are bids whose award was cancelled. */
export function assessmentSummaries(
  ranking: readonly RankedBid[],
  winner: RankedBid,
  explanation: string,
  cancelled: ReadonlySet<BidId> = new Set(),
): AssessmentSummary[] {
  const winnerScores = scoresOf(winner);
  const topEligible = ranking.find((bid) => eligible(bid) && !cancelled.has(bid.bidId));
  return ranking.map((bid, index) => {
    const outcome: AssessmentOutcome =
      bid.bidId === winner.bidId ? 'awarded' : cancelled.has(bid.bidId) ? 'award-cancelled' : eligible(bid) ? 'not-awarded' : 'excluded';
    const why = reasonFor(bid, outcome, winner, bid.bidId === topEligible?.bidId, explanation);
    return {
      bidId: bid.bidId,
      bidderId: bid.bidderId,
      bidderName: bid.bidderName,
      rank: index + 1,
      outcome,
      scores: scoresOf(bid),
      winnerScores,
      reasons: [why, ...bid.feedback],
    };
  });
}

function reasonFor(bid: RankedBid, outcome: AssessmentOutcome, winner: RankedBid, isTopEligible: boolean, explanation: string): string {
  const because = explanation === '' ? '.' : `: ${explanation}`;
  const versus = `scored ${bid.totalScore} against the winning bid's ${winner.totalScore} (quality ${bid.qualityPoints} against ${winner.qualityPoints}; price ${bid.pricePoints} against ${winner.pricePoints})`;
  switch (outcome) {
    case 'awarded':
      return isTopEligible
        ? `Awarded: the highest-scoring compliant bid that reached every pass mark, with ${bid.totalScore}.`
        : `Awarded with ${bid.totalScore} under the tender's lot award rule${because}`;
    case 'award-cancelled':
      return `Its award was cancelled after a challenge was upheld; it ${versus}.`;
    case 'excluded':
      return bid.compliant
        ? `Not awarded: it did not reach a pass mark, so it could not win; it ${versus}.`
        : `Not awarded: it did not meet the tender's mandatory requirements, so it could not win; it ${versus}.`;
    case 'not-awarded':
      return bid.totalScore > winner.totalScore
        ? `Not awarded although it ${versus}, under the tender's lot award rule${because}`
        : `Not awarded: it ${versus}.`;
  }
}
