import type { DomainEvent } from '@tenderledger/domain-kit';
import type { ChallengeKind } from '../challenges';
import type { ContractTerm } from '../contract-term';
import type { DecisionMaker } from '../decision-makers';
import type { BidId, ChallengeId, ContractId, LotId, OrganisationId, TenderId } from '../ids';
import type { FurtherStandstill, StandstillPeriod, StandstillRule } from '../standstill';
import type { AssessmentSummary, Winner } from './assessment';
import type { RankedBid } from './commands';

/** A lot's award as decided: the ranking is kept so a cancelled award can pass to the next bid. */
export type LotAwardDecision = {
  readonly lotId: LotId;
  readonly winner: Winner;
  readonly explanation: string;
  readonly replacesContractId: ContractId | null;
  readonly ranking: readonly RankedBid[];
  /** One per bidder: its scores, the winner's scores and why it did or did not win. */
  readonly assessmentSummaries: readonly AssessmentSummary[];
};

export type AwardDecided = DomainEvent<
  'AwardDecided',
  {
    readonly tenderId: TenderId;
    readonly commissionerId: OrganisationId;
    readonly decidedAt: string;
    /** The award notice (intention to award under PSR) is published with the decision. */
    readonly noticePublishedAt: string;
    readonly standstillRule: StandstillRule | null;
    readonly contractTerm: ContractTerm;
    readonly decisionMakers: readonly DecisionMaker[];
    readonly reasons: string;
    readonly lots: readonly LotAwardDecision[];
  }
>;

export type StandstillStarted = DomainEvent<'StandstillStarted', StandstillPeriod & { readonly tenderId: TenderId; readonly lotIds: readonly LotId[] }>;

/** `against` is the awards as they stood when it was lodged: a later reassignment is not what it challenged. */
export type ChallengeLodged = DomainEvent<
  'ChallengeLodged',
  {
    readonly tenderId: TenderId;
    readonly challengeId: ChallengeId;
    readonly kind: ChallengeKind;
    readonly by: OrganisationId;
    readonly grounds: string;
    readonly against: readonly ChallengedAward[];
    readonly lodgedAt: string;
  }
>;

export type ChallengedAward = { readonly lotId: LotId; readonly bidId: BidId };

type ChallengeOutcomeData = {
  readonly tenderId: TenderId;
  readonly challengeId: ChallengeId;
  readonly decidedBy: OrganisationId;
  readonly reasons: string;
  readonly decidedAt: string;
};

export type ChallengeUpheld = DomainEvent<'ChallengeUpheld', ChallengeOutcomeData>;
export type ChallengeDismissed = DomainEvent<'ChallengeDismissed', ChallengeOutcomeData>;

export type AwardCancelled = DomainEvent<
  'AwardCancelled',
  {
    readonly tenderId: TenderId;
    readonly lotId: LotId;
    readonly bidId: BidId;
    readonly bidderId: OrganisationId;
    readonly challengeId: ChallengeId;
    readonly reason: string;
    readonly cancelledAt: string;
  }
>;

/** ProZorro-style: the next-ranked compliant bid becomes the pending award; a fresh standstill follows. */
export type AwardReassigned = DomainEvent<
  'AwardReassigned',
  {
    readonly tenderId: TenderId;
    readonly lotId: LotId;
    readonly previousBidId: BidId;
    readonly winner: Winner;
    readonly assessmentSummaries: readonly AssessmentSummary[];
    readonly decidedAt: string;
    readonly noticePublishedAt: string;
  }
>;

/** No compliant bid is left once the cancelled awards are set aside: the lot is not awarded. */
export type LotLeftUnawarded = DomainEvent<
  'LotLeftUnawarded',
  { readonly tenderId: TenderId; readonly lotId: LotId; readonly reason: string; readonly at: string }
>;

export type StandstillExtended = DomainEvent<
  'StandstillExtended',
  {
    readonly tenderId: TenderId;
    readonly lotId: LotId;
    readonly challengeId: ChallengeId;
    readonly previousEndsAt: string;
    readonly further: FurtherStandstill;
    /** The later of the previous end and the further period's end. */
    readonly endsAt: string;
  }
>;

/** The registry context reacts to this (RecordAwardOutcome / a successor contract). */
export type ContractConcluded = DomainEvent<
  'ContractConcluded',
  {
    readonly tenderId: TenderId;
    readonly lotId: LotId;
    readonly commissionerId: OrganisationId;
    readonly winnerBidId: BidId;
    readonly winnerBidderId: OrganisationId;
    readonly annualValuePence: number;
    readonly startDate: string;
    readonly endDate: string;
    readonly replacesContractId: ContractId | null;
    readonly concludedAt: string;
  }
>;

export type AwardEvent =
  | AwardDecided
  | StandstillStarted
  | ChallengeLodged
  | ChallengeUpheld
  | ChallengeDismissed
  | AwardCancelled
  | AwardReassigned
  | LotLeftUnawarded
  | StandstillExtended
  | ContractConcluded;
