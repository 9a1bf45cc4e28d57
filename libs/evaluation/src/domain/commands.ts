import type { Command } from '@tenderledger/domain-kit';
import type { EvaluatedBid, TenderFactsForEvaluation } from './facts';
import type { BidId, CriterionId, EvaluatorId, OrganisationId, TenderId } from './ids';
import type { CriterionScore, PanelMember } from './panel';

// Commands of the `evaluation-{tenderId}` stream. Data shapes are type aliases so they satisfy
// Command's Record<string, unknown> bound. Time comes in as `now` (ISO 8601 with a zone); who acts
// comes in as `commissionerId` (the tender's commissioner organisation) or `evaluatorId` (a user).
// Role checks (only panel evaluators score; only the commissioner moderates) are the HTTP layer's;
// the decider checks the identities it can see.

/** Opens the evaluation once bids are opened: every fact the ranking needs, as loaded from the other streams. */
export type OpenEvaluation = Command<
  'OpenEvaluation',
  {
    readonly tenderId: TenderId;
    readonly commissionerId: OrganisationId;
    readonly tender: TenderFactsForEvaluation;
    /** The bids opened and found complete at opening; withdrawn and excluded bids are not here. */
    readonly bids: readonly EvaluatedBid[];
    readonly now: string;
  }
>;

/** Adds evaluators to the panel (may be sent again to add more before scoring ends). */
export type AppointPanel = Command<
  'AppointPanel',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly evaluators: readonly PanelMember[]; readonly now: string }
>;

/** An evaluator declares a conflict of interest with an organisation (a bidder or any consortium member). */
export type DeclareConflict = Command<
  'DeclareConflict',
  {
    readonly tenderId: TenderId;
    readonly evaluatorId: EvaluatorId;
    readonly organisationId: OrganisationId;
    /** What the interest is: "partner at the practice until 2024", "spouse employed by the federation". */
    readonly nature: string;
    readonly now: string;
  }
>;

/** An evaluator declares no (further) conflicts with any party to any bid. */
export type DeclareNoConflicts = Command<
  'DeclareNoConflicts',
  { readonly tenderId: TenderId; readonly evaluatorId: EvaluatorId; readonly now: string }
>;

export type AssignBids = Command<
  'AssignBids',
  {
    readonly tenderId: TenderId;
    readonly commissionerId: OrganisationId;
    readonly evaluatorId: EvaluatorId;
    readonly bidIds: readonly BidId[];
    readonly now: string;
  }
>;

/** One evaluator's independent scores for one bid: every quality criterion, each justified. */
export type SubmitScores = Command<
  'SubmitScores',
  {
    readonly tenderId: TenderId;
    readonly evaluatorId: EvaluatorId;
    readonly bidId: BidId;
    readonly scores: readonly CriterionScore[];
    readonly now: string;
  }
>;

/** The panel's consensus on one bid and criterion, recorded by the commissioner beside the individual scores. */
export type ModerateScore = Command<
  'ModerateScore',
  {
    readonly tenderId: TenderId;
    readonly commissionerId: OrganisationId;
    readonly bidId: BidId;
    readonly criterionId: CriterionId;
    readonly consensusScore: number;
    readonly rationale: string;
    readonly now: string;
  }
>;

/** A compliance gate (mandatory requirements, exclusion grounds): a failed bid is not ranked. */
export type RecordComplianceCheck = Command<
  'RecordComplianceCheck',
  {
    readonly tenderId: TenderId;
    readonly commissionerId: OrganisationId;
    readonly bidId: BidId;
    readonly passed: boolean;
    readonly reason: string;
    readonly now: string;
  }
>;

/** Computes and records the result: points, gates, flags and the ranking per lot. */
export type CompleteEvaluation = Command<
  'CompleteEvaluation',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly now: string }
>;

export type EvaluationCommand =
  | OpenEvaluation
  | AppointPanel
  | DeclareConflict
  | DeclareNoConflicts
  | AssignBids
  | SubmitScores
  | ModerateScore
  | RecordComplianceCheck
  | CompleteEvaluation;
