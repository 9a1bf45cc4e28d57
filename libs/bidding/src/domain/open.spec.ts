import { fold } from '@tenderledger/domain-kit';
import { deciderSpec } from '@tenderledger/domain-kit/testing';
import type { BidContent } from './bid-content';
import { computeCommitment } from './commitment';
import { bidDecider } from './decider';
import type { BidOpeningFailed } from './events';
import {
  ACCESS,
  AFTER,
  AT_DEADLINE,
  BID,
  COMMITMENT,
  LOT_A,
  LOT_B,
  NONCE,
  NONCE_2,
  REVISED_COMMITMENT,
  TENDER,
  bidOpened,
  bidResubmitted,
  bidSubmitted,
  bidWithdrawn,
  content,
  openBid,
  revisedContent,
  tender,
} from './testing/fixtures';

const failed = (data: Partial<BidOpeningFailed['data']>): BidOpeningFailed => ({
  type: 'BidOpeningFailed',
  data: { bidId: BID, tenderId: TENDER, reason: 'COMMITMENT_MISMATCH', expectedCommitment: COMMITMENT, at: AFTER, ...data },
});

const tampered: BidContent = { ...content, lots: [{ lotId: LOT_A, price: 99_000_000 }, content.lots[1]!] };

describe('OpenBid', () => {
  const spec = deciderSpec(bidDecider);

  describe('when the content matches its commitment', () => {
    it('reveals it once the deadline has passed', () => {
      spec.given([bidSubmitted()]).when(openBid()).then([bidOpened()]);
    });

    it('opens exactly at the deadline (the seal lasts until then, not beyond)', () => {
      spec.given([bidSubmitted()]).when(openBid({ now: AT_DEADLINE })).then([bidOpened({ openedAt: AT_DEADLINE })]);
    });

    it('opens after the deadline even if the tender is not yet marked closed', () => {
      spec.given([bidSubmitted()]).when(openBid({ tender: tender() })).then([bidOpened()]);
    });

    it('checks against the latest commitment after a resubmission', () => {
      spec
        .given([bidSubmitted(), bidResubmitted()])
        .when(openBid({ opened: { content: revisedContent, nonce: NONCE_2 } }))
        .then([bidOpened({ content: revisedContent, nonce: NONCE_2, commitment: REVISED_COMMITMENT })]);
    });

    it('records an exclusion when the opened content does not answer the tender', () => {
      const incomplete: BidContent = { ...content, qualityResponses: content.qualityResponses.filter((r) => r.criterionId !== ACCESS) };
      const commitment = computeCommitment(incomplete, NONCE);
      spec
        .given([bidSubmitted({ commitment })])
        .when(openBid({ opened: { content: incomplete, nonce: NONCE } }))
        .thenMatches((events) => {
          expect(events.map((e) => e.type)).toEqual(['BidOpened', 'BidExcludedAtOpening']);
          expect(events[1]!.data).toMatchObject({ bidId: BID, tenderId: TENDER, at: AFTER, problems: [expect.objectContaining({ code: 'CRITERION_UNANSWERED' })] });
          expect(fold(bidDecider, [bidSubmitted({ commitment }), ...events])).toMatchObject({ status: 'opened', exclusion: { at: AFTER } });
        });
    });

    it('excludes content that prices lots other than those the bid declared publicly', () => {
      const otherLots: BidContent = { ...content, lots: [{ lotId: LOT_B, price: 1_000 }] };
      const commitment = computeCommitment(otherLots, NONCE);
      spec
        .given([bidSubmitted({ commitment, lotIds: [LOT_A] })])
        .when(openBid({ opened: { content: otherLots, nonce: NONCE } }))
        .thenMatches((events) => {
          expect(events[1]!.data).toMatchObject({
            problems: [expect.objectContaining({ code: 'LOT_NOT_IN_BID' }), expect.objectContaining({ code: 'LOT_NOT_PRICED' })],
          });
        });
    });

    it('folds into an opened state holding the revealed content', () => {
      expect(fold(bidDecider, [bidSubmitted(), bidOpened()])).toMatchObject({ status: 'opened', openedAt: AFTER, content, nonce: NONCE, exclusion: null });
    });
  });

  describe('when the content does not match (loud, recorded failure, not an exception)', () => {
    it('records COMMITMENT_MISMATCH for altered content, with both hashes', () => {
      spec
        .given([bidSubmitted()])
        .when(openBid({ opened: { content: tampered, nonce: NONCE } }))
        .then([failed({ computedCommitment: computeCommitment(tampered, NONCE) })]);
    });

    it('records COMMITMENT_MISMATCH for the right content with the wrong nonce', () => {
      spec
        .given([bidSubmitted()])
        .when(openBid({ opened: { content, nonce: NONCE_2 } }))
        .then([failed({ computedCommitment: computeCommitment(content, NONCE_2) })]);
    });

    it('records COMMITMENT_MISMATCH for the content replaced by a resubmission', () => {
      spec
        .given([bidSubmitted(), bidResubmitted()])
        .when(openBid())
        .then([failed({ expectedCommitment: REVISED_COMMITMENT, computedCommitment: COMMITMENT })]);
    });

    it('records UNDECRYPTABLE when the application could not decrypt', () => {
      spec.given([bidSubmitted()]).when(openBid({ opened: { failure: 'UNDECRYPTABLE' } })).then([failed({ reason: 'UNDECRYPTABLE' })]);
    });

    it('does not reveal the mismatched content in the failure event', () => {
      spec
        .given([bidSubmitted()])
        .when(openBid({ opened: { content: tampered, nonce: NONCE } }))
        .thenMatches(([event]) => expect(event!.data).not.toHaveProperty('content'));
    });

    it('folds into an openingFailed state', () => {
      const failure = failed({ computedCommitment: COMMITMENT.replace(/^./, '0') });
      expect(fold(bidDecider, [bidSubmitted(), failure])).toMatchObject({
        status: 'openingFailed',
        failure: { reason: 'COMMITMENT_MISMATCH', computedCommitment: failure.data.computedCommitment, at: AFTER },
      });
    });
  });

  describe('idempotent (the process manager re-runs on restart)', () => {
    it('gives no events for an already opened bid', () => {
      spec.given([bidSubmitted(), bidOpened()]).when(openBid()).then([]);
      spec.given([bidSubmitted(), bidOpened()]).when(openBid({ now: '2026-04-01T00:00:00.000Z' })).then([]);
    });

    it('gives no events for a withdrawn bid: it left the competition and stays sealed', () => {
      spec.given([bidSubmitted(), bidWithdrawn()]).when(openBid()).then([]);
    });

    it('does not record the same mismatch twice', () => {
      const first = failed({ computedCommitment: computeCommitment(tampered, NONCE) });
      spec.given([bidSubmitted(), first]).when(openBid({ opened: { content: tampered, nonce: NONCE } })).then([]);
    });

    it('does not record the same undecryptable failure twice', () => {
      spec.given([bidSubmitted(), failed({ reason: 'UNDECRYPTABLE' })]).when(openBid({ opened: { failure: 'UNDECRYPTABLE' } })).then([]);
    });

    it('records a different failure after an earlier one', () => {
      spec
        .given([bidSubmitted(), failed({ reason: 'UNDECRYPTABLE' })])
        .when(openBid({ opened: { content: tampered, nonce: NONCE } }))
        .then([failed({ computedCommitment: computeCommitment(tampered, NONCE) })]);
    });

    it('opens after an earlier failure once the true content is recovered (e.g. a sealing key restored); the failure stays recorded', () => {
      spec.given([bidSubmitted(), failed({ reason: 'UNDECRYPTABLE' })]).when(openBid()).then([bidOpened()]);
    });
  });
});
