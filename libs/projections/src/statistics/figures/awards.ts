import type { StatisticsFacts } from '../facts';
import { AWARD_PROCESSES, type AwardProcessKey } from '../definitions';
import { countFigure, medianFigure, ratioFigure, type Figure } from '../figure';
import { directAwardMatches, inYear, tenderMatches, wholeDaysBetween, type TurnoverFilter } from '../scope';
import { directAwardKey, tenderAwardKey } from '../facts';

/** Speed to award, awards by process (count and value), and challenges against the year's award decisions. */
export function awardFigures(facts: StatisticsFacts, filter: TurnoverFilter): Figure[] {
  const tenders = [...facts.tenders.values()].filter((t) => tenderMatches(facts, filter, t));
  const directs = [...facts.directAwards.values()].filter((d) => directAwardMatches(facts, filter, d));

  const decidedTenders = tenders.filter((t) => inYear(t.awardDecidedAt, filter));
  const days = decidedTenders.flatMap((t) => (t.publishedAt && t.awardDecidedAt ? [wholeDaysBetween(t.publishedAt, t.awardDecidedAt)] : []));

  const totals = new Map<AwardProcessKey, { count: number; value: number }>(AWARD_PROCESSES.map((p) => [p, { count: 0, value: 0 }]));
  const add = (process: string, value: number): void => {
    const total = totals.get(process as AwardProcessKey);
    if (total) (total.count += 1), (total.value += value);
  };
  for (const tender of tenders) for (const lot of tender.concluded) if (inYear(lot.concludedAt, filter)) add(tender.awardProcess, lot.annualValuePence);
  for (const direct of directs) if (inYear(direct.concludedAt, filter)) add(direct.awardProcess, direct.annualValuePence);

  const awardKeys = new Set([...decidedTenders.map((t) => tenderAwardKey(t.tenderId)), ...directs.filter((d) => inYear(d.decidedAt, filter)).map((d) => directAwardKey(d.decisionId))]);
  const challenges = [...facts.challenges.values()].filter((c) => awardKeys.has(c.awardKey));
  const decided = challenges.filter((c) => c.outcome !== null);
  return [
    medianFigure('medianDaysPublicationToAward', days),
    ...AWARD_PROCESSES.flatMap((process) => [
      countFigure(`awardsByProcess.${process}.count`, totals.get(process)!.count),
      countFigure(`awardsByProcess.${process}.value`, totals.get(process)!.value),
    ]),
    ratioFigure('challengesPerAward', challenges.length, awardKeys.size),
    ratioFigure('challengesUpheld', decided.filter((c) => c.outcome === 'upheld').length, decided.length),
  ];
}
