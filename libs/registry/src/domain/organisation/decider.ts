import { conflict, notFound, refuse, type Decider } from '@tenderledger/domain-kit';
import { londonDateOf } from '../calendar';
import type { OrganisationId } from '../ids';
import {
  COMMISSIONER_TYPES,
  ORGANISATION_KINDS,
  type OrganisationCommand,
  type OrganisationKind,
  type RegisterOrganisation,
  type UpdateOrganisationMembers,
} from './commands';
import type { OrganisationEvent, OrganisationRegistered } from './events';
import { DEFAULT_SIZE_THRESHOLDS, sizeBand, type SizeThresholds } from './size-band';

/** Only what decisions need; read models come from projections. */
export type OrganisationState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly organisationId: OrganisationId;
      readonly kind: OrganisationKind;
      readonly members: readonly OrganisationId[];
    };

const CONSORTIUM_KINDS: readonly OrganisationKind[] = ['federation', 'network'];
const MIN_MEMBERS = 2;
// Printable ODS codes are 3 to 6 letters and digits (practice "A81001", ICB "QHM", sub-ICB "00L").
const ODS_CODE = /^[A-Z0-9]{3,6}$/;

export interface OrganisationDeciderOptions {
  readonly sizeThresholds?: SizeThresholds;
}

export function createOrganisationDecider(
  options: OrganisationDeciderOptions = {},
): Decider<OrganisationState, OrganisationCommand, OrganisationEvent> {
  const thresholds = options.sizeThresholds ?? DEFAULT_SIZE_THRESHOLDS;
  return {
    initialState: () => ({ status: 'unregistered' }),
    decide(command, state) {
      switch (command.type) {
        case 'RegisterOrganisation':
          return [register(command, state, thresholds)];
        case 'UpdateOrganisationMembers':
          return [updateMembers(command, state)];
      }
    },
    evolve(state, event) {
      switch (event.type) {
        case 'OrganisationRegistered':
          return {
            status: 'registered',
            organisationId: event.data.organisationId,
            kind: event.data.kind,
            members: event.data.members,
          };
        case 'OrganisationMembersChanged':
          return state.status === 'registered' ? { ...state, members: event.data.members } : state;
      }
    },
  };
}

export const organisationDecider = createOrganisationDecider();

function register(
  { data }: RegisterOrganisation,
  state: OrganisationState,
  thresholds: SizeThresholds,
): OrganisationRegistered {
  if (state.status !== 'unregistered') {
    return conflict('ORGANISATION_ALREADY_REGISTERED', 'This organisation is already registered.', {
      organisationId: data.organisationId,
    });
  }
  const registeredOn = londonDateOf(data.now);
  const name = typeof data.name === 'string' ? data.name.trim() : '';
  if (name === '') return refuse('ORGANISATION_NAME_REQUIRED', 'An organisation needs a name.');
  if (!ORGANISATION_KINDS.includes(data.kind)) {
    return refuse('ORGANISATION_KIND_UNKNOWN', `An organisation is one of: ${ORGANISATION_KINDS.join(', ')}.`, {
      kind: data.kind,
    });
  }

  const commissioner = data.kind === 'commissioner' ? commissionerDetails(data) : null;
  if (data.kind !== 'commissioner' && data.commissioner !== undefined) {
    refuse('ORGANISATION_COMMISSIONER_DETAILS_NOT_ALLOWED', 'Only a commissioner has commissioner type and region.');
  }

  const members = uniqueIds(data.members ?? []);
  if (CONSORTIUM_KINDS.includes(data.kind)) {
    checkMembership(data.organisationId, members, data.kind);
  } else if (members.length > 0) {
    refuse('ORGANISATION_MEMBERS_NOT_ALLOWED', `A ${data.kind} has no member practices; only a federation or network does.`);
  }

  const odsCode = data.odsCode === undefined ? null : data.odsCode.trim().toUpperCase();
  if (odsCode !== null && !ODS_CODE.test(odsCode)) {
    refuse('ORGANISATION_ODS_CODE_INVALID', 'An ODS code is 3 to 6 letters and digits, for example A81001.', {
      odsCode: data.odsCode,
    });
  }
  const listSize = count(data.listSize, 'list size');
  const staff = count(data.staff, 'number of staff');

  return {
    type: 'OrganisationRegistered',
    data: {
      organisationId: data.organisationId,
      name,
      kind: data.kind,
      commissioner,
      odsCode,
      listSize,
      staff,
      members,
      // Size bands describe providers competing for work; a commissioner has none.
      sizeBand: data.kind === 'commissioner' ? null : sizeBand({ listSize, staff }, thresholds),
      registeredOn,
    },
  };
}

function updateMembers({ data }: UpdateOrganisationMembers, state: OrganisationState) {
  if (state.status !== 'registered') {
    return notFound('ORGANISATION_NOT_FOUND', 'There is no registered organisation with this id.', {
      organisationId: data.organisationId,
    });
  }
  const changedOn = londonDateOf(data.now);
  if (!CONSORTIUM_KINDS.includes(state.kind)) {
    return refuse('ORGANISATION_MEMBERS_NOT_ALLOWED', `A ${state.kind} has no member practices; only a federation or network does.`);
  }
  const joined = uniqueIds(data.joined ?? []);
  const left = uniqueIds(data.left ?? []);
  if (joined.length === 0 && left.length === 0) {
    return refuse('ORGANISATION_MEMBERS_UNCHANGED', 'Name at least one practice that joins or leaves.');
  }
  const both = joined.filter((id) => left.includes(id));
  if (both.length > 0) {
    return refuse('ORGANISATION_MEMBER_INVALID', 'A practice cannot join and leave in the same change.', { members: both });
  }
  const already = joined.filter((id) => state.members.includes(id));
  if (already.length > 0) {
    return conflict('ORGANISATION_MEMBER_ALREADY_PRESENT', 'A practice that is already a member cannot join again.', {
      members: already,
    });
  }
  const absent = left.filter((id) => !state.members.includes(id));
  if (absent.length > 0) {
    return conflict('ORGANISATION_MEMBER_NOT_PRESENT', 'A practice that is not a member cannot leave.', { members: absent });
  }
  const members = [...state.members.filter((id) => !left.includes(id)), ...joined];
  checkMembership(state.organisationId, members, state.kind);
  return {
    type: 'OrganisationMembersChanged' as const,
    data: { organisationId: state.organisationId, joined, left, members, changedOn },
  };
}

function commissionerDetails(data: RegisterOrganisation['data']) {
  const region = typeof data.commissioner?.region === 'string' ? data.commissioner.region.trim() : '';
  if (!data.commissioner || region === '') {
    return refuse('ORGANISATION_COMMISSIONER_NEEDS_REGION', 'A commissioner needs its type (ICB, CCG or STP) and its region.');
  }
  if (!COMMISSIONER_TYPES.includes(data.commissioner.type)) {
    return refuse('ORGANISATION_COMMISSIONER_TYPE_UNKNOWN', `A commissioner is one of: ${COMMISSIONER_TYPES.join(', ')}.`, {
      type: data.commissioner.type,
    });
  }
  return { type: data.commissioner.type, region };
}

function checkMembership(self: OrganisationId, members: readonly OrganisationId[], kind: OrganisationKind): void {
  if (members.includes(self)) {
    refuse('ORGANISATION_MEMBER_INVALID', `A ${kind} cannot be a member of itself.`);
  }
  if (members.length < MIN_MEMBERS) {
    refuse('ORGANISATION_FEDERATION_NEEDS_MEMBERS', `A ${kind} needs at least ${MIN_MEMBERS} member practices.`, {
      members: members.length,
    });
  }
}

/** Blank ids are refused; a repeated id counts once. */
function uniqueIds(ids: readonly OrganisationId[]): OrganisationId[] {
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
    refuse('ORGANISATION_MEMBER_INVALID', 'Every member must be named by an organisation id.');
  }
  return [...new Set(ids)];
}

function count(value: number | undefined, what: string): number | null {
  if (value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 0) {
    refuse('ORGANISATION_SIZE_INVALID', `The ${what} must be a whole number of zero or more.`, { value });
  }
  return value;
}
