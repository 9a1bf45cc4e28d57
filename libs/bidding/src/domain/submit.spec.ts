import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { bidDecider } from './decider';
import { bidReceipt, type BidSubmitted } from './events';
import {
  BID,
  COMMITMENT,
  LATER_BEFORE,
  LEAD,
  LOT_A,
  LOT_B,
  LOT_C,
  PRACTICE,
  TENDER,
  bidSubmitted,
  federation,
  sealed,
  submitBid,
  tender,
} from './testing/fixtures';

describe('SubmitBid', () => {
  const spec = deciderSpec(bidDecider);

  it('records a sealed bid from a single organisation with its public commitment', () => {
    spec.given([]).when(submitBid()).then([bidSubmitted()]);
  });

  it('records a consortium bid submitted by its lead', () => {
    spec
      .given([])
      .when(submitBid({ bidder: federation, submittedBy: LEAD, lotIds: [LOT_A, LOT_B, LOT_C] }))
      .then([bidSubmitted({ bidder: federation, submittedBy: LEAD, lotIds: [LOT_A, LOT_B, LOT_C] })]);
  });

  it('accepts a submission one millisecond before the deadline', () => {
    spec
      .given([])
      .when(submitBid({ now: '2026-03-02T11:59:59.999Z' }))
      .then([bidSubmitted({ submittedAt: '2026-03-02T11:59:59.999Z' })]);
  });

  it('compares instants, not strings: an offset time before the deadline is on time', () => {
    // 12:30 at +01:00 is 11:30Z, before the 12:00Z deadline.
    spec
      .given([])
      .when(submitBid({ now: '2026-03-02T12:30:00+01:00' }))
      .then([bidSubmitted({ submittedAt: '2026-03-02T12:30:00+01:00' })]);
  });

  it('honours a deadline extended by an amendment (the facts carry the current deadline)', () => {
    spec
      .given([])
      .when(submitBid({ now: '2026-03-05T09:00:00.000Z', tender: tender({ submissionDeadline: '2026-03-09T12:00:00.000Z' }) }))
      .then([bidSubmitted({ submittedAt: '2026-03-05T09:00:00.000Z' })]);
  });

  it('never carries plaintext: only the envelope and the commitment are in the event', () => {
    spec
      .given([])
      .when(submitBid())
      .thenMatches(([event]) => {
        expect(Object.keys(event!.data).sort()).toEqual(
          ['bidId', 'bidder', 'commitment', 'lotIds', 'sealed', 'submittedAt', 'submittedBy', 'tenderId'].sort(),
        );
        expect(JSON.stringify(event)).not.toMatch(/Extended hours|125000000/);
      });
  });

  it('gives the bidder a receipt with the commitment and submission time', () => {
    spec
      .given([])
      .when(submitBid())
      .thenMatches(([event]) => {
        expect(bidReceipt(event as BidSubmitted)).toEqual({ bidId: BID, tenderId: TENDER, commitment: COMMITMENT, submittedAt: submitBid().data.now });
      });
  });

  it('copies the lot list so later changes to the command cannot alter the event', () => {
    const lotIds = [LOT_A];
    const events = bidDecider.decide(submitBid({ lotIds }), bidDecider.initialState());
    lotIds.push(LOT_B);
    expect(events[0]!.data).toMatchObject({ lotIds: [LOT_A] });
  });

  it('folds into a submitted state that the opening process manager can decrypt from', () => {
    const state = bidDecider.evolve(bidDecider.initialState(), bidSubmitted({ submittedAt: LATER_BEFORE }));
    expect(state).toEqual({
      status: 'submitted',
      bidId: BID,
      tenderId: TENDER,
      bidder: { kind: 'organisation', organisationId: PRACTICE },
      lotIds: [LOT_A, LOT_B],
      sealed,
      commitment: COMMITMENT,
      submittedAt: LATER_BEFORE,
      submittedBy: PRACTICE,
      lastSubmittedAt: LATER_BEFORE,
    });
  });
});
