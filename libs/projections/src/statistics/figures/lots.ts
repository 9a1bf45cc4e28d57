import type { ConcludedLot, StatisticsFacts } from '../facts';
import { ratioFigure, type Figure } from '../figure';
import { inYear, tenderMatches, type TurnoverFilter } from '../scope';
import { bidsByLot } from './bids';

/** Who wins lots (small providers, consortia), competition per lot, and how often tenders are split. */
export function lotFigures(facts: StatisticsFacts, filter: TurnoverFilter): Figure[] {
  const tenders = [...facts.tenders.values()].filter((t) => tenderMatches(facts, filter, t));
  const concluded = tenders.flatMap((t) => t.concluded).filter((lot) => inYear(lot.concludedAt, filter));
  const small = concluded.filter((lot) => facts.organisations.get(lot.winnerId)?.sizeBand === 'small');
  const consortia = concluded.filter((lot) => wonByConsortium(facts, lot));

  const lotBids = tenders.filter((t) => inYear(t.submissionsClosedAt, filter)).flatMap((t) => [...bidsByLot(facts, t).values()]);
  const published = tenders.filter((t) => inYear(t.publishedAt, filter));
  return [
    ratioFigure('lotsWonBySmallProviders', small.length, concluded.length),
    ratioFigure('valueWonBySmallProviders', valueOf(small), valueOf(concluded)),
    ratioFigure('lotsWonByConsortia', consortia.length, concluded.length),
    ratioFigure('valueWonByConsortia', valueOf(consortia), valueOf(concluded)),
    ratioFigure('singleBidLots', lotBids.filter((bids) => bids.length === 1).length, lotBids.length),
    ratioFigure('bidsPerLot', lotBids.reduce((sum, bids) => sum + bids.length, 0), lotBids.length),
    ratioFigure('tendersSplitIntoLots', published.filter((t) => t.lotIds.length > 1).length, published.length),
  ];
}

const valueOf = (lots: readonly ConcludedLot[]): number => lots.reduce((sum, lot) => sum + lot.annualValuePence, 0);

function wonByConsortium(facts: StatisticsFacts, lot: ConcludedLot): boolean {
  const kind = facts.organisations.get(lot.winnerId)?.kind;
  return facts.bids.get(lot.winnerBidId)?.consortium === true || kind === 'federation' || kind === 'network';
}
