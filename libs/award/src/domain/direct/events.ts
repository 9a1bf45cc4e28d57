import type { DomainEvent } from '@tenderledger/domain-kit';
import type { AwardProcess } from '@tenderledger/tendering';
import type { ChallengeKind } from '../challenges';
import type { DecisionMaker } from '../decision-makers';
import type { ChallengeId, DirectAwardId, OrganisationId } from '../ids';
import type { FurtherStandstill, StandstillPeriod, StandstillRule } from '../standstill';
import type { DeclaredConflict, DirectAwardProvider, DirectAwardTerms, Incumbent } from './commands';
import type { AssessedCriterion } from './key-criteria';
import type { DirectAwardRoute } from './routes';

// Direct-award events have their own type names: projections subscribe by type across streams, and the
// statistics count these apart from the competitive award's.

export type DirectAwardDecided = DomainEvent<
  'DirectAwardDecided',
  {
    readonly decisionId: DirectAwardId;
    readonly commissionerId: OrganisationId;
    readonly route: DirectAwardRoute;
    readonly awardProcess: AwardProcess;
    readonly provider: DirectAwardProvider;
    readonly incumbent: Incumbent | null;
    /** Null when there was no incumbent to keep or lose. */
    readonly incumbentRetained: boolean | null;
    readonly keyCriteriaAssessment: readonly AssessedCriterion[];
    readonly decisionMakers: readonly DecisionMaker[];
    readonly conflicts: readonly DeclaredConflict[];
    readonly reasons: string;
    readonly contract: DirectAwardTerms;
    readonly standstillRule: StandstillRule | null;
    readonly decidedAt: string;
  }
>;

/** PSR reg. 12: the intention to award starts the standstill; routes without one publish no intention. */
export type IntentionNoticePublished = DomainEvent<
  'IntentionNoticePublished',
  { readonly decisionId: DirectAwardId; readonly route: DirectAwardRoute; readonly providerId: OrganisationId; readonly publishedAt: string }
>;

export type DirectAwardStandstillStarted = DomainEvent<'DirectAwardStandstillStarted', StandstillPeriod & { readonly decisionId: DirectAwardId }>;

export type DirectAwardChallengeLodged = DomainEvent<
  'DirectAwardChallengeLodged',
  {
    readonly decisionId: DirectAwardId;
    readonly challengeId: ChallengeId;
    readonly kind: ChallengeKind;
    readonly by: OrganisationId;
    readonly grounds: string;
    readonly lodgedAt: string;
  }
>;

type OutcomeData = {
  readonly decisionId: DirectAwardId;
  readonly challengeId: ChallengeId;
  readonly decidedBy: OrganisationId;
  readonly reasons: string;
  readonly decidedAt: string;
};

export type DirectAwardChallengeUpheld = DomainEvent<'DirectAwardChallengeUpheld', OutcomeData>;
export type DirectAwardChallengeDismissed = DomainEvent<'DirectAwardChallengeDismissed', OutcomeData>;

/** An upheld challenge ends this decision: there is no ranking to fall back on, so a new decision is needed. */
export type DirectAwardCancelled = DomainEvent<
  'DirectAwardCancelled',
  { readonly decisionId: DirectAwardId; readonly challengeId: ChallengeId; readonly reason: string; readonly cancelledAt: string }
>;

export type DirectAwardStandstillExtended = DomainEvent<
  'DirectAwardStandstillExtended',
  {
    readonly decisionId: DirectAwardId;
    readonly challengeId: ChallengeId;
    readonly previousEndsAt: string;
    readonly further: FurtherStandstill;
    readonly endsAt: string;
  }
>;

/** Feeds the register (for C the incumbent's contract continues) and the competition-vs-renewal statistics. */
export type DirectAwardConcluded = DomainEvent<
  'DirectAwardConcluded',
  {
    readonly decisionId: DirectAwardId;
    readonly commissionerId: OrganisationId;
    readonly route: DirectAwardRoute;
    readonly awardProcess: AwardProcess;
    readonly providerId: OrganisationId;
    readonly incumbent: Incumbent | null;
    readonly incumbentRetained: boolean | null;
    readonly contract: DirectAwardTerms;
    readonly concludedAt: string;
  }
>;

export type DirectAwardEvent =
  | DirectAwardDecided
  | IntentionNoticePublished
  | DirectAwardStandstillStarted
  | DirectAwardChallengeLodged
  | DirectAwardChallengeUpheld
  | DirectAwardChallengeDismissed
  | DirectAwardCancelled
  | DirectAwardStandstillExtended
  | DirectAwardConcluded;
