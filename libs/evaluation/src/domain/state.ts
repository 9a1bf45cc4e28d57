import type { EvaluationEvent } from './events';
import type { EvaluatedBid, TenderFactsForEvaluation } from './facts';
import type { BidId, CriterionId, EvaluatorId, OrganisationId, TenderId } from './ids';
import type { CriterionScore, PanelMember } from './panel';
import type { ComplianceOutcome, EvaluationResult } from './ranking';
import type { LotAwardRecommendation } from './recommendation';

export type ConflictRecord = { readonly organisationId: OrganisationId; readonly nature: string; readonly declaredAt: string };

/** An evaluator's declaration: made once they declared a conflict or declared no (further) conflicts. */
export type Declaration = {
  readonly conflicts: readonly ConflictRecord[];
  readonly noOtherConflictsDeclaredAt: string | null;
};

export type ScoreSubmission = {
  readonly evaluatorId: EvaluatorId;
  readonly bidId: BidId;
  readonly scores: readonly CriterionScore[];
  readonly submittedAt: string;
};

export type Moderation = {
  readonly bidId: BidId;
  readonly criterionId: CriterionId;
  readonly consensusScore: number;
  readonly rationale: string;
  readonly moderatedAt: string;
};

export type Evaluation = {
  readonly status: 'open' | 'completed';
  readonly tenderId: TenderId;
  readonly commissionerId: OrganisationId;
  readonly openedAt: string;
  readonly tender: TenderFactsForEvaluation;
  readonly bids: readonly EvaluatedBid[];
  readonly panel: readonly PanelMember[];
  readonly declarations: Readonly<Record<string, Declaration>>;
  /** Bids assigned to each evaluator, in assignment order. */
  readonly assignments: Readonly<Record<string, readonly BidId[]>>;
  readonly submissions: readonly ScoreSubmission[];
  /** Latest consensus per bid, then per criterion. */
  readonly moderation: Readonly<Record<string, Readonly<Record<string, Moderation>>>>;
  /** Latest compliance check per bid. */
  readonly compliance: Readonly<Record<string, ComplianceOutcome & { readonly recordedAt: string }>>;
  readonly result: EvaluationResult | null;
  readonly recommendation: LotAwardRecommendation | null;
  readonly completedAt: string | null;
};

export type EvaluationState = { readonly status: 'none' } | Evaluation;

export const initialEvaluationState = (): EvaluationState => ({ status: 'none' });

export function evolveEvaluation(state: EvaluationState, event: EvaluationEvent): EvaluationState {
  if (event.type === 'EvaluationOpened') {
    const { tenderId, openedBy, openedAt, tender, bids } = event.data;
    return {
      status: 'open',
      tenderId,
      commissionerId: openedBy,
      openedAt,
      tender,
      bids,
      panel: [],
      declarations: {},
      assignments: {},
      submissions: [],
      moderation: {},
      compliance: {},
      result: null,
      recommendation: null,
      completedAt: null,
    };
  }
  if (state.status === 'none') return state; // a stream never starts with anything else
  switch (event.type) {
    case 'PanelAppointed':
      return { ...state, panel: [...state.panel, ...event.data.evaluators] };
    case 'ConflictDeclared': {
      const { evaluatorId, organisationId, nature, declaredAt, assignmentsWithdrawn } = event.data;
      const previous = declarationOf(state, evaluatorId);
      const declaration = { ...previous, conflicts: [...previous.conflicts, { organisationId, nature, declaredAt }] };
      const assigned = (state.assignments[evaluatorId] ?? []).filter((bidId) => !assignmentsWithdrawn.includes(bidId));
      return {
        ...state,
        declarations: { ...state.declarations, [evaluatorId]: declaration },
        assignments: { ...state.assignments, [evaluatorId]: assigned },
      };
    }
    case 'NoConflictsDeclared': {
      const declaration = { ...declarationOf(state, event.data.evaluatorId), noOtherConflictsDeclaredAt: event.data.declaredAt };
      return { ...state, declarations: { ...state.declarations, [event.data.evaluatorId]: declaration } };
    }
    case 'BidsAssigned': {
      const { evaluatorId, bidIds } = event.data;
      return { ...state, assignments: { ...state.assignments, [evaluatorId]: [...(state.assignments[evaluatorId] ?? []), ...bidIds] } };
    }
    case 'ScoresSubmitted': {
      const { evaluatorId, bidId, scores, submittedAt } = event.data;
      return { ...state, submissions: [...state.submissions, { evaluatorId, bidId, scores, submittedAt }] };
    }
    case 'ScoreModerated': {
      const { bidId, criterionId, consensusScore, rationale, moderatedAt } = event.data;
      const forBid = { ...(state.moderation[bidId] ?? {}), [criterionId]: { bidId, criterionId, consensusScore, rationale, moderatedAt } };
      return { ...state, moderation: { ...state.moderation, [bidId]: forBid } };
    }
    case 'ComplianceRecorded': {
      const { bidId, passed, reason, recordedAt } = event.data;
      return { ...state, compliance: { ...state.compliance, [bidId]: { passed, reason, recordedAt } } };
    }
    case 'EvaluationCompleted':
      // `?? null`: a stream recorded before recommendations were part of completion still folds.
      return { ...state, status: 'completed', result: event.data.result, recommendation: event.data.recommendation ?? null, completedAt: event.data.completedAt };
  }
}

const NO_DECLARATION: Declaration = { conflicts: [], noOtherConflictsDeclaredAt: null };

export const declarationOf = (state: Evaluation, evaluatorId: EvaluatorId): Declaration => state.declarations[evaluatorId] ?? NO_DECLARATION;

export const hasDeclared = (state: Evaluation, evaluatorId: EvaluatorId): boolean => {
  const declaration = state.declarations[evaluatorId];
  return declaration !== undefined && (declaration.conflicts.length > 0 || declaration.noOtherConflictsDeclaredAt !== null);
};

export const assignedBids = (state: Evaluation, evaluatorId: EvaluatorId): readonly BidId[] => state.assignments[evaluatorId] ?? [];

/** Evaluators the bid is assigned to, in panel order. */
export const evaluatorsAssignedTo = (state: Evaluation, bidId: BidId): EvaluatorId[] =>
  state.panel.filter((member) => assignedBids(state, member.evaluatorId).includes(bidId)).map((member) => member.evaluatorId);

export const submissionOf = (state: Evaluation, evaluatorId: EvaluatorId, bidId: BidId): ScoreSubmission | undefined =>
  state.submissions.find((s) => s.evaluatorId === evaluatorId && s.bidId === bidId);

/** Every assigned evaluator has submitted (and at least one is assigned): moderation of the bid may start. */
export const allScoresIn = (state: Evaluation, bidId: BidId): boolean => {
  const assigned = evaluatorsAssignedTo(state, bidId);
  return assigned.length > 0 && assigned.every((evaluatorId) => submissionOf(state, evaluatorId, bidId) !== undefined);
};

export const moderationStarted = (state: Evaluation, bidId: BidId): boolean => Object.keys(state.moderation[bidId] ?? {}).length > 0;

/** The bid failed a compliance check (the latest one counts); a bid with none is compliant. */
export const isCompliant = (state: Evaluation, bidId: BidId): boolean => state.compliance[bidId]?.passed ?? true;
