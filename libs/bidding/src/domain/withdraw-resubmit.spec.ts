import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { fold } from '@tenderledger/domain-kit';
import { bidDecider } from './decider';
import { bidReceipt } from './events';
import {
  BID,
  COMMITMENT,
  LATER_BEFORE,
  LEAD,
  LOT_C,
  REVISED_COMMITMENT,
  TENDER,
  bidResubmitted,
  bidSubmitted,
  bidWithdrawn,
  federationSubmitted,
  resealed,
  resubmitBid,
  withdrawBid,
} from './testing/fixtures';

describe('WithdrawBid', () => {
  const spec = deciderSpec(bidDecider);

  it('withdraws a submitted bid before the deadline, keeping the reason', () => {
    spec
      .given([bidSubmitted()])
      .when(withdrawBid({ reason: '  Partner practice merged  ' }))
      .then([bidWithdrawn({ reason: 'Partner practice merged' })]);
  });

  it('records no reason key when none (or only blanks) is given', () => {
    spec.given([bidSubmitted()]).when(withdrawBid({ reason: '   ' })).thenMatches(([event]) => expect(event!.data).not.toHaveProperty('reason'));
    spec.given([bidSubmitted()]).when(withdrawBid()).then([bidWithdrawn()]);
  });

  it('lets a consortium lead withdraw the consortium bid', () => {
    spec.given([federationSubmitted()]).when(withdrawBid({ by: LEAD })).then([bidWithdrawn({ by: LEAD })]);
  });

  it('lets a resubmitted bid be withdrawn', () => {
    spec.given([bidSubmitted(), bidResubmitted()]).when(withdrawBid()).then([bidWithdrawn()]);
  });

  it('folds into a withdrawn state', () => {
    const state = fold(bidDecider, [bidSubmitted(), bidWithdrawn()]);
    expect(state).toMatchObject({ status: 'withdrawn', withdrawnAt: LATER_BEFORE, commitment: COMMITMENT });
  });
});

describe('ResubmitBid', () => {
  const spec = deciderSpec(bidDecider);

  it('replaces the content of a submitted bid and names the commitment it replaces', () => {
    spec.given([bidSubmitted()]).when(resubmitBid()).then([bidResubmitted()]);
  });

  it('brings a withdrawn bid back, before the deadline', () => {
    spec.given([bidSubmitted(), bidWithdrawn()]).when(resubmitBid()).then([bidResubmitted()]);
  });

  it('can resubmit again; each replaces the previous commitment', () => {
    spec
      .given([bidSubmitted(), bidResubmitted()])
      .when(resubmitBid({ commitment: COMMITMENT, lotIds: [LOT_C] }))
      .then([bidResubmitted({ commitment: COMMITMENT, previousCommitment: REVISED_COMMITMENT })]);
  });

  it('lets a consortium lead resubmit; the bidder itself cannot change', () => {
    spec
      .given([federationSubmitted()])
      .when(resubmitBid({ resubmittedBy: LEAD }))
      .thenMatches(([event]) => {
        expect(event).toEqual(bidResubmitted({ resubmittedBy: LEAD }));
        expect(fold(bidDecider, [federationSubmitted(), event!])).toMatchObject({ bidder: federationSubmitted().data.bidder });
      });
  });

  it('folds the new content in: latest sealed, commitment and lots; first submission time kept', () => {
    const state = fold(bidDecider, [bidSubmitted(), bidWithdrawn(), bidResubmitted()]);
    expect(state).toMatchObject({
      status: 'submitted',
      sealed: resealed,
      commitment: REVISED_COMMITMENT,
      lotIds: [LOT_C],
      submittedAt: bidSubmitted().data.submittedAt,
      lastSubmittedAt: LATER_BEFORE,
    });
  });

  it('gives a fresh receipt for the new commitment', () => {
    expect(bidReceipt(bidResubmitted())).toEqual({ bidId: BID, tenderId: TENDER, commitment: REVISED_COMMITMENT, submittedAt: LATER_BEFORE });
  });
});
