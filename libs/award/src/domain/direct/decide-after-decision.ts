import { conflict } from '@tenderledger/domain-kit';
import { openChallenges, requireNewChallenge, requireOpenChallenge } from '../challenges';
import { furtherStandstillFrom, laterOf, standstillOver } from '../standstill';
import { requireInstant } from '../time';
import type { ConcludeDirectAward, RecordDirectAwardChallenge, RecordDirectAwardChallengeOutcome } from './commands';
import type { DirectAwardEvent } from './events';
import { requireDirectAward, requireNotCancelled, requireOwner } from './guards';
import type { DirectAward, DirectAwardState } from './state';

/** Only while the decision stands still; a route without a standstill can only be challenged in court, outside here. */
export function decideRecordDirectAwardChallenge(command: RecordDirectAwardChallenge, state: DirectAwardState): DirectAwardEvent[] {
  const award = requireDirectAward(state);
  const { decisionId, challengeId, kind, by, now } = command.data;
  requireNotCancelled(award);
  requireInstant(now);
  const grounds = requireNewChallenge(award.challenges, challengeId, command.data.grounds);
  if (award.status === 'concluded' || !award.standstill || standstillOver(award.standstill.endsAt, now))
    conflict('STANDSTILL_OVER', 'This direct award is not in its standstill period, so it can no longer be challenged here.');
  return [{ type: 'DirectAwardChallengeLodged', data: { decisionId, challengeId, kind, by, grounds, lodgedAt: now } }];
}

export function decideRecordDirectAwardChallengeOutcome(command: RecordDirectAwardChallengeOutcome, state: DirectAwardState): DirectAwardEvent[] {
  const award = requireDirectAward(state);
  const { decisionId, challengeId, commissionerId, outcome, now } = command.data;
  requireOwner(award, commissionerId);
  requireInstant(now);
  const { reasons } = requireOpenChallenge(award.challenges, challengeId, command.data.reasons);
  const data = { decisionId, challengeId, decidedBy: commissionerId, reasons, decidedAt: now };
  if (outcome === 'upheld') {
    // A second upheld challenge on an already cancelled decision records its outcome and nothing more.
    const cancel: DirectAwardEvent[] =
      award.status === 'cancelled' ? [] : [{ type: 'DirectAwardCancelled', data: { decisionId, challengeId, reason: reasons, cancelledAt: now } }];
    return [{ type: 'DirectAwardChallengeUpheld', data }, ...cancel];
  }
  return [{ type: 'DirectAwardChallengeDismissed', data }, ...furtherStandstill(award, challengeId, now)];
}

function furtherStandstill(award: DirectAward, challengeId: RecordDirectAwardChallengeOutcome['data']['challengeId'], now: string): DirectAwardEvent[] {
  const furtherDays = award.standstillRule?.furtherDaysAfterRepresentations;
  if (!furtherDays || !award.standstill || award.status !== 'decided') return [];
  const further = furtherStandstillFrom(furtherDays, now);
  const previousEndsAt = award.standstill.endsAt;
  return [
    {
      type: 'DirectAwardStandstillExtended',
      data: { decisionId: award.decisionId, challengeId, previousEndsAt, further, endsAt: laterOf(previousEndsAt, further.endsAt) },
    },
  ];
}

/** Why the decision cannot be concluded at `now`, or null when it can (or already was). */
function blockOf(award: DirectAward, now: string): 'suspended-by-challenge' | 'standstill-not-over' | null {
  if (openChallenges(award.challenges).length > 0) return 'suspended-by-challenge';
  if (award.standstill && !standstillOver(award.standstill.endsAt, now)) return 'standstill-not-over';
  return null;
}

/** For the conclusion process manager. */
export const directAwardDueForConclusion = (state: DirectAwardState, now: string): boolean =>
  state.status === 'decided' && blockOf(state, now) === null;

/** Idempotent: a concluded decision concludes again with no events. */
export function decideConcludeDirectAward(command: ConcludeDirectAward, state: DirectAwardState): DirectAwardEvent[] {
  const award = requireDirectAward(state);
  const { now } = command.data;
  if (award.status === 'concluded') return [];
  requireNotCancelled(award);
  requireInstant(now);
  const block = blockOf(award, now);
  if (block === 'suspended-by-challenge')
    conflict('AWARD_SUSPENDED_BY_CHALLENGE', 'This direct award is suspended until every open challenge on it has an outcome.');
  if (block === 'standstill-not-over')
    conflict('STANDSTILL_NOT_OVER', `The standstill ends at ${award.standstill?.endsAt}; the contract cannot be concluded before then.`, {
      endsAt: award.standstill?.endsAt,
    });
  const { decision } = award;
  return [
    {
      type: 'DirectAwardConcluded',
      data: {
        decisionId: award.decisionId,
        commissionerId: award.commissionerId,
        route: decision.route,
        awardProcess: decision.awardProcess,
        providerId: decision.provider.organisationId,
        incumbent: decision.incumbent,
        incumbentRetained: decision.incumbentRetained,
        contract: decision.contract,
        concludedAt: now,
      },
    },
  ];
}
