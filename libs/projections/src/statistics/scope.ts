import type { ContractFact, DirectAwardFact, Instant, IsoDate, StatisticsFacts, TenderFact } from './facts';

/** What the figures are asked for. `today` bounds the current year: nothing after it has happened yet. */
export interface TurnoverFilter {
  readonly year: number;
  readonly region?: string;
  readonly contractType?: string;
  /** A tender period shorter than this many days is a red flag, whatever the profile allows. */
  readonly shortTenderPeriodDays: number;
  readonly today: IsoDate;
}

export const DEFAULT_SHORT_TENDER_PERIOD_DAYS = 30;

/** The days the figures cover: 1 January to 31 December, or to today within the current year. */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

const DAY_MS = 86_400_000;

export const periodOf = (filter: TurnoverFilter): Period => {
  const from = `${filter.year}-01-01`;
  const end = `${filter.year}-12-31`;
  return { from, to: filter.today >= from && filter.today < end ? filter.today : end };
};

/**
 * The calendar year of an instant or date in England. England keeps GMT (= UTC) over New Year, so
 * the UTC year of an instant is its year in England (British Summer Time never spans 31 December).
 */
export const yearOf = (value: Instant | IsoDate): number => new Date(value).getUTCFullYear();

export const inYear = (value: Instant | IsoDate | null, filter: TurnoverFilter): boolean => value !== null && yearOf(value) === filter.year;

export const addDays = (date: IsoDate, days: number): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days elapsed between two instants (24-hour periods, rounded down). */
export const wholeDaysBetween = (from: Instant, to: Instant): number => Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Region and contract type filters; an unknown value (null) never matches a filter that is set. */
export const matches = (filter: TurnoverFilter, region: string | null, contractType: string | null): boolean =>
  (filter.region === undefined || (region !== null && same(region, filter.region))) &&
  (filter.contractType === undefined || (contractType !== null && same(contractType, filter.contractType)));

export const tenderRegion = (facts: StatisticsFacts, tender: TenderFact): string | null =>
  tender.region ?? facts.organisations.get(tender.commissionerId)?.region ?? null;

export const tenderMatches = (facts: StatisticsFacts, filter: TurnoverFilter, tender: TenderFact): boolean =>
  matches(filter, tenderRegion(facts, tender), tender.contractType);

export const contractMatches = (filter: TurnoverFilter, contract: ContractFact): boolean => matches(filter, contract.region, contract.contractType);

/** A direct award takes its incumbent contract's region and type; without one, the commissioner's region and no type. */
export const directAwardMatches = (facts: StatisticsFacts, filter: TurnoverFilter, award: DirectAwardFact): boolean => {
  const contract = award.incumbent ? facts.contracts.get(award.incumbent.contractId) : undefined;
  return matches(filter, contract?.region ?? facts.organisations.get(award.commissionerId)?.region ?? null, contract?.contractType ?? null);
};

/** The last day the contract ran (or is scheduled to run). */
export const lastDayOf = (contract: ContractFact): IsoDate =>
  contract.endedOn !== null && contract.endedOn < contract.endDate ? contract.endedOn : contract.endDate;

export const activeDuring = (contract: ContractFact, period: Period): boolean => contract.startDate <= period.to && lastDayOf(contract) >= period.from;

/** Each holder's spell with its last day: until the next holder takes over, or the contract ends. */
export const holderSpells = (contract: ContractFact): { holderId: string; from: IsoDate; to: IsoDate }[] =>
  contract.holders
    .map((spell, i) => {
      const next = contract.holders[i + 1];
      const to = next ? addDays(next.from, -1) : lastDayOf(contract);
      return { holderId: spell.holderId, from: spell.from, to: to < lastDayOf(contract) ? to : lastDayOf(contract) };
    })
    .filter((spell) => spell.from <= spell.to);
