import { TENDER_REFUSAL_CODES } from './refusal-codes';
import { tenderFactsForBidding } from './facts';
import { criterionId, lotId, tenderStreamId } from './ids';
import { initialTenderState } from './state';
import { ICB, PRACTICE, Q1, SUBMISSION_DEADLINE, TENDER, ask, askedTender, draftTender, history, defineLots, publish, publishedTender, stateOf } from './tender.fixtures';

describe('tenderFactsForBidding', () => {
  it('gives the bidding context what it needs from a published tender', () => {
    expect(tenderFactsForBidding(stateOf(publishedTender()))).toEqual({
      tenderId: TENDER,
      status: 'published',
      submissionDeadline: SUBMISSION_DEADLINE,
      lotIds: [lotId('lot-core'), lotId('lot-ea')],
      lotLimit: 2,
      criteriaIds: [
        'quality-and-innovation',
        'value',
        'integration-collaboration-and-service-sustainability',
        'improving-access-reducing-health-inequalities-and-facilitating-choice',
        'social-value',
      ].map(criterionId),
      commissionerId: ICB,
    });
  });

  it('reports a draft as a draft and no tender as null', () => {
    expect(tenderFactsForBidding(stateOf(history(draftTender())))).toMatchObject({ status: 'draft', lotIds: [], lotLimit: 0 });
    expect(tenderFactsForBidding(initialTenderState())).toBeNull();
  });
});

describe('tender state', () => {
  it('keeps the asker of a clarification internally, for the commissioner and the audit trail', () => {
    const state = stateOf(askedTender());
    expect(state.status !== 'none' && state.clarifications[Q1]).toMatchObject({ askedBy: PRACTICE, answer: null });
  });

  it('folds a full life: draft, lots, publish, question', () => {
    const state = stateOf(history(draftTender(), defineLots(), publish(), ask()));
    expect(state).toMatchObject({ status: 'published', lotsOrigin: 'defined-by-hand', publishedAt: '2026-01-05T09:00:00.000Z', lotLimit: 2 });
  });

  it('names the stream tender-{id}', () => {
    expect(tenderStreamId(TENDER)).toBe('tender-tender-1');
  });

  it('lists each refusal code once', () => {
    expect(new Set(TENDER_REFUSAL_CODES).size).toBe(TENDER_REFUSAL_CODES.length);
  });
});
