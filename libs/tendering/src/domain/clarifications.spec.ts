import { deciderSpec } from '@tenderledger/domain-kit/testing';
import type { AnswerClarification, TenderCommand } from './commands';
import { tenderDecider } from './decider';
import { organisationId } from './ids';
import {
  BEFORE_CLARIFICATION_DEADLINE,
  CLARIFICATION_DEADLINE,
  ICB,
  OTHER_ICB,
  PRACTICE,
  Q1,
  SUBMISSION_DEADLINE,
  TENDER,
  ask,
  askedTender,
  defineLots,
  draftTender,
  history,
  publish,
  publishedTender,
  readyToPublish,
} from './tender.fixtures';

const spec = deciderSpec(tenderDecider);
const ANSWER_AT = '2026-02-05T10:00:00.000Z';
const answer = (overrides: Partial<AnswerClarification['data']> = {}): AnswerClarification => ({
  type: 'AnswerClarification',
  data: { tenderId: TENDER, clarificationId: Q1, commissionerId: ICB, answer: 'Yes: staff transfer under TUPE.', now: ANSWER_AT, ...overrides },
});
const cancel: TenderCommand = { type: 'CancelTender', data: { tenderId: TENDER, commissionerId: ICB, reason: 'Funding withdrawn.', now: '2026-01-10T09:00:00Z' } };
const close: TenderCommand = { type: 'CloseSubmissions', data: { tenderId: TENDER, now: SUBMISSION_DEADLINE } };

describe('AskClarification', () => {
  it('records the question and, for the audit trail only, who asked it', () => {
    spec.given(publishedTender()).when(ask()).then([
      {
        type: 'ClarificationAsked',
        data: { tenderId: TENDER, clarificationId: Q1, askedBy: PRACTICE, question: 'Is TUPE expected to apply?', askedAt: BEFORE_CLARIFICATION_DEADLINE },
      },
    ]);
  });
  it('refuses on a draft (TENDER_NOT_PUBLISHED)', () => {
    spec.given(readyToPublish()).when(ask()).thenRefuses('TENDER_NOT_PUBLISHED');
  });
  it('refuses on a tender that does not exist (TENDER_NOT_FOUND)', () => {
    spec.given([]).when(ask()).thenRefuses('TENDER_NOT_FOUND');
  });
  it('refuses on a cancelled tender (TENDER_CANCELLED)', () => {
    spec.given(history(draftTender(), cancel)).when(ask()).thenRefuses('TENDER_CANCELLED');
  });
  it('refuses at the clarification deadline (CLARIFICATION_DEADLINE_PASSED)', () => {
    spec.given(publishedTender()).when(ask({ now: CLARIFICATION_DEADLINE })).thenRefuses('CLARIFICATION_DEADLINE_PASSED', /closed at/);
  });
  it('refuses once submissions are closed (CLARIFICATION_DEADLINE_PASSED)', () => {
    spec.given(history(draftTender(), defineLots(), publish(), close)).when(ask()).thenRefuses('CLARIFICATION_DEADLINE_PASSED');
  });
  it('refuses a question from the commissioner itself (CLARIFICATION_FROM_COMMISSIONER)', () => {
    spec.given(publishedTender()).when(ask({ askedBy: ICB })).thenRefuses('CLARIFICATION_FROM_COMMISSIONER');
  });
  it('refuses an empty question (CLARIFICATION_QUESTION_REQUIRED)', () => {
    spec.given(publishedTender()).when(ask({ question: '  ' })).thenRefuses('CLARIFICATION_QUESTION_REQUIRED');
  });
  it('refuses a clarification id already used (CLARIFICATION_ALREADY_EXISTS)', () => {
    spec.given(askedTender()).when(ask({ askedBy: organisationId('federation-valley') })).thenRefuses('CLARIFICATION_ALREADY_EXISTS');
  });
  it('refuses a "now" that is not a date (TENDER_INVALID_DATE)', () => {
    spec.given(publishedTender()).when(ask({ now: 'today' })).thenRefuses('TENDER_INVALID_DATE');
  });
});

describe('AnswerClarification', () => {
  it('answers publicly: the event carries the question and answer but no asker', () => {
    spec.given(askedTender()).when(answer()).then([
      {
        type: 'ClarificationAnswered',
        data: {
          tenderId: TENDER,
          clarificationId: Q1,
          question: 'Is TUPE expected to apply?',
          answer: 'Yes: staff transfer under TUPE.',
          answeredBy: ICB,
          answeredAt: ANSWER_AT,
        },
      },
    ]);
  });
  it('the public answer event never names the asker', () => {
    spec.given(askedTender()).when(answer()).thenMatches(([event]) => {
      expect(JSON.stringify(event)).not.toContain(PRACTICE);
      expect(event!.data).not.toHaveProperty('askedBy');
    });
  });
  it('publishes a reworded question when the commissioner removes identifying detail', () => {
    spec.given(askedTender()).when(answer({ publishedQuestion: 'Will TUPE apply to current staff?' })).thenMatches(([event]) =>
      expect(event!.data).toMatchObject({ question: 'Will TUPE apply to current staff?' }),
    );
  });
  it('may answer after the clarification deadline, before the submission deadline', () => {
    spec.given(askedTender()).when(answer({ now: '2026-02-10T09:00:00Z' })).thenMatches((events) => expect(events).toHaveLength(1));
  });
  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(askedTender()).when(answer({ commissionerId: OTHER_ICB })).thenRefuses('TENDER_NOT_OWNER');
  });
  it('refuses an unknown clarification (CLARIFICATION_NOT_FOUND)', () => {
    spec.given(publishedTender()).when(answer()).thenRefuses('CLARIFICATION_NOT_FOUND');
  });
  it('refuses answering twice (CLARIFICATION_ALREADY_ANSWERED)', () => {
    spec.given(history(draftTender(), defineLots(), publish(), ask(), answer())).when(answer()).thenRefuses('CLARIFICATION_ALREADY_ANSWERED');
  });
  it('refuses an empty answer (CLARIFICATION_ANSWER_REQUIRED)', () => {
    spec.given(askedTender()).when(answer({ answer: '' })).thenRefuses('CLARIFICATION_ANSWER_REQUIRED');
  });
  it('refuses an empty published question (CLARIFICATION_QUESTION_REQUIRED)', () => {
    spec.given(askedTender()).when(answer({ publishedQuestion: ' ' })).thenRefuses('CLARIFICATION_QUESTION_REQUIRED');
  });
  it('refuses after the submission deadline (TENDER_SUBMISSION_DEADLINE_PASSED)', () => {
    spec.given(askedTender()).when(answer({ now: SUBMISSION_DEADLINE })).thenRefuses('TENDER_SUBMISSION_DEADLINE_PASSED');
  });
  it('refuses on a draft (TENDER_NOT_PUBLISHED)', () => {
    spec.given(readyToPublish()).when(answer()).thenRefuses('TENDER_NOT_PUBLISHED');
  });
});
