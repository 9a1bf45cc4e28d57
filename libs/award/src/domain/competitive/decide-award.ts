import { conflict, refuse } from '@tenderledger/domain-kit';
import { requireContractTerm } from '../contract-term';
import { completeDecisionMakers } from '../decision-makers';
import { requireStandstillRule, standstillFrom } from '../standstill';
import { requireText } from '../text';
import { requireInstant } from '../time';
import { assessmentSummaries, eligible, winnerOf } from './assessment';
import type { DecideAward, LotDecisionInput, RankedBid } from './commands';
import type { AwardEvent, LotAwardDecision } from './events';
import type { AwardState } from './state';

/** DecideAward → AwardDecided (+ StandstillStarted for every lot when the profile has a standstill). */
export function decideAward(command: DecideAward, state: AwardState): AwardEvent[] {
  const { tenderId, commissionerId, lots, decisionMakers, now } = command.data;
  if (state.status !== 'none') conflict('AWARD_ALREADY_DECIDED', 'The award for this tender has already been decided.', { tenderId });
  requireInstant(now);
  const rule = requireStandstillRule(command.data.standstill);
  const contractTerm = requireContractTerm(command.data.contractTerm);
  const reasons = requireText(command.data.reasons, 'AWARD_REASONS_REQUIRED', 'An award decision must give its reasons.');
  if (!completeDecisionMakers(decisionMakers))
    refuse('AWARD_DECISION_MAKERS_REQUIRED', 'An award decision must name at least one decision-maker, with a name and a role.');
  if (!Array.isArray(lots) || lots.length === 0) refuse('AWARD_NO_LOTS', 'An award decision covers at least one lot.');
  const lotIds = lots.map((lot) => lot.lotId);
  if (new Set(lotIds).size !== lotIds.length) refuse('AWARD_LOTS_INVALID', 'Each lot may appear only once in an award decision.');

  const decisions = lots.map(decideLot);
  const events: AwardEvent[] = [
    {
      type: 'AwardDecided',
      data: {
        tenderId,
        commissionerId,
        decidedAt: now,
        noticePublishedAt: now,
        standstillRule: rule,
        contractTerm,
        decisionMakers: decisionMakers.map(({ name, role }) => ({ name: name.trim(), role: role.trim() })),
        reasons,
        lots: decisions,
      },
    },
  ];
  if (rule) events.push({ type: 'StandstillStarted', data: { tenderId, lotIds, ...standstillFrom(rule, now) } });
  return events;
}

function decideLot(lot: LotDecisionInput): LotAwardDecision {
  requireRanking(lot);
  if (!lot.ranking.some(eligible))
    refuse('AWARD_NO_COMPLIANT_BID', `Lot ${lot.lotId} has no compliant bid that reached every pass mark, so it cannot be awarded.`, { lotId: lot.lotId });
  const winner = lot.ranking.find((bid) => bid.bidId === lot.winnerBidId);
  if (!winner)
    return refuse('AWARD_WINNER_NOT_IN_RANKING', `The winning bid for lot ${lot.lotId} is not in that lot's ranking.`, { lotId: lot.lotId, bidId: lot.winnerBidId });
  if (!eligible(winner))
    refuse('AWARD_WINNER_NOT_COMPLIANT', `The winning bid for lot ${lot.lotId} is not compliant or missed a pass mark, so it cannot be awarded.`, {
      lotId: lot.lotId,
      bidId: winner.bidId,
    });
  const explanation = typeof lot.explanation === 'string' ? lot.explanation.trim() : '';
  return {
    lotId: lot.lotId,
    winner: winnerOf(winner),
    explanation,
    replacesContractId: lot.replacesContractId ?? null,
    ranking: lot.ranking,
    assessmentSummaries: assessmentSummaries(lot.ranking, winner, explanation),
  };
}

const finite = (n: number): boolean => typeof n === 'number' && Number.isFinite(n);

function requireRanking(lot: LotDecisionInput): void {
  const ranking: readonly RankedBid[] = Array.isArray(lot.ranking) ? lot.ranking : [];
  const bidIds = ranking.map((bid) => bid.bidId);
  const wellFormed = ranking.every(
    (bid) =>
      typeof bid.bidderName === 'string' &&
      bid.bidderName.trim() !== '' &&
      finite(bid.totalScore) &&
      finite(bid.qualityPoints) &&
      finite(bid.pricePoints) &&
      Number.isSafeInteger(bid.annualValuePence) &&
      bid.annualValuePence >= 0 &&
      Array.isArray(bid.feedback),
  );
  if (ranking.length === 0 || new Set(bidIds).size !== bidIds.length || !wellFormed)
    refuse('AWARD_RANKING_INVALID', `The ranking for lot ${lot.lotId} must list each bid once, with its bidder's name, finite scores and a value in whole pence.`, {
      lotId: lot.lotId,
    });
}
