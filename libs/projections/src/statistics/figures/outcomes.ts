import type { StatisticsFacts } from '../facts';
import { ratioFigure, type Figure } from '../figure';
import { contractMatches, inYear, type TurnoverFilter } from '../scope';

/** Provider changed vs incumbent retained, per re-procured contract (all lots of its tender together). */
export function outcomeFigures(facts: StatisticsFacts, filter: TurnoverFilter): Figure[] {
  let changed = 0;
  let retained = 0;
  for (const outcome of facts.outcomes.values()) {
    const contract = facts.contracts.get(outcome.contractId);
    if (outcome.incumbentId === null || !contract || !contractMatches(filter, contract) || !inYear(outcome.decidedOn, filter)) continue;
    if (outcome.newHolderIds.includes(outcome.incumbentId)) retained++;
    else changed++;
  }
  return [ratioFigure('providerChanged', changed, changed + retained), ratioFigure('incumbentRetained', retained, changed + retained)];
}
