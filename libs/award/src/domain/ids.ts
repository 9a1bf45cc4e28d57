import type { Brand } from '@tenderledger/domain-kit';

/** Ids arrive on commands (a decider never mints one); brands stop a BidId being passed as a LotId. */
export type TenderId = Brand<string, 'TenderId'>;
export type LotId = Brand<string, 'LotId'>;
export type BidId = Brand<string, 'BidId'>;
export type OrganisationId = Brand<string, 'OrganisationId'>;
export type ContractId = Brand<string, 'ContractId'>;
export type ChallengeId = Brand<string, 'ChallengeId'>;
export type DirectAwardId = Brand<string, 'DirectAwardId'>;

export const tenderId = (value: string): TenderId => value as TenderId;
export const lotId = (value: string): LotId => value as LotId;
export const bidId = (value: string): BidId => value as BidId;
export const organisationId = (value: string): OrganisationId => value as OrganisationId;
export const contractId = (value: string): ContractId => value as ContractId;
export const challengeId = (value: string): ChallengeId => value as ChallengeId;
export const directAwardId = (value: string): DirectAwardId => value as DirectAwardId;

/** The competitive award of one tender (DESIGN §4). */
export const awardStreamId = (id: TenderId): string => `award-${id}`;
/** A PSR direct award or most-suitable-provider decision: a decision without bids, so its own stream. */
export const directAwardStreamId = (id: DirectAwardId): string => `direct-award-${id}`;
/**
 * The register contract a direct award that does not renew the incumbent's contract creates: named
 * after the decision, so the audit can find the register stream a decision wrote to.
 */
export const directAwardContractId = (id: DirectAwardId | string): string => `${id}.contract`;
