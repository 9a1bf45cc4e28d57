import { canonicalHash } from '@tenderledger/domain-kit';
import { deciderSpec } from '@tenderledger/domain-kit/testing';
import type { TenderCommand } from './commands';
import { defaultHealthServiceCriteria, priceCriterion } from './criteria';
import { tenderDecider } from './decider';
import type { TenderEvent, TenderPublished } from './events';
import {
  CLARIFICATION_DEADLINE,
  ICB,
  OTHER_ICB,
  PLANNED_AWARD,
  PUBLISH_AT,
  SUBMISSION_DEADLINE,
  TENDER,
  TWO_LOTS,
  defineLots,
  draftTender,
  history,
  publish,
  publishedTender,
  readyToPublish,
  stateOf,
} from './tender.fixtures';

const spec = deciderSpec(tenderDecider);
const cmd = (type: 'RecordNoSplitReason' | 'SetLotLimit' | 'ProposeLotSplit' | 'CancelTender', extra: object): TenderCommand =>
  ({ type, data: { tenderId: TENDER, commissionerId: ICB, ...extra } }) as TenderCommand;

describe('PublishTender', () => {
  it('publishes the tender notice with lots, effective lot limit, criteria, timeline and tender period', () => {
    const given = readyToPublish();
    const state = stateOf(given);
    if (state.status === 'none') throw new Error('fixture');
    const expected: TenderPublished = {
      type: 'TenderPublished',
      data: {
        tenderId: TENDER,
        publishedBy: ICB,
        publishedAt: PUBLISH_AT,
        procedureProfileId: 'psr-competitive',
        regime: 'provider-selection-regime',
        notices: ['tender-notice', 'intention-to-award', 'contract-award-notice'],
        title: 'Riverside primary care re-procurement',
        lots: TWO_LOTS,
        lotLimit: 2,
        criteria: defaultHealthServiceCriteria(),
        timeline: { clarificationDeadline: CLARIFICATION_DEADLINE, submissionDeadline: SUBMISSION_DEADLINE, plannedAwardDate: PLANNED_AWARD },
        minimumTenderPeriodDays: 30,
        tenderPeriodDays: 42,
        contentHash: canonicalHash({ tenderId: TENDER, terms: state.terms, lots: TWO_LOTS, lotLimit: 2, noSplitReason: null }),
      },
    };
    spec.given(given).when(publish()).then([expected]);
  });

  it('publishes a whole-contract tender once the reason for not splitting is recorded', () => {
    spec
      .given(history(draftTender(), cmd('RecordNoSplitReason', { reason: 'One practice site; the list cannot be divided.' })))
      .when(publish())
      .thenMatches(([event]) => expect(event).toMatchObject({ type: 'TenderPublished', data: { lotLimit: 1, lots: [{ id: 'whole-contract' }] } }));
  });

  it('publishes a tender that set its own lot limit', () => {
    spec.given(history(draftTender(), defineLots(), cmd('SetLotLimit', { lotLimit: 1 }))).when(publish()).thenMatches(([event]) =>
      expect(event).toMatchObject({ data: { lotLimit: 1 } }),
    );
  });

  it('publishes under the Procurement Act with its 25-day minimum', () => {
    const now = '2026-01-22T09:00:00.000Z'; // 25 days and 3 hours before the submission deadline
    spec
      .given(history(draftTender({ procedureProfileId: 'pa23-open' }), defineLots()))
      .when(publish(now))
      .thenMatches(([event]) => expect(event).toMatchObject({ data: { regime: 'procurement-act-2023', minimumTenderPeriodDays: 25, tenderPeriodDays: 25 } }));
  });

  it('refuses a tender that does not exist (TENDER_NOT_FOUND)', () => {
    spec.given([]).when(publish()).thenRefuses('TENDER_NOT_FOUND');
  });
  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(readyToPublish()).when(publish(PUBLISH_AT, OTHER_ICB)).thenRefuses('TENDER_NOT_OWNER');
  });
  it('refuses publishing twice (TENDER_NOT_DRAFT)', () => {
    spec.given(publishedTender()).when(publish()).thenRefuses('TENDER_NOT_DRAFT');
  });
  it('refuses a cancelled tender (TENDER_CANCELLED)', () => {
    spec.given(history(draftTender(), defineLots(), cmd('CancelTender', { reason: 'Service decommissioned.', now: PUBLISH_AT }))).when(publish()).thenRefuses('TENDER_CANCELLED');
  });
  it('refuses a "now" that is not a date (TENDER_INVALID_DATE)', () => {
    spec.given(readyToPublish()).when(publish('yesterday')).thenRefuses('TENDER_INVALID_DATE');
  });

  it.each(['psr-direct-award-a', 'psr-direct-award-b', 'psr-direct-award-c', 'psr-most-suitable-provider'])(
    'refuses to publish a %s tender for bids (TENDER_PROFILE_TAKES_NO_BIDS)',
    (profile) => {
      spec
        .given(history(draftTender({ procedureProfileId: profile }), defineLots([TWO_LOTS[0]!])))
        .when(publish())
        .thenRefuses('TENDER_PROFILE_TAKES_NO_BIDS', /direct award decision/);
    },
  );

  it('refuses criteria weights that do not add up to 100% (TENDER_WEIGHTS_NOT_100)', () => {
    const criteria = [...defaultHealthServiceCriteria().slice(0, 4), priceCriterion(1_500)];
    spec.given(history(draftTender({ criteria }), defineLots())).when(publish()).thenRefuses('TENDER_WEIGHTS_NOT_100', /add up to 95%/);
  });
  it('accepts 80% quality and 20% price', () => {
    const criteria = [...defaultHealthServiceCriteria().slice(0, 4), priceCriterion(2_000)];
    spec.given(history(draftTender({ criteria }), defineLots())).when(publish()).thenMatches((events) => expect(events).toHaveLength(1));
  });
  it('refuses a tender with no criteria (TENDER_NO_CRITERIA)', () => {
    spec.given(history(draftTender({ criteria: [] }), defineLots())).when(publish()).thenRefuses('TENDER_NO_CRITERIA');
  });
  it('refuses a tender with no lots (TENDER_NO_LOTS)', () => {
    spec.given(history(draftTender())).when(publish()).thenRefuses('TENDER_NO_LOTS');
  });
  it('refuses a single lot defined by hand without a reason for not splitting (TENDER_NO_SPLIT_REASON)', () => {
    spec.given(history(draftTender(), defineLots([TWO_LOTS[0]!]))).when(publish()).thenRefuses('TENDER_NO_SPLIT_REASON', /reason for not splitting/);
  });
  it('refuses while a lot split proposal waits for a decision (TENDER_LOT_SPLIT_PROPOSAL_PENDING)', () => {
    spec
      .given(history(draftTender(), defineLots(), cmd('ProposeLotSplit', { ceiling: { maxPopulation: 30_000, maxAnnualValuePence: 350_000_000 } })))
      .when(publish())
      .thenRefuses('TENDER_LOT_SPLIT_PROPOSAL_PENDING');
  });
  it('refuses a lot limit above the number of lots (TENDER_LOT_LIMIT_INVALID)', () => {
    spec.given(history(draftTender({ lotLimit: 5 }), defineLots())).when(publish()).thenRefuses('TENDER_LOT_LIMIT_INVALID');
  });
  it('refuses publication on or after the clarification deadline (TENDER_DEADLINES_OUT_OF_ORDER)', () => {
    spec.given(readyToPublish()).when(publish(CLARIFICATION_DEADLINE)).thenRefuses('TENDER_DEADLINES_OUT_OF_ORDER');
  });
  it('refuses a tender period shorter than the profile minimum (TENDER_PERIOD_TOO_SHORT)', () => {
    const now = '2026-01-20T09:00:00.000Z'; // 27 days before the deadline; PSR competitive needs 30
    spec.given(readyToPublish()).when(publish(now)).thenRefuses('TENDER_PERIOD_TOO_SHORT', /would be 27 days.*at least 30/);
  });
  it('refuses a tender period shorter than the tender’s own longer minimum (TENDER_PERIOD_TOO_SHORT)', () => {
    spec.given(history(draftTender({ minimumTenderPeriodDays: 45 }), defineLots())).when(publish()).thenRefuses('TENDER_PERIOD_TOO_SHORT', /at least 45/);
  });
  it('refuses one second short of the Procurement Act’s 25 days (TENDER_PERIOD_TOO_SHORT)', () => {
    spec
      .given(history(draftTender({ procedureProfileId: 'pa23-open' }), defineLots()))
      .when(publish('2026-01-22T12:00:01.000Z'))
      .thenRefuses('TENDER_PERIOD_TOO_SHORT');
  });

  it('appends nothing and leaves the state a draft when refused', () => {
    const given: TenderEvent[] = history(draftTender());
    expect(() => tenderDecider.decide(publish(), stateOf(given))).toThrow();
    expect(stateOf(given).status).toBe('draft');
  });
});
