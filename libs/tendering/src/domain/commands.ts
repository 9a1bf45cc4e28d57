import type { Command } from '@tenderledger/domain-kit';
import type { AwardCriterion } from './criteria';
import type { ClarificationId, ContractId, OrganisationId, TenderId } from './ids';
import type { LotCeiling } from './lot-split';
import type { Lot } from './lots';
import type { Pence, ServiceLine } from './services';
import type { ContractType, DraftChanges } from './terms';
import type { ContractTerm, Timeline } from './timeline';

// Data shapes are type aliases (not interfaces) so they satisfy Command's Record<string, unknown> bound.
// Time comes in as `now` (ISO 8601) and the acting organisation as `commissionerId` / `askedBy`.

export type DraftTender = Command<
  'DraftTender',
  {
    readonly tenderId: TenderId;
    readonly commissionerId: OrganisationId;
    readonly title: string;
    readonly description: string;
    /** Checked against the profile list: unknown ids are refused, so this is plain text here. */
    readonly procedureProfileId: string;
    readonly contractType: ContractType;
    readonly replacesContractId?: ContractId;
    readonly services: readonly ServiceLine[];
    readonly population: number;
    readonly estimatedAnnualValuePence: Pence;
    readonly contractTerm: ContractTerm;
    readonly criteria: readonly AwardCriterion[];
    readonly timeline: Timeline;
    readonly region?: string;
    readonly lotLimit?: number;
    readonly minimumTenderPeriodDays?: number;
  }
>;

export type AmendDraft = Command<
  'AmendDraft',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly changes: DraftChanges }
>;

export type DefineLots = Command<
  'DefineLots',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly lots: readonly Lot[] }
>;

export type ProposeLotSplit = Command<
  'ProposeLotSplit',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly ceiling: LotCeiling }
>;

/** Accept the pending proposal as it stands, or with an edited lot list (renamed, merged, reshaped). */
export type AcceptLotSplitProposal = Command<
  'AcceptLotSplitProposal',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly editedLots?: readonly Lot[] }
>;

export type RejectLotSplitProposal = Command<
  'RejectLotSplitProposal',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly reason: string }
>;

export type RecordNoSplitReason = Command<
  'RecordNoSplitReason',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly reason: string }
>;

export type SetLotLimit = Command<
  'SetLotLimit',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly lotLimit: number }
>;

export type PublishTender = Command<
  'PublishTender',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly now: string }
>;

export type AskClarification = Command<
  'AskClarification',
  {
    readonly tenderId: TenderId;
    readonly clarificationId: ClarificationId;
    /** The bidder organisation asking: kept in the event for audit, never shown to other bidders. */
    readonly askedBy: OrganisationId;
    readonly question: string;
    readonly now: string;
  }
>;

export type AnswerClarification = Command<
  'AnswerClarification',
  {
    readonly tenderId: TenderId;
    readonly clarificationId: ClarificationId;
    readonly commissionerId: OrganisationId;
    readonly answer: string;
    /** The question as published to all bidders, when the commissioner removes identifying detail. */
    readonly publishedQuestion?: string;
    readonly now: string;
  }
>;

/** Changes allowed after publication; deadlines may only move later. */
export type PublishedTenderChanges = {
  readonly clarificationDeadline?: string;
  readonly submissionDeadline?: string;
  readonly plannedAwardDate?: string;
  readonly description?: string;
};

export type AmendPublishedTender = Command<
  'AmendPublishedTender',
  {
    readonly tenderId: TenderId;
    readonly commissionerId: OrganisationId;
    readonly changes: PublishedTenderChanges;
    readonly reason: string;
    readonly now: string;
  }
>;

export type CancelTender = Command<
  'CancelTender',
  { readonly tenderId: TenderId; readonly commissionerId: OrganisationId; readonly reason: string; readonly now: string }
>;

/** Sent by the deadline process manager, not a person: no organisation, and idempotent. */
export type CloseSubmissions = Command<'CloseSubmissions', { readonly tenderId: TenderId; readonly now: string }>;

export type TenderCommand =
  | DraftTender
  | AmendDraft
  | DefineLots
  | ProposeLotSplit
  | AcceptLotSplitProposal
  | RejectLotSplitProposal
  | RecordNoSplitReason
  | SetLotLimit
  | PublishTender
  | AskClarification
  | AnswerClarification
  | AmendPublishedTender
  | CancelTender
  | CloseSubmissions;
