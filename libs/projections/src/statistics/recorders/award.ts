import type { AwardEvent, DirectAwardEvent } from '@tenderledger/award';
import type { StoredEvent } from '@tenderledger/event-store';
import type { EvaluationCompleted } from '@tenderledger/evaluation';
import { update, type FactBook } from '../fact-book';
import { directAwardKey, outcomeKey, tenderAwardKey, type TenderFact } from '../facts';
import { addNewHolder } from './registry';

export const AWARD_EVENT_TYPES = [
  'EvaluationCompleted',
  'AwardDecided',
  'AwardReassigned',
  'LotLeftUnawarded',
  'ChallengeLodged',
  'ChallengeUpheld',
  'ChallengeDismissed',
  'ContractConcluded',
  'DirectAwardDecided',
  'DirectAwardChallengeLodged',
  'DirectAwardChallengeUpheld',
  'DirectAwardChallengeDismissed',
  'DirectAwardConcluded',
] as const;

const challengeKey = (awardKey: string, challengeId: string): string => `${awardKey}#${challengeId}`;

export function recordAward(book: FactBook, stored: StoredEvent): void {
  if (stored.type === 'EvaluationCompleted') return recordEvaluation(book, stored.data as EvaluationCompleted['data']);
  const event = { type: stored.type, data: stored.data } as AwardEvent | DirectAwardEvent;
  const tender = (tenderId: string, fn: (t: TenderFact) => TenderFact): void => update(book.tenders, tenderId, fn);
  const outcome = (awardKey: string, challengeId: string, value: 'upheld' | 'dismissed'): void =>
    update(book.challenges, challengeKey(awardKey, challengeId), (c) => ({ ...c, outcome: value }));
  switch (event.type) {
    case 'AwardDecided': {
      const d = event.data;
      const winners = Object.fromEntries(d.lots.map((lot) => [lot.lotId, lot.winner.bidId]));
      return tender(d.tenderId, (t) => ({ ...t, awardDecidedAt: t.awardDecidedAt ?? d.decidedAt, winnerBidByLot: { ...t.winnerBidByLot, ...winners } }));
    }
    case 'AwardReassigned':
      return tender(event.data.tenderId, (t) => ({ ...t, winnerBidByLot: { ...t.winnerBidByLot, [event.data.lotId]: event.data.winner.bidId } }));
    case 'LotLeftUnawarded':
      return tender(event.data.tenderId, (t) => ({ ...t, winnerBidByLot: Object.fromEntries(Object.entries(t.winnerBidByLot).filter(([lotId]) => lotId !== event.data.lotId)) }));
    case 'ContractConcluded': {
      const d = event.data;
      const lot = { lotId: d.lotId, winnerBidId: d.winnerBidId, winnerId: d.winnerBidderId, annualValuePence: d.annualValuePence, concludedAt: d.concludedAt };
      return tender(d.tenderId, (t) => ({ ...t, concluded: [...t.concluded.filter((c) => c.lotId !== d.lotId), lot] }));
    }
    case 'ChallengeLodged': {
      const key = tenderAwardKey(event.data.tenderId);
      book.challenges.set(challengeKey(key, event.data.challengeId), { awardKey: key, challengeId: event.data.challengeId, lodgedAt: event.data.lodgedAt, outcome: null });
      return;
    }
    case 'ChallengeUpheld':
    case 'ChallengeDismissed':
      return outcome(tenderAwardKey(event.data.tenderId), event.data.challengeId, event.type === 'ChallengeUpheld' ? 'upheld' : 'dismissed');
    case 'DirectAwardDecided': {
      const d = event.data;
      book.directAwards.set(d.decisionId, {
        decisionId: d.decisionId, commissionerId: d.commissionerId, awardProcess: d.awardProcess, providerId: d.provider.organisationId,
        incumbent: d.incumbent ? { organisationId: d.incumbent.organisationId, contractId: d.incumbent.contractId } : null,
        annualValuePence: d.contract.annualValuePence, decidedAt: d.decidedAt, concludedAt: null,
      });
      return;
    }
    case 'DirectAwardChallengeLodged': {
      const key = directAwardKey(event.data.decisionId);
      book.challenges.set(challengeKey(key, event.data.challengeId), { awardKey: key, challengeId: event.data.challengeId, lodgedAt: event.data.lodgedAt, outcome: null });
      return;
    }
    case 'DirectAwardChallengeUpheld':
    case 'DirectAwardChallengeDismissed':
      return outcome(directAwardKey(event.data.decisionId), event.data.challengeId, event.type === 'DirectAwardChallengeUpheld' ? 'upheld' : 'dismissed');
    case 'DirectAwardConcluded': {
      const d = event.data;
      update(book.directAwards, d.decisionId, (a) => ({ ...a, concludedAt: d.concludedAt, annualValuePence: d.contract.annualValuePence }));
      // Keeping the incumbent renews its contract (no ContractAwarded follows): record that outcome here.
      // A change of provider is recorded by the register's ContractAwarded instead, so it is not counted twice.
      if (d.incumbent && d.incumbentRetained === true) {
        addNewHolder(book, d.incumbent.contractId, d.decisionId, d.providerId, d.concludedAt.slice(0, 10));
        update(book.outcomes, outcomeKey(d.incumbent.contractId, d.decisionId), (o) => ({ ...o, incumbentId: d.incumbent!.organisationId }));
      }
      return;
    }
  }
}

/** Per lot, the bids that qualified: what "all but the winner disqualified" is judged on. */
function recordEvaluation(book: FactBook, data: EvaluationCompleted['data']): void {
  const qualifying = Object.fromEntries(data.result.lots.map((lot) => [lot.lotId, lot.results.filter((r) => r.qualifies).map((r) => r.bidId)]));
  update(book.tenders, data.tenderId, (t) => ({ ...t, qualifyingBidsByLot: qualifying }));
}
