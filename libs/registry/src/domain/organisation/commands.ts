import type { Command } from '@tenderledger/domain-kit';
import type { OrganisationId } from '../ids';

export const ORGANISATION_KINDS = ['commissioner', 'practice', 'federation', 'network', 'company'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** ICB since July 2022; CCG and STP kept so that older contracts can name who let them. */
export const COMMISSIONER_TYPES = ['ICB', 'CCG', 'STP'] as const;
export type CommissionerType = (typeof COMMISSIONER_TYPES)[number];

export interface CommissionerDetails {
  readonly type: CommissionerType;
  /** NHS England region, e.g. "North East and Yorkshire". */
  readonly region: string;
}

/**
 * One flat shape for every kind (it arrives as JSON); the decider checks which parts a kind
 * needs: commissioner details for a commissioner, two or more members for a federation or network.
 * `now` is an ISO 8601 timestamp taken from the Clock by the caller.
 */
export type RegisterOrganisation = Command<
  'RegisterOrganisation',
  {
    readonly organisationId: OrganisationId;
    readonly name: string;
    readonly kind: OrganisationKind;
    readonly commissioner?: CommissionerDetails;
    /** NHS Organisation Data Service code, e.g. "A81001" (practice) or "QHM" (ICB). */
    readonly odsCode?: string;
    readonly listSize?: number;
    readonly staff?: number;
    /** Member practices of a federation or network. The application checks that they exist and are practices. */
    readonly members?: readonly OrganisationId[];
    readonly now: string;
  }
>;

/** Practices join or leave a federation or network. */
export type UpdateOrganisationMembers = Command<
  'UpdateOrganisationMembers',
  {
    readonly organisationId: OrganisationId;
    readonly joined?: readonly OrganisationId[];
    readonly left?: readonly OrganisationId[];
    readonly now: string;
  }
>;

export type OrganisationCommand = RegisterOrganisation | UpdateOrganisationMembers;
