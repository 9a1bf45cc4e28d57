import type { DomainEvent } from '@tenderledger/domain-kit';
import type { EvaluatedBid, TenderFactsForEvaluation } from './facts';
import type { BidId, CriterionId, EvaluatorId, OrganisationId, TenderId } from './ids';
import type { CriterionScore, PanelMember } from './panel';
import type { EvaluationResult } from './ranking';
import type { LotAwardRecommendation } from './recommendation';

// Events of the `evaluation-{tenderId}` stream. Each carries who, when and the figures the decision
// rested on, so the ranking can be recomputed from this stream alone (see ranking-from-events.ts).
// Individual scores are in the events because the store is the truth; read models show them only
// as visibleScores allows.

/** The tender's rules and the opened bids as they stood when evaluation began. */
export type EvaluationOpened = DomainEvent<
  'EvaluationOpened',
  {
    readonly tenderId: TenderId;
    readonly openedBy: OrganisationId;
    readonly openedAt: string;
    readonly tender: TenderFactsForEvaluation;
    readonly bids: readonly EvaluatedBid[];
  }
>;

export type PanelAppointed = DomainEvent<
  'PanelAppointed',
  { readonly tenderId: TenderId; readonly appointedBy: OrganisationId; readonly appointedAt: string; readonly evaluators: readonly PanelMember[] }
>;

export type ConflictDeclared = DomainEvent<
  'ConflictDeclared',
  {
    readonly tenderId: TenderId;
    readonly evaluatorId: EvaluatorId;
    readonly organisationId: OrganisationId;
    readonly nature: string;
    readonly declaredAt: string;
    /** Bids this organisation is party to (as bidder, consortium lead or member): the evaluator may not score them. */
    readonly conflictedBidIds: readonly BidId[];
    /** Assignments of those bids taken back from the evaluator by this declaration (none had been scored). */
    readonly assignmentsWithdrawn: readonly BidId[];
  }
>;

export type NoConflictsDeclared = DomainEvent<
  'NoConflictsDeclared',
  { readonly tenderId: TenderId; readonly evaluatorId: EvaluatorId; readonly declaredAt: string }
>;

/** Only the bids newly assigned by this command. */
export type BidsAssigned = DomainEvent<
  'BidsAssigned',
  {
    readonly tenderId: TenderId;
    readonly evaluatorId: EvaluatorId;
    readonly bidIds: readonly BidId[];
    readonly assignedBy: OrganisationId;
    readonly assignedAt: string;
  }
>;

export type ScoresSubmitted = DomainEvent<
  'ScoresSubmitted',
  {
    readonly tenderId: TenderId;
    readonly evaluatorId: EvaluatorId;
    readonly bidId: BidId;
    readonly scores: readonly CriterionScore[];
    readonly submittedAt: string;
  }
>;

/** The consensus, with the individual scores it was reached from beside it. A later one for the same bid and criterion replaces it. */
export type ScoreModerated = DomainEvent<
  'ScoreModerated',
  {
    readonly tenderId: TenderId;
    readonly bidId: BidId;
    readonly criterionId: CriterionId;
    readonly consensusScore: number;
    readonly rationale: string;
    readonly individualScores: readonly { readonly evaluatorId: EvaluatorId; readonly score: number }[];
    /** The consensus this one replaces, or null for the first. */
    readonly previousConsensusScore: number | null;
    readonly moderatedBy: OrganisationId;
    readonly moderatedAt: string;
  }
>;

/** A later check of the same bid replaces this one. */
export type ComplianceRecorded = DomainEvent<
  'ComplianceRecorded',
  {
    readonly tenderId: TenderId;
    readonly bidId: BidId;
    readonly passed: boolean;
    readonly reason: string;
    readonly recordedBy: OrganisationId;
    readonly recordedAt: string;
  }
>;

/**
 * Every number of the result and the lot award recommendation drawn from it: anyone allowed can
 * recompute both from the events before this one.
 */
export type EvaluationCompleted = DomainEvent<
  'EvaluationCompleted',
  {
    readonly tenderId: TenderId;
    readonly completedBy: OrganisationId;
    readonly completedAt: string;
    readonly result: EvaluationResult;
    readonly recommendation: LotAwardRecommendation;
  }
>;

export type EvaluationEvent =
  | EvaluationOpened
  | PanelAppointed
  | ConflictDeclared
  | NoConflictsDeclared
  | BidsAssigned
  | ScoresSubmitted
  | ScoreModerated
  | ComplianceRecorded
  | EvaluationCompleted;

export type EvaluationEventType = EvaluationEvent['type'];

export const EVALUATION_EVENT_TYPES: readonly EvaluationEventType[] = [
  'EvaluationOpened',
  'PanelAppointed',
  'ConflictDeclared',
  'NoConflictsDeclared',
  'BidsAssigned',
  'ScoresSubmitted',
  'ScoreModerated',
  'ComplianceRecorded',
  'EvaluationCompleted',
];
