import { deciderSpec } from '@tenderledger/domain-kit/testing';
import type { CancelTender, CloseSubmissions } from './commands';
import { tenderDecider } from './decider';
import {
  BEFORE_CLARIFICATION_DEADLINE,
  CLARIFICATION_DEADLINE,
  ICB,
  OTHER_ICB,
  PLANNED_AWARD,
  SUBMISSION_DEADLINE,
  TENDER,
  amendPublished,
  defineLots,
  draftTender,
  history,
  publish,
  publishedTender,
  readyToPublish,
  stateOf,
} from './tender.fixtures';

const spec = deciderSpec(tenderDecider);
const LATER_SUBMISSION = '2026-02-23T12:00:00.000Z';
const cancel = (overrides: Partial<CancelTender['data']> = {}): CancelTender => ({
  type: 'CancelTender',
  data: { tenderId: TENDER, commissionerId: ICB, reason: 'The ICB is merging the service into a wider contract.', now: BEFORE_CLARIFICATION_DEADLINE, ...overrides },
});
const close = (now = SUBMISSION_DEADLINE): CloseSubmissions => ({ type: 'CloseSubmissions', data: { tenderId: TENDER, now } });
const closedTender = () => history(draftTender(), defineLots(), publish(), close());

describe('AmendPublishedTender', () => {
  it('extends the submission deadline, recording what changed, when and why', () => {
    spec.given(publishedTender()).when(amendPublished()).then([
      {
        type: 'TenderAmended',
        data: {
          tenderId: TENDER,
          amendedBy: ICB,
          amendedAt: BEFORE_CLARIFICATION_DEADLINE,
          reason: 'Bidders asked for more time after the TUPE clarification.',
          changes: [{ field: 'submissionDeadline', from: SUBMISSION_DEADLINE, to: LATER_SUBMISSION }],
        },
      },
    ]);
  });

  it('moves the clarification deadline later, even after it passed (reopening questions)', () => {
    spec
      .given(publishedTender())
      .when(amendPublished({ changes: { clarificationDeadline: '2026-02-09T12:00:00.000Z' }, now: '2026-02-03T09:00:00.000Z' }))
      .thenMatches(([event]) =>
        expect(event!.data).toMatchObject({ changes: [{ field: 'clarificationDeadline', from: CLARIFICATION_DEADLINE, to: '2026-02-09T12:00:00.000Z' }] }),
      );
  });

  it('amends the description and leaves unchanged fields out of the record', () => {
    spec
      .given(publishedTender())
      .when(amendPublished({ changes: { description: 'Now includes the Valley branch surgery.', submissionDeadline: SUBMISSION_DEADLINE } }))
      .thenMatches(([event]) =>
        expect(event!.data).toMatchObject({
          changes: [{ field: 'description', from: 'Core general practice and extended access for 84,000 registered patients.', to: 'Now includes the Valley branch surgery.' }],
        }),
      );
  });

  it('folds the new deadline into the state', () => {
    const state = stateOf(history(draftTender(), defineLots(), publish(), amendPublished()));
    expect(state.status !== 'none' && state.terms.timeline.submissionDeadline).toBe(LATER_SUBMISSION);
  });

  it('refuses without a reason (TENDER_AMENDMENT_NEEDS_REASON)', () => {
    spec.given(publishedTender()).when(amendPublished({ reason: ' ' })).thenRefuses('TENDER_AMENDMENT_NEEDS_REASON', /needs a reason/);
  });
  it('refuses moving a deadline earlier (TENDER_DEADLINE_CANNOT_MOVE_EARLIER)', () => {
    spec
      .given(publishedTender())
      .when(amendPublished({ changes: { submissionDeadline: '2026-02-13T12:00:00.000Z' } }))
      .thenRefuses('TENDER_DEADLINE_CANNOT_MOVE_EARLIER', /only move later/);
  });
  it('refuses a submission deadline moved past the planned award (TENDER_DEADLINES_OUT_OF_ORDER)', () => {
    spec.given(publishedTender()).when(amendPublished({ changes: { submissionDeadline: '2026-04-01T12:00:00.000Z' } })).thenRefuses('TENDER_DEADLINES_OUT_OF_ORDER');
  });
  it('refuses reopening clarifications to a deadline already in the past (TENDER_DEADLINES_OUT_OF_ORDER)', () => {
    spec
      .given(publishedTender())
      .when(amendPublished({ changes: { clarificationDeadline: '2026-02-03T12:00:00.000Z' }, now: '2026-02-04T09:00:00.000Z' }))
      .thenRefuses('TENDER_DEADLINES_OUT_OF_ORDER');
  });
  it('refuses a deadline that is not a date (TENDER_INVALID_DATE)', () => {
    spec.given(publishedTender()).when(amendPublished({ changes: { plannedAwardDate: 'after Easter' } })).thenRefuses('TENDER_INVALID_DATE');
  });
  it('refuses an amendment that changes nothing (TENDER_AMENDMENT_EMPTY)', () => {
    spec.given(publishedTender()).when(amendPublished({ changes: { plannedAwardDate: PLANNED_AWARD } })).thenRefuses('TENDER_AMENDMENT_EMPTY');
  });
  it('refuses after the submission deadline (TENDER_SUBMISSION_DEADLINE_PASSED)', () => {
    spec.given(publishedTender()).when(amendPublished({ now: SUBMISSION_DEADLINE })).thenRefuses('TENDER_SUBMISSION_DEADLINE_PASSED');
  });
  it('refuses once submissions are closed (TENDER_SUBMISSION_DEADLINE_PASSED)', () => {
    spec.given(closedTender()).when(amendPublished()).thenRefuses('TENDER_SUBMISSION_DEADLINE_PASSED');
  });
  it('refuses on a draft, which is amended with AmendDraft (TENDER_NOT_PUBLISHED)', () => {
    spec.given(readyToPublish()).when(amendPublished()).thenRefuses('TENDER_NOT_PUBLISHED');
  });
  it('refuses a cancelled tender (TENDER_CANCELLED)', () => {
    spec.given(history(draftTender(), defineLots(), publish(), cancel())).when(amendPublished()).thenRefuses('TENDER_CANCELLED');
  });
  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(publishedTender()).when(amendPublished({ commissionerId: OTHER_ICB })).thenRefuses('TENDER_NOT_OWNER');
  });
});

describe('CancelTender', () => {
  it('cancels a published tender with a reason, noting it was published', () => {
    spec.given(publishedTender()).when(cancel()).then([
      {
        type: 'TenderCancelled',
        data: {
          tenderId: TENDER,
          cancelledBy: ICB,
          cancelledAt: BEFORE_CLARIFICATION_DEADLINE,
          reason: 'The ICB is merging the service into a wider contract.',
          statusWhenCancelled: 'published',
        },
      },
    ]);
  });
  it('cancels a draft', () => {
    spec.given(readyToPublish()).when(cancel()).thenMatches(([event]) => expect(event!.data).toMatchObject({ statusWhenCancelled: 'draft' }));
  });
  it('cancels after submissions closed (before any award, which another context records)', () => {
    spec.given(closedTender()).when(cancel({ now: '2026-02-20T09:00:00Z' })).thenMatches(([event]) =>
      expect(event!.data).toMatchObject({ statusWhenCancelled: 'submissions-closed' }),
    );
  });
  it('refuses cancelling twice (TENDER_CANCELLED)', () => {
    spec.given(history(draftTender(), cancel())).when(cancel()).thenRefuses('TENDER_CANCELLED');
  });
  it('refuses without a reason (TENDER_CANCELLATION_NEEDS_REASON)', () => {
    spec.given(publishedTender()).when(cancel({ reason: '' })).thenRefuses('TENDER_CANCELLATION_NEEDS_REASON');
  });
  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(publishedTender()).when(cancel({ commissionerId: OTHER_ICB })).thenRefuses('TENDER_NOT_OWNER');
  });
  it('refuses a tender that does not exist (TENDER_NOT_FOUND)', () => {
    spec.given([]).when(cancel()).thenRefuses('TENDER_NOT_FOUND');
  });
});

describe('CloseSubmissions', () => {
  it('closes submissions at the deadline', () => {
    spec.given(publishedTender()).when(close()).then([
      { type: 'SubmissionsClosed', data: { tenderId: TENDER, closedAt: SUBMISSION_DEADLINE, submissionDeadline: SUBMISSION_DEADLINE } },
    ]);
  });
  it('closes against an extended deadline, not the original one', () => {
    spec.given(history(draftTender(), defineLots(), publish(), amendPublished())).when(close()).thenRefuses('TENDER_SUBMISSION_DEADLINE_NOT_REACHED');
  });
  it('is idempotent: closing a closed tender gives no events', () => {
    spec.given(closedTender()).when(close('2026-02-17T00:00:00Z')).then([]);
  });
  it('refuses before the deadline (TENDER_SUBMISSION_DEADLINE_NOT_REACHED)', () => {
    spec.given(publishedTender()).when(close('2026-02-16T11:59:59.999Z')).thenRefuses('TENDER_SUBMISSION_DEADLINE_NOT_REACHED');
  });
  it('refuses a draft (TENDER_NOT_PUBLISHED)', () => {
    spec.given(readyToPublish()).when(close()).thenRefuses('TENDER_NOT_PUBLISHED');
  });
  it('refuses a cancelled tender (TENDER_CANCELLED)', () => {
    spec.given(history(draftTender(), defineLots(), publish(), cancel())).when(close()).thenRefuses('TENDER_CANCELLED');
  });
  it('refuses a tender that does not exist (TENDER_NOT_FOUND)', () => {
    spec.given([]).when(close()).thenRefuses('TENDER_NOT_FOUND');
  });
  it('refuses a "now" that is not a date (TENDER_INVALID_DATE)', () => {
    spec.given(publishedTender()).when(close('')).thenRefuses('TENDER_INVALID_DATE');
  });
});
