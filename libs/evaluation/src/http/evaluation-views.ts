import type { Identity } from '@tenderledger/auth';
import {
  asEvaluatorId,
  asOrganisationId,
  assignedBids,
  bidderName,
  visibleScores,
  type BidId,
  type Declaration,
  type Evaluation,
  type EvaluationResult,
  type LotAwardRecommendation,
  type Moderation,
  type PanelMember,
  type ScoreSubmission,
  type ScoreViewer,
  type TenderFactsForEvaluation,
} from '../domain';

/** Who reads, as far as this view goes: only these three ever get here (the routes' @Roles). */
export type EvaluationReader = 'commissioner' | 'evaluator' | 'auditor';

type BidSummary = {
  readonly bidId: BidId;
  readonly bidderName: string;
  readonly bidder: Evaluation['bids'][number]['bidder'];
  readonly lots: readonly { readonly lotId: string; readonly price?: number }[];
};

export type EvaluationView = {
  readonly tenderId: string;
  readonly status: Evaluation['status'];
  readonly viewer: EvaluationReader;
  readonly openedAt: string;
  readonly completedAt: string | null;
  readonly rules: TenderFactsForEvaluation;
  readonly bids: readonly BidSummary[];
  readonly panel: readonly PanelMember[];
  readonly declarations: Readonly<Record<string, Declaration>>;
  readonly assignments: Readonly<Record<string, readonly BidId[]>>;
  readonly submissions: readonly ScoreSubmission[];
  readonly moderation: readonly Moderation[];
  readonly compliance: Evaluation['compliance'];
  /** The commissioner and auditors, once completed; null otherwise. */
  readonly ranking: EvaluationResult | null;
  readonly recommendation: LotAwardRecommendation | null;
};

const viewerOf = (actor: Identity): ScoreViewer => {
  switch (actor.role) {
    case 'evaluator':
      return { role: 'evaluator', evaluatorId: asEvaluatorId(actor.userId) };
    case 'commissioner':
      return { role: 'commissioner', organisationId: asOrganisationId(actor.organisationId) };
    case 'auditor':
      return { role: 'auditor' };
    default:
      return { role: actor.role };
  }
};

/**
 * What a reader may see. Scores go through the domain's visibleScores. An evaluator sees only its
 * own declarations and assignments, and its assigned bids without prices (price is computed by the
 * formula; quality scorers should not anchor on it). The commissioner and auditors see the whole
 * record; the ranking and recommendation only once completed. Callers have checked access.
 */
export function evaluationView(evaluation: Evaluation, actor: Identity): EvaluationView {
  const reader: EvaluationReader = actor.role === 'evaluator' ? 'evaluator' : actor.role === 'auditor' ? 'auditor' : 'commissioner';
  const scores = visibleScores(evaluation, viewerOf(actor));
  const completed = evaluation.status === 'completed';
  const summary = (bid: Evaluation['bids'][number], withPrices: boolean): BidSummary => ({
    bidId: bid.bidId,
    bidderName: bidderName(bid),
    bidder: bid.bidder,
    lots: bid.lots.map((offer) => (withPrices ? { lotId: offer.lotId, price: offer.price } : { lotId: offer.lotId })),
  });
  const base = {
    tenderId: evaluation.tenderId,
    status: evaluation.status,
    viewer: reader,
    openedAt: evaluation.openedAt,
    completedAt: evaluation.completedAt,
    rules: evaluation.tender,
    panel: evaluation.panel,
    submissions: scores.submissions,
    moderation: scores.moderation,
  };
  if (reader === 'evaluator') {
    const me = asEvaluatorId(actor.userId);
    const mine = assignedBids(evaluation, me);
    const declaration = evaluation.declarations[me];
    return {
      ...base,
      bids: evaluation.bids.filter((bid) => mine.includes(bid.bidId)).map((bid) => summary(bid, false)),
      declarations: declaration ? { [me]: declaration } : {},
      assignments: { [me]: mine },
      compliance: {},
      ranking: null,
      recommendation: null,
    };
  }
  return {
    ...base,
    bids: evaluation.bids.map((bid) => summary(bid, true)),
    declarations: evaluation.declarations,
    assignments: evaluation.assignments,
    compliance: evaluation.compliance,
    ranking: completed ? evaluation.result : null,
    recommendation: completed ? evaluation.recommendation : null,
  };
}
