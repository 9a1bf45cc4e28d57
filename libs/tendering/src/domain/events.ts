import type { DomainEvent } from '@tenderledger/domain-kit';
import type { AwardCriterion } from './criteria';
import type { ClarificationId, LotId, OrganisationId, TenderId } from './ids';
import type { LotCeiling, ProposedLot } from './lot-split';
import type { Lot } from './lots';
import type { NoticeKind, ProcedureProfileId, Regime } from './procedure-profiles';
import type { TenderTerms } from './terms';
import type { Timeline } from './timeline';

// Events of the `tender-{id}` stream. Each carries what an auditor needs: who (an organisation id; the
// envelope adds the user), why (reasons), and the figures the decision rested on.

export type TenderDrafted = DomainEvent<
  'TenderDrafted',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly terms: TenderTerms; readonly lotLimit: number | null }
>;

export type DraftAmended = DomainEvent<
  'DraftAmended',
  {
    readonly tenderId: TenderId;
    readonly amendedBy: OrganisationId;
    readonly changes: Partial<TenderTerms>;
    /** Lots, proposals and a no-split reason are drawn from the services, so changing them clears these. */
    readonly lotsCleared: boolean;
  }
>;

export type LotsDefined = DomainEvent<'LotsDefined', { readonly tenderId: TenderId; readonly definedBy: OrganisationId; readonly lots: readonly Lot[] }>;

export type LotSplitProposed = DomainEvent<
  'LotSplitProposed',
  { readonly tenderId: TenderId; readonly proposedBy: OrganisationId; readonly ceiling: LotCeiling; readonly lots: readonly ProposedLot[] }
>;

export type LotSplitProposalAccepted = DomainEvent<
  'LotSplitProposalAccepted',
  {
    readonly tenderId: TenderId;
    readonly acceptedBy: OrganisationId;
    /** True when the commissioner changed the proposal before accepting it; the proposal is in LotSplitProposed. */
    readonly edited: boolean;
    readonly lots: readonly Lot[];
    /** Proposed lots still above a ceiling that the commissioner accepted anyway (as-is acceptance only). */
    readonly acceptedAboveCeiling: readonly LotId[];
  }
>;

export type LotSplitProposalRejected = DomainEvent<
  'LotSplitProposalRejected',
  { readonly tenderId: TenderId; readonly rejectedBy: OrganisationId; readonly reason: string }
>;

/** The tender stays whole: one "whole contract" lot, with the reason for not splitting on record. */
export type NoSplitReasonRecorded = DomainEvent<
  'NoSplitReasonRecorded',
  { readonly tenderId: TenderId; readonly recordedBy: OrganisationId; readonly reason: string; readonly lot: Lot }
>;

export type LotLimitSet = DomainEvent<'LotLimitSet', { readonly tenderId: TenderId; readonly setBy: OrganisationId; readonly lotLimit: number }>;

/** What was published, as published: the notice projections and OCDS are built from this. */
export type TenderPublished = DomainEvent<
  'TenderPublished',
  {
    readonly tenderId: TenderId;
    readonly publishedBy: OrganisationId;
    readonly publishedAt: string;
    readonly procedureProfileId: ProcedureProfileId;
    readonly regime: Regime;
    readonly notices: readonly NoticeKind[];
    readonly title: string;
    readonly lots: readonly Lot[];
    /** Effective limit: the tender's, or the number of lots when it set none. */
    readonly lotLimit: number;
    readonly criteria: readonly AwardCriterion[];
    readonly timeline: Timeline;
    readonly minimumTenderPeriodDays: number;
    readonly tenderPeriodDays: number;
    /** SHA-256 of the canonical published terms and lots: bidders and auditors can check what they saw. */
    readonly contentHash: string;
  }
>;

/**
 * `askedBy` is in the event for the audit trail and the commissioner's inbox only. Public and bidder-facing
 * projections must not show it: other bidders learn the question only from ClarificationAnswered,
 * which carries no asker.
 */
export type ClarificationAsked = DomainEvent<
  'ClarificationAsked',
  {
    readonly tenderId: TenderId;
    readonly clarificationId: ClarificationId;
    readonly askedBy: OrganisationId;
    readonly question: string;
    readonly askedAt: string;
  }
>;

/** Public to every bidder: the question as published and the answer, with no asker. */
export type ClarificationAnswered = DomainEvent<
  'ClarificationAnswered',
  {
    readonly tenderId: TenderId;
    readonly clarificationId: ClarificationId;
    readonly question: string;
    readonly answer: string;
    readonly answeredBy: OrganisationId;
    readonly answeredAt: string;
  }
>;

export type TenderChange = {
  readonly field: 'clarificationDeadline' | 'submissionDeadline' | 'plannedAwardDate' | 'description';
  readonly from: string;
  readonly to: string;
};

export type TenderAmended = DomainEvent<
  'TenderAmended',
  {
    readonly tenderId: TenderId;
    readonly amendedBy: OrganisationId;
    readonly amendedAt: string;
    readonly reason: string;
    readonly changes: readonly TenderChange[];
  }
>;

export type TenderCancelled = DomainEvent<
  'TenderCancelled',
  {
    readonly tenderId: TenderId;
    readonly cancelledBy: OrganisationId;
    readonly cancelledAt: string;
    readonly reason: string;
    readonly statusWhenCancelled: 'draft' | 'published' | 'submissions-closed';
  }
>;

export type SubmissionsClosed = DomainEvent<
  'SubmissionsClosed',
  { readonly tenderId: TenderId; readonly closedAt: string; readonly submissionDeadline: string }
>;

export type TenderEvent =
  | TenderDrafted
  | DraftAmended
  | LotsDefined
  | LotSplitProposed
  | LotSplitProposalAccepted
  | LotSplitProposalRejected
  | NoSplitReasonRecorded
  | LotLimitSet
  | TenderPublished
  | ClarificationAsked
  | ClarificationAnswered
  | TenderAmended
  | TenderCancelled
  | SubmissionsClosed;

export type TenderEventType = TenderEvent['type'];
