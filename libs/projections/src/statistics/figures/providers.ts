import type { IsoDate, StatisticsFacts } from '../facts';
import { countFigure, ratioFigure, type Figure } from '../figure';
import { contractMatches, directAwardMatches, holderSpells, inYear, tenderMatches, type Period, type TurnoverFilter } from '../scope';

type Spell = { holderId: string; from: IsoDate; to: IsoDate };

/** New entrants among winners, new providers on the register, and providers left with no contract. */
export function providerFigures(facts: StatisticsFacts, filter: TurnoverFilter, period: Period): Figure[] {
  const everywhere = [...facts.contracts.values()].flatMap(holderSpells);
  const winners = winnersInYear(facts, filter);
  const entrants = [...winners].filter(([providerId, on]) => !everywhere.some((s) => s.holderId === providerId && s.from < on));

  const spells = [...facts.contracts.values()].filter((c) => contractMatches(filter, c)).flatMap(holderSpells);
  const first = new Map<string, IsoDate>();
  for (const spell of spells) if (!first.has(spell.holderId) || spell.from < first.get(spell.holderId)!) first.set(spell.holderId, spell.from);
  const newProviders = [...first.values()].filter((from) => from >= period.from && from <= period.to).length;
  return [
    ratioFigure('newEntrants', entrants.length, winners.size),
    countFigure('newProviders', newProviders),
    countFigure('providersNoLongerHoldingContracts', leavers(spells, period)),
  ];
}

/** Each distinct winner with the day of its first conclusion in the year. */
function winnersInYear(facts: StatisticsFacts, filter: TurnoverFilter): Map<string, IsoDate> {
  const winners = new Map<string, IsoDate>();
  const add = (providerId: string, at: string): void => {
    const on = at.slice(0, 10);
    if (!winners.has(providerId) || on < winners.get(providerId)!) winners.set(providerId, on);
  };
  for (const tender of facts.tenders.values()) {
    if (!tenderMatches(facts, filter, tender)) continue;
    for (const lot of tender.concluded) if (inYear(lot.concludedAt, filter)) add(lot.winnerId, lot.concludedAt);
  }
  for (const direct of facts.directAwards.values()) {
    if (direct.concludedAt !== null && inYear(direct.concludedAt, filter) && directAwardMatches(facts, filter, direct)) add(direct.providerId, direct.concludedAt);
  }
  return winners;
}

function leavers(spells: readonly Spell[], period: Period): number {
  const heldInYear = new Set(spells.filter((s) => s.from <= period.to && s.to >= period.from).map((s) => s.holderId));
  const holdingAtEnd = new Set(spells.filter((s) => s.from <= period.to && s.to >= period.to).map((s) => s.holderId));
  return [...heldInYear].filter((id) => !holdingAtEnd.has(id)).length;
}
