import type { EvaluatedBid, EvaluationOutcome, LotRanking } from '@tenderledger/evaluation';
import type { RankedBid } from '../domain/competitive/commands';
import { bidId, lotId, organisationId, type BidId, type LotId } from '../domain/ids';

/**
 * The evaluation context's published outcome (`loadEvaluationOutcome`) read for the award: each lot's
 * ranking as RankedBids, and the recommended winner with the lot award optimiser's explanation.
 */
export type LotOutcome = {
  readonly lotId: LotId;
  readonly ranking: readonly RankedBid[];
  /** Null when the evaluation recommends nobody (no compliant bid, or every bidder at its limit). */
  readonly winnerBidId: BidId | null;
  readonly explanation: string;
};

/** Scores are recorded to two decimals: the figures bidders read in their assessment summaries. */
const twoDecimals = (n: number): number => Math.round(n * 100) / 100;

/** The organisation that acts for a bid: a consortium's lead. */
const actingFor = (bid: EvaluatedBid): string => (bid.bidder.kind === 'organisation' ? bid.bidder.organisationId : bid.bidder.leadOrganisationId);

export function lotOutcomes(outcome: EvaluationOutcome, nameOf: (organisationId: string) => string): LotOutcome[] {
  const bids = new Map(outcome.bids.map((bid) => [bid.bidId as string, bid]));
  const recommended = new Map(outcome.recommendation.lots.map((lot) => [lot.lotId as string, lot]));
  const nameOfBid = (bid: EvaluatedBid): string => bid.bidderName ?? (bid.bidder.kind === 'consortium' ? bid.bidder.name : nameOf(bid.bidder.organisationId));

  return outcome.ranking.lots.map((lot) => {
    const recommendation = recommended.get(lot.lotId);
    return {
      lotId: lotId(lot.lotId),
      ranking: lot.results.map((result) => rankedBid(result, bids.get(result.bidId))),
      winnerBidId: recommendation?.bidId ? bidId(recommendation.bidId) : null,
      explanation: recommendation?.explanation ?? '',
    };
  });

  function rankedBid(result: LotRanking['results'][number], bid: EvaluatedBid | undefined): RankedBid {
    if (!bid) throw new Error(`evaluation ranking names bid ${result.bidId} that was never opened for evaluation`);
    return {
      bidId: bidId(result.bidId),
      bidderId: organisationId(actingFor(bid)),
      bidderName: nameOfBid(bid),
      totalScore: twoDecimals(result.totalPoints),
      qualityPoints: twoDecimals(result.qualityPoints),
      pricePoints: twoDecimals(result.pricePoints),
      annualValuePence: result.pricePence,
      compliant: result.compliant,
      passedPassMarks: result.passedPassMarks,
      feedback: [...result.exclusionReasons, ...(result.abnormallyLow ? ['The price was flagged as abnormally low against the lot median.'] : [])],
    };
  }
}
