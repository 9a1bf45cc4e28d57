import { yearOf } from './calendar';
import type { DemoPlan, PlannedTender } from './plan-types';

/**
 * What the turnover statistics for a year must say if the platform did what the plan asked: counted
 * from the plan alone (never from the platform), so a test can hold one against the other.
 * By construction every award is concluded in the year it was decided (decisions before November).
 */
export interface ExpectedTurnover {
  readonly tendersPublished: number;
  readonly tendersSplit: number;
  readonly competitiveLotsConcluded: number;
  readonly lotsWonBySmallProviders: number;
  readonly lotsWonByConsortia: number;
  readonly reprocurementOutcomes: number;
  readonly providerChanges: number;
  readonly renewedWithoutCompetition: number;
  readonly extended: number;
  readonly directAwardC: number;
  readonly mostSuitableProvider: number;
  readonly awardDecisions: number;
  readonly challenges: number;
}

export function winnerOf(tender: PlannedTender, lotIndex: number): { bidderId: string; consortium: boolean } {
  const bid = tender.bids.find((b) => b.key === tender.winners[lotIndex])!;
  return { bidderId: bid.bidderId, consortium: bid.consortium !== null };
}

export const incumbentRetained = (tender: PlannedTender): boolean => tender.lots.some((_, i) => winnerOf(tender, i).bidderId === tender.incumbentId);

export function expectedTurnover(plan: DemoPlan, year: number): ExpectedTurnover {
  const small = new Set(plan.organisations.practices.filter((p) => p.small).map((p) => p.id));
  const published = plan.tenders.filter((t) => yearOf(t.publishAt) === year);
  const decided = plan.tenders.filter((t) => yearOf(t.decideAt) === year);
  const lots = decided.flatMap((t) => t.lots.map((_, i) => winnerOf(t, i)));
  const directs = plan.directAwards.filter((d) => yearOf(d.decideAt) === year);
  const directC = directs.filter((d) => d.route === 'psr-direct-award-c').length;
  const actions = plan.actions.filter((a) => yearOf(a.at) === year);
  return {
    tendersPublished: published.length,
    tendersSplit: published.filter((t) => t.lots.length > 1).length,
    competitiveLotsConcluded: lots.length,
    lotsWonBySmallProviders: lots.filter((w) => small.has(w.bidderId)).length,
    lotsWonByConsortia: lots.filter((w) => w.consortium).length,
    reprocurementOutcomes: decided.length + directC,
    providerChanges: decided.filter((t) => !incumbentRetained(t)).length,
    renewedWithoutCompetition: actions.filter((a) => a.kind === 'renewal').length + directC,
    extended: actions.filter((a) => a.kind === 'extension').length,
    directAwardC: directC,
    mostSuitableProvider: directs.length - directC,
    awardDecisions: decided.length + directs.length,
    challenges: decided.filter((t) => t.challenge).length + directs.filter((d) => d.representation).length,
  };
}

/** Totals the runner reports and a test compares with the API. */
export function plannedTotals(plan: DemoPlan): { organisations: number; contracts: number; tenders: number; bids: number; lots: number; directAwards: number } {
  const o = plan.organisations;
  return {
    organisations: o.commissioners.length + o.practices.length + o.federations.length + o.companies.length,
    contracts: plan.contracts.length,
    tenders: plan.tenders.length,
    bids: plan.tenders.reduce((n, t) => n + t.bids.length, 0),
    lots: plan.tenders.reduce((n, t) => n + t.lots.length, 0),
    directAwards: plan.directAwards.length,
  };
}
