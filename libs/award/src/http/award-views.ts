import type { Identity } from '@tenderledger/auth';
import type { ChallengeRecord } from '../domain/challenges';
import { assessmentSummaries, type AssessmentSummary, type Winner } from '../domain/competitive/assessment';
import type { RankedBid } from '../domain/competitive/commands';
import type { ChallengedAward } from '../domain/competitive/events';
import type { LotAward, LotAwardStatus } from '../domain/competitive/state';
import type { ContractTerm } from '../domain/contract-term';
import type { DecisionMaker } from '../domain/decision-makers';
import type { StandstillPeriod, StandstillRule } from '../domain/standstill';
import type { AwardEntry } from '../application/award-book';
import { shows, visibilityOf } from './viewer';

export type LotAwardView = {
  readonly lotId: string;
  readonly status: LotAwardStatus;
  readonly winner: Winner | null;
  readonly explanation: string;
  readonly replacesContractId: string | null;
  readonly standstill: StandstillPeriod | null;
  readonly concludedAt: string | null;
  /** Everyone's for the commissioner and auditors; a bidder gets only its own. */
  readonly assessmentSummaries: readonly AssessmentSummary[];
  /** The full ranking: commissioner and auditors only. */
  readonly ranking?: readonly RankedBid[];
};

export type ChallengeView = ChallengeRecord<readonly ChallengedAward[]>;

export type AwardView = {
  readonly tenderId: string;
  readonly commissionerId: string;
  readonly decidedAt: string;
  readonly noticePublishedAt: string;
  readonly decisionMakers: readonly DecisionMaker[];
  readonly reasons: string;
  readonly standstillRule: StandstillRule | null;
  /** The latest end of any pending lot's standstill: conclusion is possible from here (null: none running). */
  readonly standstillEndsAt: string | null;
  readonly contractTerm: ContractTerm;
  readonly lots: readonly LotAwardView[];
  /** Every challenge for the commissioner and auditors; a bidder sees only its own. */
  readonly challenges: readonly ChallengeView[];
};

/** Summaries as they stand now: recomputed for the current winner, so a reassignment shows at once. */
function currentSummaries(lot: LotAward): AssessmentSummary[] {
  const winner = lot.winner ? lot.ranking.find((bid) => bid.bidId === lot.winner!.bidId) : undefined;
  return winner ? assessmentSummaries(lot.ranking, winner, lot.explanation, new Set(lot.cancelledBidIds)) : [];
}

export function awardView(actor: Identity, { award, decision }: AwardEntry): AwardView {
  const visibility = visibilityOf(actor, award.commissionerId);
  const lots = award.lotOrder.map((id) => award.lots[id]!);
  const ends = lots.filter((lot) => lot.status === 'pending' && lot.standstill).map((lot) => lot.standstill!.endsAt);
  return {
    tenderId: award.tenderId,
    commissionerId: award.commissionerId,
    ...decision,
    standstillRule: award.standstillRule,
    standstillEndsAt: ends.length > 0 ? ends.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null,
    contractTerm: award.contractTerm,
    lots: lots.map((lot) => ({
      lotId: lot.lotId,
      status: lot.status,
      winner: lot.winner,
      explanation: lot.explanation,
      replacesContractId: lot.replacesContractId,
      standstill: lot.standstill,
      concludedAt: lot.concludedAt,
      assessmentSummaries: currentSummaries(lot).filter((summary) => shows(visibility, actor, summary.bidderId)),
      ...(visibility === 'full' ? { ranking: lot.ranking } : {}),
    })),
    challenges: Object.values(award.challenges).filter((challenge) => shows(visibility, actor, challenge.by)),
  };
}
