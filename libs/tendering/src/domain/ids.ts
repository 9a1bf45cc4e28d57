import type { Brand } from '@tenderledger/domain-kit';

/** Ids arrive on commands (the decider never makes one up); brands stop a LotId being passed as a TenderId. */
export type TenderId = Brand<string, 'TenderId'>;
export type LotId = Brand<string, 'LotId'>;
export type OrganisationId = Brand<string, 'OrganisationId'>;
export type ClarificationId = Brand<string, 'ClarificationId'>;
export type ContractId = Brand<string, 'ContractId'>;
export type CriterionId = Brand<string, 'CriterionId'>;
export type ServiceLineId = Brand<string, 'ServiceLineId'>;
export type LocalityId = Brand<string, 'LocalityId'>;

export const tenderId = (value: string): TenderId => value as TenderId;
export const lotId = (value: string): LotId => value as LotId;
export const organisationId = (value: string): OrganisationId => value as OrganisationId;
export const clarificationId = (value: string): ClarificationId => value as ClarificationId;
export const contractId = (value: string): ContractId => value as ContractId;
export const criterionId = (value: string): CriterionId => value as CriterionId;
export const serviceLineId = (value: string): ServiceLineId => value as ServiceLineId;
export const localityId = (value: string): LocalityId => value as LocalityId;

/** The event stream of one tender (DESIGN §4). */
export const tenderStreamId = (id: TenderId): string => `tender-${id}`;
