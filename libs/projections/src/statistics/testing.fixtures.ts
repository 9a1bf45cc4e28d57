import { FactBook } from './fact-book';
import type { BidFact, ChallengeFact, ContractFact, DirectAwardFact, OrganisationFact, ReprocurementOutcome, TenderFact } from './facts';
import { DEFAULT_SHORT_TENDER_PERIOD_DAYS, type TurnoverFilter } from './scope';

// Hand-built facts for the figure tests: each builder fills what a case does not care about.

export const org = (organisationId: string, extra: Partial<OrganisationFact> = {}): OrganisationFact => ({ organisationId, kind: 'practice', sizeBand: 'small', region: null, ...extra });

export const contract = (contractId: string, extra: Partial<ContractFact> = {}): ContractFact => ({
  contractId, contractType: 'GMS', region: 'North', commissionerId: 'icb', annualValuePence: 100, startDate: '2020-04-01', endDate: '2030-03-31', endedOn: null,
  holders: [{ holderId: 'p-old', from: extra.startDate ?? '2020-04-01' }], renewals: [], extensions: [], reprocurementTenderIds: [], ...extra,
});

export const tender = (tenderId: string, extra: Partial<TenderFact> = {}): TenderFact => ({
  tenderId, title: tenderId, commissionerId: 'icb', contractType: 'GMS', region: 'North', replacesContractId: null, awardProcess: 'competitive',
  publishedAt: '2026-03-01T09:00:00.000Z', lotIds: ['lot-1'], minimumTenderPeriodDays: 30, submissionDeadline: '2026-04-30T12:00:00.000Z',
  submissionsClosedAt: '2026-04-30T12:00:00.000Z', cancelledAt: null, qualifyingBidsByLot: null, awardDecidedAt: null, winnerBidByLot: {}, concluded: [], ...extra,
});

export const bid = (bidId: string, tenderId: string, lotIds: string[], extra: Partial<BidFact> = {}): BidFact => ({
  bidId, tenderId, consortium: false, bidderId: `org-${bidId}`, lotIds, lastSubmittedAt: '2026-04-01T10:00:00.000Z', withdrawn: false, excludedAtOpening: false, ...extra,
});

export const directAward = (decisionId: string, extra: Partial<DirectAwardFact> = {}): DirectAwardFact => ({
  decisionId, commissionerId: 'icb', awardProcess: 'direct-award-c', providerId: 'p-old', incumbent: null, annualValuePence: 100, decidedAt: '2026-06-01T10:00:00.000Z', concludedAt: null, ...extra,
});

export interface FactsInput {
  organisations?: OrganisationFact[];
  contracts?: ContractFact[];
  outcomes?: ReprocurementOutcome[];
  tenders?: TenderFact[];
  bids?: BidFact[];
  directAwards?: DirectAwardFact[];
  challenges?: ChallengeFact[];
}

export function factsOf(input: FactsInput): FactBook {
  const book = new FactBook();
  for (const o of input.organisations ?? [org('icb', { kind: 'commissioner', sizeBand: null, region: 'North' })]) book.organisations.set(o.organisationId, o);
  for (const c of input.contracts ?? []) book.contracts.set(c.contractId, c);
  for (const o of input.outcomes ?? []) book.outcomes.set(`${o.contractId}|${o.awardRef}`, o);
  for (const t of input.tenders ?? []) book.tenders.set(t.tenderId, t);
  for (const b of input.bids ?? []) book.bids.set(b.bidId, b);
  for (const d of input.directAwards ?? []) book.directAwards.set(d.decisionId, d);
  for (const c of input.challenges ?? []) book.challenges.set(`${c.awardKey}#${c.challengeId}`, c);
  return book;
}

export const filter2026 = (extra: Partial<TurnoverFilter> = {}): TurnoverFilter => ({ year: 2026, today: '2027-06-01', shortTenderPeriodDays: DEFAULT_SHORT_TENDER_PERIOD_DAYS, ...extra });
