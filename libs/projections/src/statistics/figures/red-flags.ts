import type { StatisticsFacts, TenderFact } from '../facts';
import { ratioFigure, type Figure } from '../figure';
import { inYear, tenderMatches, wholeDaysBetween, type TurnoverFilter } from '../scope';
import { bidsByLot } from './bids';

export const RED_FLAGS = ['singleBid', 'shortTenderPeriod', 'allButWinnerDisqualified', 'lateBidWon'] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

/** One assessed tender and the flags it raised, with the evidence (lots, days) behind each. */
export interface TenderRedFlags {
  readonly tenderId: string;
  readonly title: string;
  readonly flags: readonly RedFlag[];
  readonly singleBidLots: readonly string[];
  readonly tenderPeriodDays: number | null;
  readonly minimumTenderPeriodDays: number | null;
  readonly allButWinnerDisqualifiedLots: readonly string[];
  readonly lateWinningBids: readonly string[];
}

/** The tenders whose first award decision fell in the year, each assessed for the four red flags. */
export function assessRedFlags(facts: StatisticsFacts, filter: TurnoverFilter): TenderRedFlags[] {
  return [...facts.tenders.values()]
    .filter((t) => inYear(t.awardDecidedAt, filter) && tenderMatches(facts, filter, t))
    .sort((a, b) => a.tenderId.localeCompare(b.tenderId))
    .map((tender) => assess(facts, filter, tender));
}

function assess(facts: StatisticsFacts, filter: TurnoverFilter, tender: TenderFact): TenderRedFlags {
  const byLot = bidsByLot(facts, tender);
  const singleBidLots = [...byLot].filter(([, bids]) => bids.length === 1).map(([lotId]) => lotId);
  const days = tender.publishedAt && tender.submissionDeadline ? wholeDaysBetween(tender.publishedAt, tender.submissionDeadline) : null;
  const short = days !== null && (days < filter.shortTenderPeriodDays || (tender.minimumTenderPeriodDays !== null && days < tender.minimumTenderPeriodDays));
  const winners = Object.entries(tender.winnerBidByLot);
  const lonelyWinners = winners
    .filter(([lotId, winner]) => {
      const qualifying = tender.qualifyingBidsByLot?.[lotId];
      return (byLot.get(lotId)?.length ?? 0) >= 2 && qualifying !== undefined && qualifying.includes(winner) && qualifying.every((bidId) => bidId === winner);
    })
    .map(([lotId]) => lotId);
  const deadline = tender.submissionDeadline;
  const late = winners
    .map(([, bidId]) => facts.bids.get(bidId))
    .filter((bid) => bid !== undefined && deadline !== null && Date.parse(bid.lastSubmittedAt) > Date.parse(deadline))
    .map((bid) => bid!.bidId);
  const raised: Record<RedFlag, boolean> = { singleBid: singleBidLots.length > 0, shortTenderPeriod: short, allButWinnerDisqualified: lonelyWinners.length > 0, lateBidWon: late.length > 0 };
  return {
    tenderId: tender.tenderId,
    title: tender.title,
    flags: RED_FLAGS.filter((flag) => raised[flag]),
    singleBidLots,
    tenderPeriodDays: days,
    minimumTenderPeriodDays: tender.minimumTenderPeriodDays,
    allButWinnerDisqualifiedLots: lonelyWinners,
    lateWinningBids: [...new Set(late)],
  };
}

export function redFlagFigures(assessed: readonly TenderRedFlags[]): Figure[] {
  const withFlag = (flag: RedFlag): number => assessed.filter((t) => t.flags.includes(flag)).length;
  const total = assessed.reduce((sum, t) => sum + t.flags.length, 0);
  return [...RED_FLAGS.map((flag) => ratioFigure(`redFlags.${flag}`, withFlag(flag), assessed.length)), ratioFigure('redFlagsPerTender', total, assessed.length)];
}
