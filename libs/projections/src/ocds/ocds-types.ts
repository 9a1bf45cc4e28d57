import type { AwardCriteriaCode, AwardStatusCode, BidStatusCode, MethodCode, PartyRole, ReleaseTag, TenderStatusCode } from './codes';

// The subset of OCDS 1.1 (+ lots and bids extensions) that TenderLedger emits. Optional fields are
// left out rather than set to null, so a merge never has to interpret null as "remove".

export type OcdsValue = { readonly amount: number; readonly currency: 'GBP' };
export type OcdsPeriod = { readonly startDate?: string; readonly endDate?: string };
export type OrganizationReference = { readonly id: string; readonly name: string };

export type OcdsParty = OrganizationReference & {
  readonly identifier?: { readonly scheme: string; readonly id: string; readonly legalName: string };
  readonly roles: readonly PartyRole[];
};

export type OcdsLot = {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly status: TenderStatusCode;
  readonly value: OcdsValue;
  readonly contractPeriod?: OcdsPeriod;
};

export type OcdsAmendment = {
  readonly id: string;
  readonly date: string;
  readonly rationale: string;
  readonly description: string;
  readonly amendsReleaseID?: string;
  readonly releaseID: string;
};

export type OcdsTender = {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly status: TenderStatusCode;
  readonly procuringEntity: OrganizationReference;
  readonly value: OcdsValue;
  readonly procurementMethod: MethodCode;
  readonly procurementMethodDetails: string;
  readonly mainProcurementCategory: 'services';
  readonly awardCriteria: AwardCriteriaCode;
  readonly awardCriteriaDetails: string;
  readonly submissionMethod: readonly ['electronicSubmission'];
  readonly tenderPeriod: OcdsPeriod;
  readonly enquiryPeriod: OcdsPeriod;
  readonly awardPeriod: OcdsPeriod;
  readonly contractPeriod?: OcdsPeriod;
  readonly hasEnquiries: boolean;
  readonly lots: readonly OcdsLot[];
  readonly lotDetails: { readonly maximumLotsAwardedPerSupplier: number };
  readonly numberOfTenderers?: number;
  readonly tenderers?: readonly OrganizationReference[];
  readonly amendments?: readonly OcdsAmendment[];
};

export type OcdsBidStatistic = { readonly id: string; readonly measure: 'bids'; readonly value: number; readonly date: string; readonly relatedLot?: string };

/** No value and no documents: those come from the sealed content, which OCDS never shows. */
export type OcdsBid = {
  readonly id: string;
  readonly date: string;
  readonly status: BidStatusCode;
  readonly tenderers: readonly OrganizationReference[];
  readonly relatedLots: readonly string[];
};

export type OcdsAward = {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly status: AwardStatusCode;
  readonly date: string;
  readonly value: OcdsValue;
  readonly suppliers: readonly OrganizationReference[];
  readonly relatedLots: readonly string[];
  readonly relatedBid: string;
  readonly contractPeriod: OcdsPeriod;
};

export type OcdsContract = {
  readonly id: string;
  readonly awardID: string;
  readonly title: string;
  readonly status: 'active';
  readonly period: OcdsPeriod;
  readonly value: OcdsValue;
  readonly dateSigned: string;
};

export type OcdsRelease = {
  readonly ocid: string;
  readonly id: string;
  readonly date: string;
  readonly tag: readonly ReleaseTag[];
  readonly initiationType: 'tender';
  readonly language: 'en';
  readonly parties: readonly OcdsParty[];
  readonly buyer: OrganizationReference;
  readonly tender: OcdsTender;
  readonly bids?: { readonly statistics: readonly OcdsBidStatistic[]; readonly details?: readonly OcdsBid[] };
  readonly awards?: readonly OcdsAward[];
  readonly contracts?: readonly OcdsContract[];
};

/** Plain JSON, for the merge and patch functions that work on any release-shaped document. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

/**
 * A PSR direct award or most-suitable-provider decision as its own contracting process: no lots,
 * no bids and no tender period (nobody was invited to bid); the method, its details and the
 * recorded reasons (`procurementMethodRationale`) say how and why the provider was chosen.
 */
export type OcdsDirectAwardTender = {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly status: TenderStatusCode;
  readonly procuringEntity: OrganizationReference;
  readonly value: OcdsValue;
  readonly procurementMethod: MethodCode;
  readonly procurementMethodDetails: string;
  readonly procurementMethodRationale: string;
  readonly mainProcurementCategory: 'services';
  /** The key criteria the provider was assessed against (none on routes A and B). */
  readonly awardCriteriaDetails?: string;
  readonly contractPeriod: OcdsPeriod;
};

export type OcdsDirectAward = Omit<OcdsAward, 'relatedLots' | 'relatedBid'>;

export type OcdsDirectAwardRelease = Omit<OcdsRelease, 'tender' | 'bids' | 'awards'> & {
  readonly tender: OcdsDirectAwardTender;
  readonly awards: readonly OcdsDirectAward[];
};

/** Either kind of contracting process's release, as the packages and the SQL read model hold them. */
export type AnyOcdsRelease = OcdsRelease | OcdsDirectAwardRelease;
