import type { DomainEvent } from '@tenderledger/domain-kit';
import type { IsoDate } from '../calendar';
import type { OrganisationId } from '../ids';
import type { CommissionerDetails, OrganisationKind } from './commands';
import type { SizeBand } from './size-band';

/** Absent optional parts are stored as null (or []), so every event of a type has the same keys. */
export type OrganisationRegistered = DomainEvent<
  'OrganisationRegistered',
  {
    readonly organisationId: OrganisationId;
    readonly name: string;
    readonly kind: OrganisationKind;
    readonly commissioner: CommissionerDetails | null;
    readonly odsCode: string | null;
    readonly listSize: number | null;
    readonly staff: number | null;
    readonly members: OrganisationId[];
    /** Null for commissioners and for providers that stated neither list size nor staff. */
    readonly sizeBand: SizeBand | null;
    readonly registeredOn: IsoDate;
  }
>;

export type OrganisationMembersChanged = DomainEvent<
  'OrganisationMembersChanged',
  {
    readonly organisationId: OrganisationId;
    readonly joined: OrganisationId[];
    readonly left: OrganisationId[];
    /** The membership after the change, so a projection need not replay earlier changes. */
    readonly members: OrganisationId[];
    readonly changedOn: IsoDate;
  }
>;

export type OrganisationEvent = OrganisationRegistered | OrganisationMembersChanged;
