/**
 * The few OCDS codelist values this export emits, hard-coded so the runtime never reads the CSVs.
 * codes.spec.ts checks every one against ../shared/ocds (core 1.1.5 and the bids extension).
 */
export const OCDS_CODES = {
  releaseTag: ['tender', 'tenderAmendment', 'tenderUpdate', 'tenderCancellation', 'award', 'awardUpdate', 'contract', 'compiled'],
  initiationType: ['tender'],
  tenderStatus: ['active', 'cancelled', 'complete', 'unsuccessful'],
  method: ['open', 'selective', 'limited', 'direct'],
  procurementCategory: ['services'],
  awardCriteria: ['priceOnly', 'qualityOnly', 'ratedCriteria'],
  submissionMethod: ['electronicSubmission'],
  partyRole: ['buyer', 'procuringEntity', 'tenderer', 'supplier'],
  awardStatus: ['pending', 'active', 'cancelled'],
  contractStatus: ['active'],
  currency: ['GBP'],
  bidStatistics: ['bids'],
  bidStatus: ['valid', 'disqualified'],
} as const;

type Codes = typeof OCDS_CODES;
export type ReleaseTag = Codes['releaseTag'][number];
export type TenderStatusCode = Codes['tenderStatus'][number];
export type MethodCode = Codes['method'][number];
export type AwardCriteriaCode = Codes['awardCriteria'][number];
export type PartyRole = Codes['partyRole'][number];
export type AwardStatusCode = Codes['awardStatus'][number];
export type BidStatusCode = Codes['bidStatus'][number];

/** Which CSV holds each list: core codelists, or the bids extension's. */
export const CODELIST_FILES: Readonly<Record<keyof Codes, string>> = {
  releaseTag: '1.1.5/codelists/releaseTag.csv',
  initiationType: '1.1.5/codelists/initiationType.csv',
  tenderStatus: '1.1.5/codelists/tenderStatus.csv',
  method: '1.1.5/codelists/method.csv',
  procurementCategory: '1.1.5/codelists/procurementCategory.csv',
  awardCriteria: '1.1.5/codelists/awardCriteria.csv',
  submissionMethod: '1.1.5/codelists/submissionMethod.csv',
  partyRole: '1.1.5/codelists/partyRole.csv',
  awardStatus: '1.1.5/codelists/awardStatus.csv',
  contractStatus: '1.1.5/codelists/contractStatus.csv',
  currency: '1.1.5/codelists/currency.csv',
  bidStatistics: 'extensions/bids/codelists/bidStatistics.csv',
  bidStatus: 'extensions/bids/codelists/bidStatus.csv',
};
