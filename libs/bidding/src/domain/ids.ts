import type { Brand } from '@tenderledger/domain-kit';

/*
 * Identifiers the bidding context uses. The brand names match the tendering and registry
 * contexts' own (`Brand<string, 'TenderId'>` …), so ids flow between contexts without casts
 * while a LotId still cannot be passed where a CriterionId is expected.
 */
export type BidId = Brand<string, 'BidId'>;
export type TenderId = Brand<string, 'TenderId'>;
export type LotId = Brand<string, 'LotId'>;
export type CriterionId = Brand<string, 'CriterionId'>;
export type OrganisationId = Brand<string, 'OrganisationId'>;

// Casts for edges that have already validated the string (DTOs, tests, event upcasters).
export const asBidId = (value: string): BidId => value as BidId;
export const asTenderId = (value: string): TenderId => value as TenderId;
export const asLotId = (value: string): LotId => value as LotId;
export const asCriterionId = (value: string): CriterionId => value as CriterionId;
export const asOrganisationId = (value: string): OrganisationId => value as OrganisationId;

/** DESIGN §4: one stream per bid. */
export const bidStreamId = (bidId: BidId): string => `bid-${bidId}`;
