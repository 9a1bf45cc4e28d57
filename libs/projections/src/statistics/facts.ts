/**
 * The compact facts the turnover statistics are computed from (DESIGN §7). The projection keeps
 * one record per organisation, contract, tender, bid, direct award and challenge — only the
 * fields a figure needs — so figures can be computed on request for any year and filter.
 * Dates are `YYYY-MM-DD` (England's calendar, as the register keeps them); instants are ISO 8601.
 */
export type IsoDate = string;
export type Instant = string;

export type ProviderSize = 'small' | 'medium' | 'large';

export interface OrganisationFact {
  readonly organisationId: string;
  readonly kind: string;
  /** Null when neither list size nor staff was stated (and for commissioners). */
  readonly sizeBand: ProviderSize | null;
  /** A commissioner's NHS England region; null for providers. */
  readonly region: string | null;
}

/** One holder of a contract from `from`; it runs until the next spell starts or the contract ends. */
export interface HolderSpell {
  readonly holderId: string;
  readonly from: IsoDate;
}

export interface ContractFact {
  readonly contractId: string;
  readonly contractType: string;
  readonly region: string;
  readonly commissionerId: string;
  readonly annualValuePence: number;
  readonly startDate: IsoDate;
  /** The scheduled end, moved by extensions and renewals. */
  readonly endDate: IsoDate;
  /** The last day it ran when it ended before (or at) its scheduled end: terminated, bought out, expired, replaced. */
  readonly endedOn: IsoDate | null;
  readonly holders: readonly HolderSpell[];
  readonly renewals: readonly { readonly on: IsoDate; readonly route: string | null }[];
  readonly extensions: readonly { readonly on: IsoDate }[];
  /** Tenders named by ContractMarkedForReprocurement (besides a tender's own replacesContractId). */
  readonly reprocurementTenderIds: readonly string[];
}

/**
 * What a re-procurement (competitive or direct award) did to the contract it replaced or renewed.
 * `incumbentId` is null until the register records the outcome (ContractAwarded or a direct award
 * that keeps the incumbent); successors of later lots add their holders to `newHolderIds`.
 */
export interface ReprocurementOutcome {
  readonly contractId: string;
  readonly awardRef: string;
  readonly incumbentId: string | null;
  readonly newHolderIds: readonly string[];
  readonly decidedOn: IsoDate | null;
}

export interface ConcludedLot {
  readonly lotId: string;
  readonly winnerBidId: string;
  readonly winnerId: string;
  readonly annualValuePence: number;
  readonly concludedAt: Instant;
}

export interface TenderFact {
  readonly tenderId: string;
  readonly title: string;
  readonly commissionerId: string;
  readonly contractType: string;
  /** The tender's own region; the commissioner's is used when null. */
  readonly region: string | null;
  readonly replacesContractId: string | null;
  readonly awardProcess: string;
  readonly publishedAt: Instant | null;
  readonly lotIds: readonly string[];
  readonly minimumTenderPeriodDays: number | null;
  /** The deadline in force: as published, then as amended, then as recorded at closing. */
  readonly submissionDeadline: Instant | null;
  readonly submissionsClosedAt: Instant | null;
  readonly cancelledAt: Instant | null;
  /** Per lot, the bids that qualified in the completed evaluation; null before completion. */
  readonly qualifyingBidsByLot: Readonly<Record<string, readonly string[]>> | null;
  /** The first award decision. */
  readonly awardDecidedAt: Instant | null;
  /** The pending or concluded winning bid per lot (after reassignments). */
  readonly winnerBidByLot: Readonly<Record<string, string>>;
  readonly concluded: readonly ConcludedLot[];
}

export interface BidFact {
  readonly bidId: string;
  readonly tenderId: string;
  readonly consortium: boolean;
  /** The acting organisation (a consortium's lead). */
  readonly bidderId: string;
  readonly lotIds: readonly string[];
  /** Submission or the latest resubmission. */
  readonly lastSubmittedAt: Instant;
  readonly withdrawn: boolean;
  readonly excludedAtOpening: boolean;
}

export interface DirectAwardFact {
  readonly decisionId: string;
  readonly commissionerId: string;
  readonly awardProcess: string;
  readonly providerId: string;
  readonly incumbent: { readonly organisationId: string; readonly contractId: string } | null;
  readonly annualValuePence: number;
  readonly decidedAt: Instant;
  readonly concludedAt: Instant | null;
}

export interface ChallengeFact {
  /** `tender:{tenderId}` or `direct:{decisionId}`. */
  readonly awardKey: string;
  readonly challengeId: string;
  readonly lodgedAt: Instant;
  readonly outcome: 'upheld' | 'dismissed' | null;
}

export interface StatisticsFacts {
  readonly organisations: ReadonlyMap<string, OrganisationFact>;
  readonly contracts: ReadonlyMap<string, ContractFact>;
  readonly outcomes: ReadonlyMap<string, ReprocurementOutcome>;
  readonly tenders: ReadonlyMap<string, TenderFact>;
  readonly bids: ReadonlyMap<string, BidFact>;
  readonly directAwards: ReadonlyMap<string, DirectAwardFact>;
  readonly challenges: ReadonlyMap<string, ChallengeFact>;
}

export const tenderAwardKey = (tenderId: string): string => `tender:${tenderId}`;
export const directAwardKey = (decisionId: string): string => `direct:${decisionId}`;
export const outcomeKey = (contractId: string, awardRef: string): string => `${contractId}|${awardRef}`;
