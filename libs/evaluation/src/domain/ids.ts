import type { Brand } from '@tenderledger/domain-kit';

/*
 * Identifiers the evaluation context uses. The brand names match the tendering and bidding
 * contexts' own, so ids flow between contexts without casts, while a BidId still cannot be
 * passed where a LotId is expected.
 */
export type TenderId = Brand<string, 'TenderId'>;
export type LotId = Brand<string, 'LotId'>;
export type BidId = Brand<string, 'BidId'>;
export type CriterionId = Brand<string, 'CriterionId'>;
export type OrganisationId = Brand<string, 'OrganisationId'>;
/** An evaluator is a person: the user id from the identity provider (the actor's `userId`). */
export type EvaluatorId = Brand<string, 'EvaluatorId'>;

// Casts for edges that have already validated the string (DTOs, tests, upcasters).
export const asTenderId = (value: string): TenderId => value as TenderId;
export const asLotId = (value: string): LotId => value as LotId;
export const asBidId = (value: string): BidId => value as BidId;
export const asCriterionId = (value: string): CriterionId => value as CriterionId;
export const asOrganisationId = (value: string): OrganisationId => value as OrganisationId;
export const asEvaluatorId = (value: string): EvaluatorId => value as EvaluatorId;

/** DESIGN §4: one evaluation stream per tender. */
export const evaluationStreamId = (tenderId: TenderId): string => `evaluation-${tenderId}`;
