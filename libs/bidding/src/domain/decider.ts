import { conflict, refuse, type Decider } from '@tenderledger/domain-kit';
import { validateBidContent } from './bid-content';
import { consortiumProblems } from './bidder';
import type { BidCommand, OpenBid, ResubmitBid, SubmitBid, WithdrawBid } from './commands';
import { computeCommitment } from './commitment';
import type { BidEvent } from './events';
import type { BidId } from './ids';
import {
  instant,
  requireActingFor,
  requireCommitment,
  requireLots,
  requireOpenForBids,
  requireSameTender,
  requireSealed,
} from './rules';
import { initialBidState, type BidState, type ExistingBid } from './state';

/** The `bid-{id}` stream's decider: sealed submission, withdrawal, resubmission, opening. */
export const bidDecider: Decider<BidState, BidCommand, BidEvent> = {
  decide(command, state) {
    switch (command.type) {
      case 'SubmitBid':
        return submit(command, state);
      case 'ResubmitBid':
        return resubmit(command, state);
      case 'WithdrawBid':
        return withdraw(command, state);
      case 'OpenBid':
        return open(command, state);
      default: {
        // Unreachable for typed callers; a malformed command from outside must not decide "nothing".
        const unknown: never = command;
        throw new TypeError(`Unknown bid command: ${(unknown as { type?: unknown }).type}`);
      }
    }
  },
  evolve,
  initialState: initialBidState,
};

function submit({ data }: SubmitBid, state: BidState): BidEvent[] {
  if (state.status !== 'none') {
    conflict('BID_ALREADY_SUBMITTED', `Bid ${data.bidId} has already been submitted; use resubmit to replace its content.`);
  }
  requireSameTender(data.tender, data.tenderId);
  requireOpenForBids(data.tender, data.now, 'submitted');
  const problems = consortiumProblems(data.bidder);
  if (problems.length > 0) refuse('BID_CONSORTIUM_INVALID', problems.join(' '), { problems });
  requireActingFor(data.bidder, data.submittedBy);
  requireLots(data.lotIds, data.tender);
  const commitment = requireCommitment(data.commitment);
  const sealed = requireSealed(data.sealed);
  return [
    {
      type: 'BidSubmitted',
      data: {
        bidId: data.bidId,
        tenderId: data.tenderId,
        bidder: data.bidder,
        lotIds: [...data.lotIds],
        sealed,
        commitment,
        submittedAt: data.now,
        submittedBy: data.submittedBy,
      },
    },
  ];
}

function resubmit({ data }: ResubmitBid, state: BidState): BidEvent[] {
  const bid = existing(state, data.bidId, 'resubmitted');
  requireSameTender(data.tender, bid.tenderId);
  requireActingFor(bid.bidder, data.resubmittedBy);
  notOpened(bid, 'resubmitted');
  requireOpenForBids(data.tender, data.now, 'resubmitted');
  requireLots(data.lotIds, data.tender);
  const commitment = requireCommitment(data.commitment);
  const sealed = requireSealed(data.sealed);
  return [
    {
      type: 'BidResubmitted',
      data: {
        bidId: bid.bidId,
        tenderId: bid.tenderId,
        lotIds: [...data.lotIds],
        sealed,
        commitment,
        previousCommitment: bid.commitment,
        resubmittedAt: data.now,
        resubmittedBy: data.resubmittedBy,
      },
    },
  ];
}

function withdraw({ data }: WithdrawBid, state: BidState): BidEvent[] {
  const bid = existing(state, data.bidId, 'withdrawn');
  requireSameTender(data.tender, bid.tenderId);
  requireActingFor(bid.bidder, data.by);
  notOpened(bid, 'withdrawn');
  if (bid.status === 'withdrawn') conflict('BID_ALREADY_WITHDRAWN', `Bid ${bid.bidId} was already withdrawn at ${bid.withdrawnAt}.`);
  requireOpenForBids(data.tender, data.now, 'withdrawn');
  const reason = data.reason?.trim();
  return [
    {
      type: 'BidWithdrawn',
      data: { bidId: bid.bidId, tenderId: bid.tenderId, ...(reason ? { reason } : {}), withdrawnAt: data.now, by: data.by },
    },
  ];
}

/**
 * Opening, run by the process manager after the deadline (also on restart, so it must be idempotent):
 * - an opened bid gives no events; a withdrawn bid gives no events (it left the competition and stays
 *   sealed for good); an attempt that fails exactly as the last recorded failure gives no events;
 * - otherwise the content is checked against the latest commitment: a match reveals it (and records
 *   an exclusion if it does not answer the tender), a mismatch is recorded as BidOpeningFailed,
 *   not thrown, because the failure itself must be in the record.
 */
function open({ data }: OpenBid, state: BidState): BidEvent[] {
  const bid = existing(state, data.bidId, 'opened');
  const { tender, now } = data;
  requireSameTender(tender, bid.tenderId);
  if (tender.status === 'cancelled') {
    conflict('BID_TENDER_CANCELLED', `Tender ${tender.tenderId} was cancelled; its bids stay sealed and are never opened.`);
  }
  if (tender.status === 'draft') conflict('BID_TENDER_NOT_OPEN', `Tender ${tender.tenderId} is a draft and has no bids to open.`);
  // Even a closed tender cannot open early: the deadline is the seal.
  if (instant(now, 'now') < instant(tender.submissionDeadline, 'submissionDeadline')) {
    conflict('BID_SEALED_UNTIL_DEADLINE', `Bid ${bid.bidId} is sealed until the submission deadline (${tender.submissionDeadline}) has passed.`, {
      submissionDeadline: tender.submissionDeadline,
      now,
    });
  }
  if (bid.status === 'opened' || bid.status === 'withdrawn') return [];

  const ids = { bidId: bid.bidId, tenderId: bid.tenderId };
  const { opened } = data;
  if ('failure' in opened) {
    if (bid.status === 'openingFailed' && bid.failure.reason === 'UNDECRYPTABLE') return [];
    return [{ type: 'BidOpeningFailed', data: { ...ids, reason: 'UNDECRYPTABLE', expectedCommitment: bid.commitment, at: now } }];
  }
  const computed = computeCommitment(opened.content, opened.nonce);
  if (computed !== bid.commitment) {
    const sameAsLast = bid.status === 'openingFailed' && bid.failure.reason === 'COMMITMENT_MISMATCH' && bid.failure.computedCommitment === computed;
    if (sameAsLast) return [];
    return [
      {
        type: 'BidOpeningFailed',
        data: { ...ids, reason: 'COMMITMENT_MISMATCH', expectedCommitment: bid.commitment, computedCommitment: computed, at: now },
      },
    ];
  }
  const events: BidEvent[] = [
    { type: 'BidOpened', data: { ...ids, openedAt: now, content: opened.content, nonce: opened.nonce, commitment: bid.commitment } },
  ];
  const problems = validateBidContent(opened.content, tender, bid.lotIds);
  if (problems.length > 0) events.push({ type: 'BidExcludedAtOpening', data: { ...ids, problems, at: now } });
  return events;
}

function existing(state: BidState, bidId: BidId, action: string): ExistingBid {
  if (state.status === 'none') {
    return conflict('BID_NOT_SUBMITTED', `Bid ${bidId} has not been submitted, so it cannot be ${action}.`);
  }
  if (state.bidId !== bidId) {
    return refuse('BID_STREAM_MISMATCH', `The command is for bid ${bidId} but the stream holds bid ${state.bidId}.`);
  }
  return state;
}

function notOpened(bid: ExistingBid, action: string): void {
  if (bid.status === 'opened' || bid.status === 'openingFailed') {
    conflict('BID_ALREADY_OPENED', `Bid ${bid.bidId} has been opened, so it can no longer be ${action}.`);
  }
}

function evolve(state: BidState, event: BidEvent): BidState {
  switch (event.type) {
    case 'BidSubmitted': {
      const { bidId, tenderId, bidder, lotIds, sealed, commitment, submittedAt, submittedBy } = event.data;
      return { status: 'submitted', bidId, tenderId, bidder, lotIds, sealed, commitment, submittedAt, submittedBy, lastSubmittedAt: submittedAt };
    }
    case 'BidResubmitted': {
      if (state.status === 'none') return state;
      const { lotIds, sealed, commitment, resubmittedAt } = event.data;
      return { ...record(state), status: 'submitted', lotIds, sealed, commitment, lastSubmittedAt: resubmittedAt };
    }
    case 'BidWithdrawn':
      return state.status === 'none' ? state : { ...record(state), status: 'withdrawn', withdrawnAt: event.data.withdrawnAt };
    case 'BidOpened': {
      if (state.status === 'none') return state;
      const { openedAt, content, nonce } = event.data;
      return { ...record(state), status: 'opened', openedAt, content, nonce, exclusion: null };
    }
    case 'BidOpeningFailed': {
      if (state.status === 'none') return state;
      const { reason, computedCommitment, at } = event.data;
      return { ...record(state), status: 'openingFailed', failure: { reason, ...(computedCommitment ? { computedCommitment } : {}), at } };
    }
    case 'BidExcludedAtOpening':
      return state.status === 'opened' ? { ...state, exclusion: { problems: event.data.problems, at: event.data.at } } : state;
  }
}

/** The common part of an existing bid, without its status-specific fields. */
function record(bid: ExistingBid) {
  const { bidId, tenderId, bidder, lotIds, sealed, commitment, submittedAt, submittedBy, lastSubmittedAt } = bid;
  return { bidId, tenderId, bidder, lotIds, sealed, commitment, submittedAt, submittedBy, lastSubmittedAt };
}
