import { conflict, notFound } from '@tenderledger/domain-kit';
import { requireNewChallenge, requireOpenChallenge } from '../challenges';
import type { ChallengeId, LotId } from '../ids';
import { furtherStandstillFrom, laterOf, standstillFrom, standstillOver } from '../standstill';
import { requireInstant } from '../time';
import { assessmentSummaries, eligible, winnerOf } from './assessment';
import type { RecordChallenge, RecordChallengeOutcome } from './commands';
import type { AwardEvent, ChallengedAward } from './events';
import { requireAward, requireOwner } from './guards';
import type { Award, AwardState, LotAward } from './state';

const inStandstill = (lot: LotAward, now: string): boolean =>
  lot.status === 'pending' && lot.winner !== null && lot.standstill !== null && !standstillOver(lot.standstill.endsAt, now);

/** Only during standstill: on one lot, or on every lot still standing still when no lot is named. */
export function decideRecordChallenge(command: RecordChallenge, state: AwardState): AwardEvent[] {
  const award = requireAward(state);
  const { tenderId, challengeId, kind, lotId, by, now } = command.data;
  requireInstant(now);
  const grounds = requireNewChallenge(award.challenges, challengeId, command.data.grounds);
  const lots = lotId === undefined ? award.lotOrder.map((id) => award.lots[id]!) : [requireLot(award, lotId)];
  const against: ChallengedAward[] = lots.filter((lot) => inStandstill(lot, now)).map((lot) => ({ lotId: lot.lotId, bidId: lot.winner!.bidId }));
  if (against.length === 0)
    conflict(
      'STANDSTILL_OVER',
      lotId === undefined ? 'No award of this tender is in its standstill period any more, so it can no longer be challenged here.' : `The award of lot ${lotId} is not in its standstill period, so it can no longer be challenged here.`,
      { lotId },
    );
  return [{ type: 'ChallengeLodged', data: { tenderId, challengeId, kind, by, grounds, against, lodgedAt: now } }];
}

function requireLot(award: Award, lotId: LotId): LotAward {
  const lot = award.lots[lotId];
  if (!lot) return notFound('AWARD_LOT_NOT_FOUND', `Lot ${lotId} is not part of this award.`, { lotId });
  return lot;
}

/**
 * Upheld: each challenged award that still stands is cancelled and, ProZorro-style, passes to the
 * next-ranked compliant bid with a fresh standstill (or the lot is left unawarded). Dismissed: where
 * the profile asks for it (PSR), a further standstill from the day after the outcome.
 */
export function decideRecordChallengeOutcome(command: RecordChallengeOutcome, state: AwardState): AwardEvent[] {
  const award = requireAward(state);
  const { tenderId, challengeId, commissionerId, outcome, now } = command.data;
  requireOwner(award, commissionerId);
  requireInstant(now);
  const { challenge, reasons } = requireOpenChallenge(award.challenges, challengeId, command.data.reasons);
  const outcomeData = { tenderId, challengeId, decidedBy: commissionerId, reasons, decidedAt: now };
  // A challenged award that has since been replaced is not the award this challenge was about.
  const standing = challenge.against.filter(({ lotId, bidId }) => award.lots[lotId]?.winner?.bidId === bidId).map(({ lotId }) => award.lots[lotId]!);
  if (outcome === 'upheld')
    return [{ type: 'ChallengeUpheld', data: outcomeData }, ...standing.flatMap((lot) => cancelAndReassign(award, lot, challengeId, reasons, now))];
  return [{ type: 'ChallengeDismissed', data: outcomeData }, ...standing.flatMap((lot) => furtherStandstill(award, lot, challengeId, now))];
}

function cancelAndReassign(award: Award, lot: LotAward, challengeId: ChallengeId, reason: string, now: string): AwardEvent[] {
  const { tenderId } = award;
  const cancelledBid = lot.winner!;
  const cancelled = new Set([...lot.cancelledBidIds, cancelledBid.bidId]);
  const events: AwardEvent[] = [
    {
      type: 'AwardCancelled',
      data: { tenderId, lotId: lot.lotId, bidId: cancelledBid.bidId, bidderId: cancelledBid.bidderId, challengeId, reason, cancelledAt: now },
    },
  ];
  // Failed (non-compliant or below a pass mark) bids are skipped, as are awards cancelled before.
  const next = lot.ranking.find((bid) => eligible(bid) && !cancelled.has(bid.bidId));
  if (!next) {
    events.push({ type: 'LotLeftUnawarded', data: { tenderId, lotId: lot.lotId, reason: 'No compliant bid is left once the cancelled awards are set aside.', at: now } });
    return events;
  }
  events.push({
    type: 'AwardReassigned',
    data: {
      tenderId,
      lotId: lot.lotId,
      previousBidId: cancelledBid.bidId,
      winner: winnerOf(next),
      assessmentSummaries: assessmentSummaries(lot.ranking, next, lot.explanation, cancelled),
      decidedAt: now,
      noticePublishedAt: now,
    },
  });
  if (award.standstillRule) events.push({ type: 'StandstillStarted', data: { tenderId, lotIds: [lot.lotId], ...standstillFrom(award.standstillRule, now) } });
  return events;
}

function furtherStandstill(award: Award, lot: LotAward, challengeId: ChallengeId, now: string): AwardEvent[] {
  const furtherDays = award.standstillRule?.furtherDaysAfterRepresentations;
  // Without a further period in the profile, conclusion may follow the original standstill end.
  if (!furtherDays || !lot.standstill) return [];
  const further = furtherStandstillFrom(furtherDays, now);
  const previousEndsAt = lot.standstill.endsAt;
  return [
    {
      type: 'StandstillExtended',
      data: { tenderId: award.tenderId, lotId: lot.lotId, challengeId, previousEndsAt, further, endsAt: laterOf(previousEndsAt, further.endsAt) },
    },
  ];
}
