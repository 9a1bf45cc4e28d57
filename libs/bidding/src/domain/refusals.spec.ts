import { DomainError } from '@tenderledger/domain-kit';
import { deciderSpec } from '@tenderledger/domain-kit/testing';
import type { BidCommand } from './commands';
import { bidDecider } from './decider';
import { BID_ERROR_CODES, type BidErrorCode } from './errors';
import type { BidEvent } from './events';
import { asBidId, asLotId, asOrganisationId, asTenderId } from './ids';
import {
  AFTER,
  AT_DEADLINE,
  BEFORE,
  LATER_BEFORE,
  LEAD,
  LOT_A,
  LOT_B,
  MEMBER_1,
  MEMBER_2,
  STRANGER,
  bidOpened,
  bidSubmitted,
  bidWithdrawn,
  closedTender,
  federation,
  federationSubmitted,
  openBid,
  resubmitBid,
  sealed,
  submitBid,
  tender,
  withdrawBid,
} from './testing/fixtures';

// Every refusal code, with the scenario that reaches it. The last test checks this table covers
// errors.ts exactly, so a new code cannot ship without a test; each case also checks 409 vs 422.
type Case = { code: BidErrorCode; name: string; given: BidEvent[]; when: BidCommand; message?: RegExp };

const cases: Case[] = [
  // SubmitBid
  { code: 'BID_ALREADY_SUBMITTED', name: 'submitting twice', given: [bidSubmitted()], when: submitBid(), message: /resubmit/ },
  { code: 'BID_ALREADY_SUBMITTED', name: 'submitting a withdrawn bid again', given: [bidSubmitted(), bidWithdrawn()], when: submitBid() },
  { code: 'BID_TENDER_MISMATCH', name: 'tender facts of another tender', given: [], when: submitBid({ tender: tender({ tenderId: asTenderId('tender-other') }) }) },
  { code: 'BID_TENDER_NOT_OPEN', name: 'submitting to a draft tender', given: [], when: submitBid({ tender: tender({ status: 'draft' }) }), message: /draft/ },
  { code: 'BID_TENDER_NOT_OPEN', name: 'submitting to a closed tender', given: [], when: submitBid({ tender: tender({ status: 'closed' }) }) },
  { code: 'BID_TENDER_NOT_OPEN', name: 'submitting to a cancelled tender', given: [], when: submitBid({ tender: tender({ status: 'cancelled' }) }) },
  { code: 'BID_DEADLINE_PASSED', name: 'submitting late to a tender whose submissions were closed at the deadline', given: [], when: submitBid({ tender: closedTender(), now: AFTER }) },
  { code: 'BID_TENDER_NOT_OPEN', name: 'submitting late to a cancelled tender', given: [], when: submitBid({ tender: tender({ status: 'cancelled' }), now: AFTER }) },
  { code: 'BID_DEADLINE_PASSED', name: 'late submission, after the deadline', given: [], when: submitBid({ now: AFTER }), message: /^Late submission/ },
  { code: 'BID_DEADLINE_PASSED', name: 'late submission, exactly at the deadline', given: [], when: submitBid({ now: AT_DEADLINE }), message: /Late submission/ },
  { code: 'BID_TIME_INVALID', name: 'a clock reading without a zone', given: [], when: submitBid({ now: '2026-02-20T10:00:00' }), message: /now/ },
  { code: 'BID_TIME_INVALID', name: 'a deadline that is not a date', given: [], when: submitBid({ tender: tender({ submissionDeadline: 'next Friday' }) }), message: /submissionDeadline/ },
  { code: 'BID_NO_LOTS', name: 'a bid for no lot', given: [], when: submitBid({ lotIds: [] }) },
  { code: 'BID_LOT_UNKNOWN', name: 'a lot of another tender', given: [], when: submitBid({ lotIds: [LOT_A, asLotId('lot-z')] }), message: /lot-z/ },
  { code: 'BID_LOT_DUPLICATE', name: 'the same lot twice', given: [], when: submitBid({ lotIds: [LOT_A, LOT_B, LOT_A] }) },
  {
    code: 'BID_CONSORTIUM_INVALID',
    name: 'a consortium with no member',
    given: [],
    when: submitBid({ bidder: { ...federation, memberOrganisationIds: [] }, submittedBy: LEAD }),
    message: /at least one member/,
  },
  {
    code: 'BID_CONSORTIUM_INVALID',
    name: 'a consortium whose lead is also a member',
    given: [],
    when: submitBid({ bidder: { ...federation, memberOrganisationIds: [MEMBER_1, LEAD] }, submittedBy: LEAD }),
    message: /lead organisation cannot also be listed/,
  },
  {
    code: 'BID_CONSORTIUM_INVALID',
    name: 'a consortium listing a member twice',
    given: [],
    when: submitBid({ bidder: { ...federation, memberOrganisationIds: [MEMBER_1, MEMBER_2, MEMBER_1] }, submittedBy: LEAD }),
    message: /more than once/,
  },
  {
    code: 'BID_CONSORTIUM_INVALID',
    name: 'a consortium without a lead',
    given: [],
    when: submitBid({ bidder: { ...federation, leadOrganisationId: asOrganisationId('') }, submittedBy: asOrganisationId('') }),
    message: /lead organisation/,
  },
  {
    code: 'BID_CONSORTIUM_INVALID',
    name: 'a consortium without a name',
    given: [],
    when: submitBid({ bidder: { ...federation, name: '  ' }, submittedBy: LEAD }),
    message: /name/,
  },
  { code: 'BID_NOT_BIDDER', name: 'submitting for another organisation', given: [], when: submitBid({ submittedBy: STRANGER }) },
  {
    code: 'BID_NOT_BIDDER',
    name: 'a consortium member (not the lead) submitting',
    given: [],
    when: submitBid({ bidder: federation, submittedBy: MEMBER_1 }),
    message: /lead organisation/,
  },
  { code: 'BID_COMMITMENT_INVALID', name: 'a short commitment', given: [], when: submitBid({ commitment: 'abc123' }) },
  { code: 'BID_COMMITMENT_INVALID', name: 'an upper-case commitment', given: [], when: submitBid({ commitment: 'A'.repeat(64) }) },
  { code: 'BID_COMMITMENT_INVALID', name: 'a commitment that is not hex', given: [], when: submitBid({ commitment: 'g'.repeat(64) }) },
  { code: 'BID_SEALED_INVALID', name: 'sealed content without a key id', given: [], when: submitBid({ sealed: { ...sealed, keyId: '' } }) },
  { code: 'BID_SEALED_INVALID', name: 'a ciphertext that is not base64', given: [], when: submitBid({ sealed: { ...sealed, ciphertext: 'not base64!' } }) },

  // ResubmitBid
  { code: 'BID_NOT_SUBMITTED', name: 'resubmitting a bid never submitted', given: [], when: resubmitBid() },
  { code: 'BID_STREAM_MISMATCH', name: 'a command for another bid id', given: [bidSubmitted()], when: resubmitBid({ bidId: asBidId('bid-9999') }) },
  { code: 'BID_TENDER_MISMATCH', name: 'resubmitting with another tender’s facts', given: [bidSubmitted()], when: resubmitBid({ tender: tender({ tenderId: asTenderId('tender-other') }) }) },
  { code: 'BID_NOT_BIDDER', name: 'resubmitting someone else’s bid', given: [bidSubmitted()], when: resubmitBid({ resubmittedBy: STRANGER }) },
  { code: 'BID_NOT_BIDDER', name: 'a consortium member resubmitting', given: [federationSubmitted()], when: resubmitBid({ resubmittedBy: MEMBER_2 }) },
  { code: 'BID_DEADLINE_PASSED', name: 'late resubmission', given: [bidSubmitted()], when: resubmitBid({ now: AFTER }), message: /Late submission/ },
  { code: 'BID_TENDER_NOT_OPEN', name: 'resubmitting to a cancelled tender', given: [bidSubmitted()], when: resubmitBid({ tender: tender({ status: 'cancelled' }) }) },
  { code: 'BID_ALREADY_OPENED', name: 'resubmitting an opened bid', given: [bidSubmitted(), bidOpened()], when: resubmitBid() },
  { code: 'BID_LOT_UNKNOWN', name: 'resubmitting for an unknown lot', given: [bidSubmitted()], when: resubmitBid({ lotIds: [asLotId('lot-z')] }) },
  { code: 'BID_NO_LOTS', name: 'resubmitting for no lot', given: [bidSubmitted()], when: resubmitBid({ lotIds: [] }) },
  { code: 'BID_COMMITMENT_INVALID', name: 'resubmitting with a bad commitment', given: [bidSubmitted()], when: resubmitBid({ commitment: '' }) },
  { code: 'BID_SEALED_INVALID', name: 'resubmitting without an auth tag', given: [bidSubmitted()], when: resubmitBid({ sealed: { ...sealed, authTag: '' } }) },

  // WithdrawBid
  { code: 'BID_NOT_SUBMITTED', name: 'withdrawing a bid never submitted', given: [], when: withdrawBid() },
  { code: 'BID_NOT_BIDDER', name: 'withdrawing someone else’s bid', given: [bidSubmitted()], when: withdrawBid({ by: STRANGER }) },
  { code: 'BID_NOT_BIDDER', name: 'a consortium member withdrawing', given: [federationSubmitted()], when: withdrawBid({ by: MEMBER_1 }) },
  { code: 'BID_ALREADY_WITHDRAWN', name: 'withdrawing twice', given: [bidSubmitted(), bidWithdrawn()], when: withdrawBid() },
  { code: 'BID_DEADLINE_PASSED', name: 'withdrawing after the deadline', given: [bidSubmitted()], when: withdrawBid({ now: AFTER }) },
  { code: 'BID_TENDER_NOT_OPEN', name: 'withdrawing from a closed tender', given: [bidSubmitted()], when: withdrawBid({ tender: tender({ status: 'closed' }) }) },
  { code: 'BID_TENDER_MISMATCH', name: 'withdrawing with another tender’s facts', given: [bidSubmitted()], when: withdrawBid({ tender: tender({ tenderId: asTenderId('tender-other') }) }) },
  { code: 'BID_ALREADY_OPENED', name: 'withdrawing an opened bid', given: [bidSubmitted(), bidOpened()], when: withdrawBid({ now: AFTER }) },

  // OpenBid
  { code: 'BID_NOT_SUBMITTED', name: 'opening a bid never submitted', given: [], when: openBid() },
  { code: 'BID_SEALED_UNTIL_DEADLINE', name: 'opening before the deadline', given: [bidSubmitted()], when: openBid({ now: BEFORE, tender: tender() }), message: /sealed until/ },
  { code: 'BID_SEALED_UNTIL_DEADLINE', name: 'opening a closed tender’s bid before the deadline', given: [bidSubmitted()], when: openBid({ now: LATER_BEFORE }) },
  { code: 'BID_SEALED_UNTIL_DEADLINE', name: 'opening a withdrawn bid before the deadline', given: [bidSubmitted(), bidWithdrawn()], when: openBid({ now: LATER_BEFORE }) },
  { code: 'BID_TENDER_CANCELLED', name: 'opening a cancelled tender’s bid', given: [bidSubmitted()], when: openBid({ tender: closedTender({ status: 'cancelled' }) }) },
  { code: 'BID_TENDER_NOT_OPEN', name: 'opening against a draft tender', given: [bidSubmitted()], when: openBid({ tender: closedTender({ status: 'draft' }) }) },
  { code: 'BID_TENDER_MISMATCH', name: 'opening with another tender’s facts', given: [bidSubmitted()], when: openBid({ tender: closedTender({ tenderId: asTenderId('tender-other') }) }) },
  { code: 'BID_TIME_INVALID', name: 'opening with an unreadable clock', given: [bidSubmitted()], when: openBid({ now: '02/03/2026 13:00' }) },
];

// Codes thrown by the application helper rather than the decider; tested in bid-content.spec.ts.
const outsideDecider: BidErrorCode[] = ['BID_CONTENT_INVALID'];

describe('bid decider refusals', () => {
  const spec = deciderSpec(bidDecider);

  it.each(cases.map((c) => [c.code, c.name, c] as const))('%s: %s', (code, _name, c) => {
    const error = spec.given(c.given).when(c.when).thenRefuses(code, c.message);
    expect(error.kind).toBe(BID_ERROR_CODES[code]);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('has a case for every refusal code in errors.ts', () => {
    const covered = new Set<string>([...cases.map((c) => c.code), ...outsideDecider]);
    expect([...covered].sort()).toEqual(Object.keys(BID_ERROR_CODES).sort());
  });

  it('throws (not an empty decision) for a command it does not know', () => {
    expect(() => bidDecider.decide({ type: 'BurnBid', data: {} } as unknown as BidCommand, bidDecider.initialState())).toThrow(/Unknown bid command: BurnBid/);
  });

  it('a refusal is a DomainError and decides nothing (the handler appends nothing)', () => {
    const state = [bidSubmitted()].reduce(bidDecider.evolve, bidDecider.initialState());
    expect(() => bidDecider.decide(submitBid(), state)).toThrow(DomainError);
  });
});
