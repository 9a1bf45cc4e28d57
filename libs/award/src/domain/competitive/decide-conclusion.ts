import { conflict } from '@tenderledger/domain-kit';
import { requireContractTerm } from '../contract-term';
import { requireInstant } from '../time';
import type { ConcludeContract } from './commands';
import { conclusionBlock, lotsDueForConclusion, pendingLots } from './conclusion';
import type { AwardEvent } from './events';
import { requireAward } from './guards';
import type { AwardState } from './state';

/**
 * Concludes every lot that is due; lots are separate contracts, so a challenge on one lot does not hold
 * up another. Idempotent: nothing left pending → no events (the process manager may retry freely).
 */
export function decideConcludeContract(command: ConcludeContract, state: AwardState): AwardEvent[] {
  const award = requireAward(state);
  const { tenderId, now } = command.data;
  const pending = pendingLots(award);
  if (pending.length === 0) return [];
  requireInstant(now);
  const term = requireContractTerm(command.data.contractTerm ?? award.contractTerm);
  const due = lotsDueForConclusion(award, now);
  if (due.length === 0) {
    const blocked = pending.find((lot) => conclusionBlock(award, lot, now) === 'suspended-by-challenge');
    if (blocked)
      conflict('AWARD_SUSPENDED_BY_CHALLENGE', `The award of lot ${blocked.lotId} is suspended until the open challenge on it has an outcome.`, {
        lotId: blocked.lotId,
      });
    const waiting = pending[0]!;
    conflict('STANDSTILL_NOT_OVER', `The standstill for lot ${waiting.lotId} ends at ${waiting.standstill?.endsAt}; the contract cannot be concluded before then.`, {
      lotId: waiting.lotId,
      endsAt: waiting.standstill?.endsAt,
    });
  }
  return due.map((lotId): AwardEvent => {
    const lot = award.lots[lotId]!;
    const winner = lot.winner!;
    return {
      type: 'ContractConcluded',
      data: {
        tenderId,
        lotId,
        commissionerId: award.commissionerId,
        winnerBidId: winner.bidId,
        winnerBidderId: winner.bidderId,
        annualValuePence: winner.annualValuePence,
        startDate: term.startDate,
        endDate: term.endDate,
        replacesContractId: lot.replacesContractId,
        concludedAt: now,
      },
    };
  });
}
