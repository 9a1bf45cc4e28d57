import { fold } from '@tenderledger/domain-kit';
import { bidEnvelope, canRead, type BidPart, type Reader, type TenderAccessFacts } from './access';
import { bidDecider } from './decider';
import type { BidEvent } from './events';
import { asOrganisationId } from './ids';
import type { BidState } from './state';
import {
  AFTER,
  BID,
  COMMISSIONER,
  COMMITMENT,
  LEAD,
  MEMBER_1,
  MEMBER_2,
  PRACTICE,
  STRANGER,
  TENDER,
  bidOpened,
  bidSubmitted,
  bidWithdrawn,
  federationSubmitted,
} from './testing/fixtures';

const state = (...events: BidEvent[]): BidState => fold(bidDecider, events);
const failed: BidEvent = {
  type: 'BidOpeningFailed',
  data: { bidId: BID, tenderId: TENDER, reason: 'UNDECRYPTABLE', expectedCommitment: COMMITMENT, at: AFTER },
};

const sealedBid = state(bidSubmitted());
const openedBid = state(bidSubmitted(), bidOpened());
const withdrawnBid = state(bidSubmitted(), bidWithdrawn());
const failedBid = state(bidSubmitted(), failed);
const sealedFederationBid = state(federationSubmitted());
const openedFederationBid = state(federationSubmitted(), bidOpened());

const tenderFacts: TenderAccessFacts = { commissionerOrganisationId: COMMISSIONER, panelEvaluatorIds: ['user-eval-1'] };
const bidder = (organisationId = PRACTICE): Reader => ({ organisationId, role: 'bidder' });
const commissioner: Reader = { organisationId: COMMISSIONER, role: 'commissioner' };
const otherCommissioner: Reader = { organisationId: asOrganisationId('org-other-icb'), role: 'commissioner' };
const panelEvaluator: Reader = { organisationId: COMMISSIONER, role: 'evaluator', userId: 'user-eval-1' };
const otherEvaluator: Reader = { organisationId: COMMISSIONER, role: 'evaluator', userId: 'user-eval-9' };
const auditor: Reader = { organisationId: asOrganisationId('org-nhse-audit'), role: 'auditor' };
const admin: Reader = { organisationId: COMMISSIONER, role: 'admin' };

const read = (bid: BidState, reader: Reader, part: BidPart) => canRead(bid, reader, { part, tender: tenderFacts });

describe('canRead: sealed content', () => {
  it.each([
    ['the bidder itself', bidder()],
    ['the tender’s commissioner', commissioner],
    ['a panel evaluator', panelEvaluator],
    ['an auditor', auditor],
    ['an admin', admin],
  ])('is unreadable before opening, even by %s', (_who, reader) => {
    for (const bid of [sealedBid, withdrawnBid, failedBid]) expect(read(bid, reader, 'content')).toBe(false);
  });

  it('defaults to asking about content', () => {
    expect(canRead(sealedBid, bidder())).toBe(false);
    expect(canRead(openedBid, bidder())).toBe(true);
  });
});

describe('canRead: after opening', () => {
  it.each([
    ['the bidder itself', bidder(), true],
    ['the tender’s commissioner', commissioner, true],
    ['a panel evaluator', panelEvaluator, true],
    ['an auditor', auditor, true],
    ['another bidder', bidder(STRANGER), false],
    ['another commissioner', otherCommissioner, false],
    ['an evaluator not on the panel', otherEvaluator, false],
    ['an evaluator without a user id', { organisationId: COMMISSIONER, role: 'evaluator' } as Reader, false],
    ['an admin', admin, false],
  ])('content is readable by %s: %p', (_who, reader, allowed) => {
    expect(read(openedBid, reader, 'content')).toBe(allowed);
  });

  it('fails closed for buyer-side readers when the tender facts are not supplied', () => {
    expect(canRead(openedBid, commissioner)).toBe(false);
    expect(canRead(openedBid, panelEvaluator)).toBe(false);
    expect(canRead(openedBid, auditor)).toBe(true);
  });
});

describe('canRead: a bidder reads only its own bids', () => {
  it.each([
    ['the consortium lead', LEAD, true],
    ['a consortium member', MEMBER_1, true],
    ['another consortium member', MEMBER_2, true],
    ['an organisation outside the consortium', STRANGER, false],
    ['a practice with a different bid', PRACTICE, false],
  ])('%s: %p', (_who, organisationId, allowed) => {
    expect(read(sealedFederationBid, bidder(organisationId), 'envelope')).toBe(allowed);
    expect(read(openedFederationBid, bidder(organisationId), 'content')).toBe(allowed);
  });

  it('a commissioner-role user of a bidding organisation does not read through the bidder rule', () => {
    expect(read(sealedBid, { organisationId: PRACTICE, role: 'commissioner' }, 'envelope')).toBe(false);
  });
});

describe('canRead: the envelope (who bid, lots, status; never the sealed ciphertext)', () => {
  it('is the bidder’s at any time, including once withdrawn', () => {
    for (const bid of [sealedBid, withdrawnBid, openedBid, failedBid]) expect(read(bid, bidder(), 'envelope')).toBe(true);
  });

  it('is an auditor’s at any time', () => {
    for (const bid of [sealedBid, withdrawnBid, openedBid, failedBid]) expect(read(bid, auditor, 'envelope')).toBe(true);
  });

  it('is hidden from the buyer side while bids can still change, shown once opening ran', () => {
    for (const reader of [commissioner, panelEvaluator]) {
      expect(read(sealedBid, reader, 'envelope')).toBe(false);
      expect(read(withdrawnBid, reader, 'envelope')).toBe(false);
      expect(read(openedBid, reader, 'envelope')).toBe(true);
      expect(read(failedBid, reader, 'envelope')).toBe(true);
    }
    expect(read(openedBid, otherCommissioner, 'envelope')).toBe(false);
  });

  it('is nobody’s for a bid that does not exist', () => {
    expect(read(bidDecider.initialState(), auditor, 'envelope')).toBe(false);
  });
});

describe('bidEnvelope', () => {
  it('never carries the sealed ciphertext or the content', () => {
    for (const bid of [sealedBid, withdrawnBid, openedBid, failedBid]) {
      if (bid.status === 'none') throw new Error('expected a bid');
      const envelope = bidEnvelope(bid);
      expect(envelope).not.toHaveProperty('sealed');
      expect(envelope).not.toHaveProperty('content');
      expect(envelope).not.toHaveProperty('nonce');
      expect(envelope).toMatchObject({ bidId: BID, tenderId: TENDER, commitment: COMMITMENT, status: bid.status });
    }
  });

  it('adds when the bid was withdrawn or opened', () => {
    if (withdrawnBid.status !== 'withdrawn' || openedBid.status !== 'opened') throw new Error('fixture');
    expect(bidEnvelope(withdrawnBid)).toMatchObject({ withdrawnAt: withdrawnBid.withdrawnAt });
    expect(bidEnvelope(openedBid)).toMatchObject({ openedAt: AFTER, excludedAtOpening: false });
  });
});
