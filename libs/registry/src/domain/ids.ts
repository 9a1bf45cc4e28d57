import type { Brand } from '@tenderledger/domain-kit';

/** Ids are minted by the caller (time and ids come in on the command, DESIGN §2.2). */
export type OrganisationId = Brand<string, 'OrganisationId'>;
export type ContractId = Brand<string, 'ContractId'>;

/** Marks a string as an id; only blankness is checked here, the format belongs to whoever minted it. */
export const organisationId = (value: string): OrganisationId => nonBlankId(value, 'organisation') as OrganisationId;
export const contractId = (value: string): ContractId => nonBlankId(value, 'contract') as ContractId;

export const organisationStreamId = (id: OrganisationId): string => `organisation-${id}`;
export const contractStreamId = (id: ContractId): string => `contract-${id}`;

function nonBlankId(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new RangeError(`a ${what} id cannot be blank`);
  return trimmed;
}
