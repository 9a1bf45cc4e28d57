import type { ContractFact, StatisticsFacts } from '../facts';
import { countFigure, ratioFigure, type Figure } from '../figure';
import { activeDuring, contractMatches, inYear, type Period, type TurnoverFilter } from '../scope';

/** Active contracts, the share tendered (the "1.3%" figure), and renewals and extensions without competition. */
export function contractFigures(facts: StatisticsFacts, filter: TurnoverFilter, period: Period): Figure[] {
  const active = [...facts.contracts.values()].filter((c) => contractMatches(filter, c) && activeDuring(c, period));
  const tenderedIds = contractsTenderedInYear(facts, filter);
  const tendered = active.filter((c) => tenderedIds.has(c.contractId)).length;
  const matching = [...facts.contracts.values()].filter((c) => contractMatches(filter, c));
  const renewals = matching.flatMap((c) => c.renewals).filter((r) => inYear(r.on, filter)).length;
  const extensions = matching.flatMap((c) => c.extensions).filter((e) => inYear(e.on, filter)).length;
  const renewedOrExtended = active.filter((c) => renewedOrExtendedIn(c, filter)).length;
  return [
    countFigure('activeContracts', active.length),
    ratioFigure('contractsTendered', tendered, active.length),
    ratioFigure('renewedOrExtendedWithoutCompetition', renewedOrExtended, active.length),
    countFigure('renewedWithoutCompetition', renewals),
    countFigure('extendedWithoutCompetition', extensions),
  ];
}

/** Contracts named by a tender published in the year, either way the link is recorded. */
function contractsTenderedInYear(facts: StatisticsFacts, filter: TurnoverFilter): Set<string> {
  const published = new Set([...facts.tenders.values()].filter((t) => inYear(t.publishedAt, filter)).map((t) => t.tenderId));
  const ids = new Set<string>();
  for (const tender of facts.tenders.values()) if (published.has(tender.tenderId) && tender.replacesContractId) ids.add(tender.replacesContractId);
  for (const contract of facts.contracts.values()) if (contract.reprocurementTenderIds.some((id) => published.has(id))) ids.add(contract.contractId);
  return ids;
}

const renewedOrExtendedIn = (contract: ContractFact, filter: TurnoverFilter): boolean =>
  contract.renewals.some((r) => inYear(r.on, filter)) || contract.extensions.some((e) => inYear(e.on, filter));
