import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { organisationId } from '../ids';
import type { RegisterOrganisation, UpdateOrganisationMembers } from './commands';
import { createOrganisationDecider, organisationDecider } from './decider';
import type { OrganisationRegistered } from './events';

const spec = deciderSpec(organisationDecider);
const NOW = '2026-03-02T10:00:00.000Z';
const FED = organisationId('org-federation');
const P1 = organisationId('org-p1');
const P2 = organisationId('org-p2');
const P3 = organisationId('org-p3');

const register = (data: Partial<RegisterOrganisation['data']> = {}): RegisterOrganisation => ({
  type: 'RegisterOrganisation',
  data: { organisationId: organisationId('org-1'), name: 'Riverside Surgery', kind: 'practice', now: NOW, ...data },
});

const federationRegistered: OrganisationRegistered = {
  type: 'OrganisationRegistered',
  data: {
    organisationId: FED,
    name: 'Tyneside GP Federation',
    kind: 'federation',
    commissioner: null,
    odsCode: null,
    listSize: 60_000,
    staff: null,
    members: [P1, P2],
    sizeBand: 'large',
    registeredOn: '2026-03-02',
  },
};

const update = (data: Partial<UpdateOrganisationMembers['data']>): UpdateOrganisationMembers => ({
  type: 'UpdateOrganisationMembers',
  data: { organisationId: FED, now: NOW, ...data },
});

describe('organisation decider: RegisterOrganisation', () => {
  it('registers a practice with its ODS code, list size and computed size band', () => {
    spec
      .given([])
      .when(register({ name: '  Riverside Surgery ', odsCode: 'a81001', listSize: 8_200, staff: 18 }))
      .then([
        {
          type: 'OrganisationRegistered',
          data: {
            organisationId: organisationId('org-1'),
            name: 'Riverside Surgery',
            kind: 'practice',
            commissioner: null,
            odsCode: 'A81001',
            listSize: 8_200,
            staff: 18,
            members: [],
            sizeBand: 'small',
            registeredOn: '2026-03-02',
          },
        },
      ]);
  });

  it('registers a commissioner with type and region and no size band', () => {
    spec
      .given([])
      .when(register({ name: 'NHS North East and North Cumbria ICB', kind: 'commissioner', commissioner: { type: 'ICB', region: ' North East and Yorkshire ' } }))
      .thenMatches(([event]) => {
        expect(event).toMatchObject({
          type: 'OrganisationRegistered',
          data: { kind: 'commissioner', commissioner: { type: 'ICB', region: 'North East and Yorkshire' }, sizeBand: null },
        });
      });
  });

  it('registers a federation with its member practices, each listed once', () => {
    spec
      .given([])
      .when(register({ organisationId: FED, name: 'Tyneside GP Federation', kind: 'federation', listSize: 60_000, members: [P1, P2, P1] }))
      .then([federationRegistered]);
  });

  it('dates the registration by the calendar in England, not UTC', () => {
    spec
      .given([])
      .when(register({ now: '2026-06-30T23:30:00.000Z' }))
      .thenMatches(([event]) => expect(event!.data).toMatchObject({ registeredOn: '2026-07-01' }));
  });

  it('bands by the thresholds the decider was created with', () => {
    const strict = deciderSpec(createOrganisationDecider({ sizeThresholds: { small: { listSize: 5_000, staff: 10 }, medium: { listSize: 8_000, staff: 20 } } }));
    strict
      .given([])
      .when(register({ listSize: 8_200 }))
      .thenMatches(([event]) => expect(event!.data).toMatchObject({ sizeBand: 'large' }));
  });

  it('refuses to register the same organisation twice (409)', () => {
    const error = spec.given([federationRegistered]).when(register({ organisationId: FED })).thenRefuses('ORGANISATION_ALREADY_REGISTERED', /already registered/);
    expect(error.kind).toBe('conflict');
  });

  it('refuses a blank name', () => {
    const error = spec.given([]).when(register({ name: '   ' })).thenRefuses('ORGANISATION_NAME_REQUIRED', /needs a name/);
    expect(error.kind).toBe('rule');
  });

  it('refuses an unknown kind', () => {
    spec
      .given([])
      .when(register({ kind: 'charity' as never }))
      .thenRefuses('ORGANISATION_KIND_UNKNOWN', /commissioner, practice/);
  });

  it('refuses a commissioner without a region', () => {
    spec.given([]).when(register({ kind: 'commissioner' })).thenRefuses('ORGANISATION_COMMISSIONER_NEEDS_REGION', /region/);
    spec
      .given([])
      .when(register({ kind: 'commissioner', commissioner: { type: 'ICB', region: ' ' } }))
      .thenRefuses('ORGANISATION_COMMISSIONER_NEEDS_REGION');
  });

  it('refuses an unknown commissioner type', () => {
    spec
      .given([])
      .when(register({ kind: 'commissioner', commissioner: { type: 'PCT' as never, region: 'London' } }))
      .thenRefuses('ORGANISATION_COMMISSIONER_TYPE_UNKNOWN', /ICB, CCG, STP/);
  });

  it('refuses commissioner details on a provider', () => {
    spec
      .given([])
      .when(register({ commissioner: { type: 'ICB', region: 'London' } }))
      .thenRefuses('ORGANISATION_COMMISSIONER_DETAILS_NOT_ALLOWED', /Only a commissioner/);
  });

  it('refuses a federation or network with fewer than two member practices', () => {
    spec.given([]).when(register({ kind: 'federation', members: [P1] })).thenRefuses('ORGANISATION_FEDERATION_NEEDS_MEMBERS', /at least 2/);
    spec.given([]).when(register({ kind: 'network' })).thenRefuses('ORGANISATION_FEDERATION_NEEDS_MEMBERS');
    // A repeated id counts once.
    spec.given([]).when(register({ kind: 'network', members: [P1, P1] })).thenRefuses('ORGANISATION_FEDERATION_NEEDS_MEMBERS');
  });

  it('refuses members on a practice or company', () => {
    spec.given([]).when(register({ members: [P1, P2] })).thenRefuses('ORGANISATION_MEMBERS_NOT_ALLOWED', /A practice has no member/);
    spec.given([]).when(register({ kind: 'company', members: [P1] })).thenRefuses('ORGANISATION_MEMBERS_NOT_ALLOWED');
  });

  it('refuses a federation that names itself or a blank id as a member', () => {
    spec
      .given([])
      .when(register({ organisationId: FED, kind: 'federation', members: [FED, P1, P2] }))
      .thenRefuses('ORGANISATION_MEMBER_INVALID', /member of itself/);
    spec
      .given([])
      .when(register({ kind: 'federation', members: [P1, P2, ' ' as never] }))
      .thenRefuses('ORGANISATION_MEMBER_INVALID', /organisation id/);
  });

  it('refuses a malformed ODS code', () => {
    spec.given([]).when(register({ odsCode: 'A8-1001' })).thenRefuses('ORGANISATION_ODS_CODE_INVALID', /ODS code/);
  });

  it('refuses a negative or fractional list size or staff count', () => {
    spec.given([]).when(register({ listSize: -1 })).thenRefuses('ORGANISATION_SIZE_INVALID', /list size/);
    spec.given([]).when(register({ staff: 2.5 })).thenRefuses('ORGANISATION_SIZE_INVALID', /number of staff/);
  });

  it('refuses a command without a readable time', () => {
    spec.given([]).when(register({ now: 'yesterday' })).thenRefuses('REGISTRY_NOW_INVALID', /ISO 8601/);
  });
});

describe('organisation decider: UpdateOrganisationMembers', () => {
  it('records practices joining and leaving, with the membership after the change', () => {
    spec
      .given([federationRegistered])
      .when(update({ joined: [P3], left: [P1] }))
      .then([
        {
          type: 'OrganisationMembersChanged',
          data: { organisationId: FED, joined: [P3], left: [P1], members: [P2, P3], changedOn: '2026-03-02' },
        },
      ]);
  });

  it('folds one change into the next', () => {
    spec
      .given([federationRegistered, { type: 'OrganisationMembersChanged', data: { organisationId: FED, joined: [P3], left: [], members: [P1, P2, P3], changedOn: '2026-03-02' } }])
      .when(update({ left: [P1] }))
      .thenMatches(([event]) => expect(event!.data).toMatchObject({ members: [P2, P3] }));
  });

  it('refuses a change to an organisation that is not registered (404)', () => {
    const error = spec.given([]).when(update({ joined: [P3] })).thenRefuses('ORGANISATION_NOT_FOUND', /no registered organisation/);
    expect(error.kind).toBe('not-found');
  });

  it('refuses members for a practice', () => {
    const practice: OrganisationRegistered = {
      type: 'OrganisationRegistered',
      data: { ...federationRegistered.data, organisationId: P1, kind: 'practice', members: [] },
    };
    spec.given([practice]).when(update({ organisationId: P1, joined: [P2] })).thenRefuses('ORGANISATION_MEMBERS_NOT_ALLOWED');
  });

  it('refuses a change that names nobody', () => {
    spec.given([federationRegistered]).when(update({ joined: [], left: [] })).thenRefuses('ORGANISATION_MEMBERS_UNCHANGED', /at least one/);
  });

  it('refuses a practice that joins and leaves at once, or the federation itself', () => {
    spec.given([federationRegistered]).when(update({ joined: [P3], left: [P3] })).thenRefuses('ORGANISATION_MEMBER_INVALID', /join and leave/);
    spec.given([federationRegistered]).when(update({ joined: [FED] })).thenRefuses('ORGANISATION_MEMBER_INVALID', /itself/);
  });

  it('refuses a member joining again, and a non-member leaving (409)', () => {
    expect(spec.given([federationRegistered]).when(update({ joined: [P1] })).thenRefuses('ORGANISATION_MEMBER_ALREADY_PRESENT').kind).toBe('conflict');
    expect(spec.given([federationRegistered]).when(update({ left: [P3] })).thenRefuses('ORGANISATION_MEMBER_NOT_PRESENT').kind).toBe('conflict');
  });

  it('refuses a change that would leave fewer than two members', () => {
    spec.given([federationRegistered]).when(update({ left: [P1] })).thenRefuses('ORGANISATION_FEDERATION_NEEDS_MEMBERS', /at least 2/);
  });
});
