import type { BidFact, ChallengeFact, ContractFact, DirectAwardFact, OrganisationFact, ReprocurementOutcome, StatisticsFacts, TenderFact } from './facts';

/** The projection's mutable store of facts; the figures read it through StatisticsFacts only. */
export class FactBook implements StatisticsFacts {
  readonly organisations = new Map<string, OrganisationFact>();
  readonly contracts = new Map<string, ContractFact>();
  readonly outcomes = new Map<string, ReprocurementOutcome>();
  readonly tenders = new Map<string, TenderFact>();
  readonly bids = new Map<string, BidFact>();
  readonly directAwards = new Map<string, DirectAwardFact>();
  readonly challenges = new Map<string, ChallengeFact>();
}

/** Replaces a record with a changed copy, when it exists (events of unknown aggregates are ignored). */
export function update<T>(map: Map<string, T>, key: string, change: (current: T) => T): void {
  const current = map.get(key);
  if (current !== undefined) map.set(key, change(current));
}
