import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { criterionId, contractId } from './ids';
import { defaultHealthServiceCriteria } from './criteria';
import { tenderDecider } from './decider';
import type { TenderCommand } from './commands';
import type { TenderTerms } from './terms';
import { CLARIFICATION_DEADLINE, ICB, OTHER_ICB, PLANNED_AWARD, SERVICES, SUBMISSION_DEADLINE, TENDER, draftTender, history, publishedTender, readyToPublish } from './tender.fixtures';

const spec = deciderSpec(tenderDecider);

const expectedTerms: TenderTerms = {
  title: 'Riverside primary care re-procurement',
  description: 'Core general practice and extended access for 84,000 registered patients.',
  procedureProfileId: 'psr-competitive',
  contractType: 'APMS',
  replacesContractId: null,
  services: SERVICES,
  population: 84_000,
  estimatedAnnualValuePence: 900_000_000,
  contractTerm: { startDate: '2026-07-01', months: 60 },
  criteria: defaultHealthServiceCriteria(),
  timeline: { clarificationDeadline: CLARIFICATION_DEADLINE, submissionDeadline: SUBMISSION_DEADLINE, plannedAwardDate: PLANNED_AWARD },
  region: null,
  minimumTenderPeriodDays: null,
};

const amend = (changes: Extract<TenderCommand, { type: 'AmendDraft' }>['data']['changes'], commissionerId = ICB): TenderCommand => ({
  type: 'AmendDraft',
  data: { tenderId: TENDER, commissionerId, changes },
});

describe('DraftTender', () => {
  it('drafts a tender with its terms, owner and no lot limit yet', () => {
    spec.given([]).when(draftTender()).then([
      { type: 'TenderDrafted', data: { tenderId: TENDER, commissionerId: ICB, terms: expectedTerms, lotLimit: null } },
    ]);
  });

  it('records the register contract it replaces, the region, a lot limit and a longer minimum period', () => {
    spec
      .given([])
      .when(draftTender({ replacesContractId: contractId('apms-123'), region: 'North East', lotLimit: 1, minimumTenderPeriodDays: 35 }))
      .then([
        {
          type: 'TenderDrafted',
          data: {
            tenderId: TENDER,
            commissionerId: ICB,
            terms: { ...expectedTerms, replacesContractId: contractId('apms-123'), region: 'North East', minimumTenderPeriodDays: 35 },
            lotLimit: 1,
          },
        },
      ]);
  });

  it('accepts criteria whose weights do not yet add up to 100%: that is checked at publication', () => {
    const [first] = defaultHealthServiceCriteria();
    spec.given([]).when(draftTender({ criteria: [first!] })).thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('refuses a second draft on the same stream (TENDER_ALREADY_EXISTS)', () => {
    spec.given(history(draftTender())).when(draftTender()).thenRefuses('TENDER_ALREADY_EXISTS', /already exists/);
  });

  const refusals: Array<[string, Partial<Parameters<typeof draftTender>[0]>, string]> = [
    ['an unknown procedure profile', { procedureProfileId: 'eu-restricted' }, 'TENDER_PROFILE_UNKNOWN'],
    ['a blank title', { title: '   ' }, 'TENDER_TITLE_REQUIRED'],
    ['no service lines', { services: [] }, 'TENDER_SERVICES_INVALID'],
    [
      'localities that do not add up to the service line',
      { services: [{ ...SERVICES[0]!, population: 90_000 }] },
      'TENDER_SERVICES_INVALID',
    ],
    ['a population of zero', { population: 0 }, 'TENDER_POPULATION_INVALID'],
    ['a fractional population', { population: 10.5 }, 'TENDER_POPULATION_INVALID'],
    ['a value in fractional pence', { estimatedAnnualValuePence: 100.5 }, 'TENDER_VALUE_INVALID'],
    ['a negative value', { estimatedAnnualValuePence: -1 }, 'TENDER_VALUE_INVALID'],
    ['a contract that ends before it starts', { contractTerm: { startDate: '2026-07-01', endDate: '2026-06-30' } }, 'TENDER_CONTRACT_TERM_INVALID'],
    ['a contract of zero months', { contractTerm: { startDate: '2026-07-01', months: 0 } }, 'TENDER_CONTRACT_TERM_INVALID'],
    [
      'a criterion with a pass mark above its maximum score',
      { criteria: [{ ...defaultHealthServiceCriteria()[0]!, passMark: 6 }] },
      'TENDER_CRITERIA_INVALID',
    ],
    [
      'a criterion with a fractional weight',
      { criteria: [{ ...defaultHealthServiceCriteria()[0]!, id: criterionId('q'), weightBasisPoints: 12.5 }] },
      'TENDER_CRITERIA_INVALID',
    ],
    [
      'a deadline that is not a date',
      { timeline: { clarificationDeadline: 'soon', submissionDeadline: SUBMISSION_DEADLINE, plannedAwardDate: PLANNED_AWARD } },
      'TENDER_INVALID_DATE',
    ],
    [
      'a clarification deadline after the submission deadline',
      { timeline: { clarificationDeadline: SUBMISSION_DEADLINE, submissionDeadline: CLARIFICATION_DEADLINE, plannedAwardDate: PLANNED_AWARD } },
      'TENDER_DEADLINES_OUT_OF_ORDER',
    ],
    [
      'a planned award before the submission deadline',
      { timeline: { clarificationDeadline: CLARIFICATION_DEADLINE, submissionDeadline: PLANNED_AWARD, plannedAwardDate: SUBMISSION_DEADLINE } },
      'TENDER_DEADLINES_OUT_OF_ORDER',
    ],
    ['a minimum tender period below the profile’s 30 days', { minimumTenderPeriodDays: 20 }, 'TENDER_PERIOD_BELOW_PROFILE_MINIMUM'],
    ['a lot limit of zero', { lotLimit: 0 }, 'TENDER_LOT_LIMIT_INVALID'],
  ];
  it.each(refusals)('refuses %s', (_what, overrides, code) => {
    spec.given([]).when(draftTender(overrides)).thenRefuses(code);
  });

  it('says in words why a shorter minimum period is refused', () => {
    spec.given([]).when(draftTender({ minimumTenderPeriodDays: 20 })).thenRefuses('TENDER_PERIOD_BELOW_PROFILE_MINIMUM', /at least 30 days/);
  });
});

describe('AmendDraft', () => {
  it('records only the fields that change', () => {
    spec
      .given(history(draftTender()))
      .when(amend({ title: 'Riverside and Valley primary care', region: 'North East' }))
      .then([
        {
          type: 'DraftAmended',
          data: { tenderId: TENDER, amendedBy: ICB, changes: { title: 'Riverside and Valley primary care', region: 'North East' }, lotsCleared: false },
        },
      ]);
  });

  it('clears lots drawn from the services when the services change', () => {
    const services = [SERVICES[1]!];
    spec.given(readyToPublish()).when(amend({ services, population: 84_000 })).then([
      { type: 'DraftAmended', data: { tenderId: TENDER, amendedBy: ICB, changes: { services, population: 84_000 }, lotsCleared: true } },
    ]);
  });

  it('changes the procedure profile to another known one', () => {
    spec.given(history(draftTender())).when(amend({ procedureProfileId: 'pa23-open' })).thenMatches(([event]) =>
      expect(event).toMatchObject({ type: 'DraftAmended', data: { changes: { procedureProfileId: 'pa23-open' } } }),
    );
  });

  it('refuses when the tender does not exist (TENDER_NOT_FOUND)', () => {
    spec.given([]).when(amend({ title: 'x' })).thenRefuses('TENDER_NOT_FOUND');
  });

  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(history(draftTender())).when(amend({ title: 'x' }, OTHER_ICB)).thenRefuses('TENDER_NOT_OWNER', /Only the commissioner/);
  });

  it('refuses once published (TENDER_NOT_DRAFT)', () => {
    spec.given(publishedTender()).when(amend({ title: 'x' })).thenRefuses('TENDER_NOT_DRAFT', /amendment and a reason/);
  });

  it('refuses an amendment that changes nothing (TENDER_AMENDMENT_EMPTY)', () => {
    spec.given(history(draftTender())).when(amend({})).thenRefuses('TENDER_AMENDMENT_EMPTY');
  });

  it('refuses an unknown profile (TENDER_PROFILE_UNKNOWN)', () => {
    spec.given(history(draftTender())).when(amend({ procedureProfileId: 'nope' })).thenRefuses('TENDER_PROFILE_UNKNOWN');
  });

  it('refuses a change that breaks the draft rules, e.g. deadlines out of order', () => {
    spec
      .given(history(draftTender()))
      .when(amend({ timeline: { clarificationDeadline: PLANNED_AWARD, submissionDeadline: SUBMISSION_DEADLINE, plannedAwardDate: PLANNED_AWARD } }))
      .thenRefuses('TENDER_DEADLINES_OUT_OF_ORDER');
  });

  it('refuses moving a tender with several lots to a profile without lots (TENDER_PROFILE_NO_LOTS)', () => {
    spec.given(readyToPublish()).when(amend({ procedureProfileId: 'psr-direct-award-c' })).thenRefuses('TENDER_PROFILE_NO_LOTS');
  });

  it('keeps lots when a change does not touch the services', () => {
    spec.given(readyToPublish()).when(amend({ services: undefined, description: 'Updated.' })).thenMatches(([event]) =>
      expect(event).toMatchObject({ data: { changes: { description: 'Updated.' }, lotsCleared: false } }),
    );
  });
});
