import type { EvaluatedBid, TenderFactsForEvaluation } from './facts';
import type { EvaluatorId, OrganisationId, TenderId } from './ids';
import type { PanelMember } from './panel';
import type { EvaluationResult } from './ranking';
import { recommendLotAwards, type LotAwardRecommendation } from './recommendation';
import type { EvaluationState } from './state';

/**
 * What a completed evaluation hands to the award context: the ranking per lot, the recommended
 * bid per lot with the optimiser's explanation, the facts they rest on, and who evaluated (with
 * their declared conflicts) for the decision record. Plain data, as recorded in the stream.
 */
export type EvaluationOutcome = {
  readonly tenderId: TenderId;
  readonly commissionerId: OrganisationId;
  readonly completedAt: string;
  readonly tender: TenderFactsForEvaluation;
  readonly bids: readonly EvaluatedBid[];
  readonly ranking: EvaluationResult;
  readonly recommendation: LotAwardRecommendation;
  readonly panel: readonly PanelMember[];
  readonly conflicts: readonly { readonly evaluatorId: EvaluatorId; readonly organisationId: OrganisationId; readonly nature: string; readonly declaredAt: string }[];
};

/** The outcome of a completed evaluation; null while it is not opened or not completed. */
export function evaluationOutcomeOf(state: EvaluationState): EvaluationOutcome | null {
  if (state.status !== 'completed' || state.result === null || state.completedAt === null) return null;
  return {
    tenderId: state.tenderId,
    commissionerId: state.commissionerId,
    completedAt: state.completedAt,
    tender: state.tender,
    bids: state.bids,
    ranking: state.result,
    // A stream completed before recommendations were recorded: the same pure function gives it.
    recommendation: state.recommendation ?? recommendLotAwards(state.tender, state.bids, state.result),
    panel: state.panel,
    conflicts: state.panel.flatMap((member) =>
      (state.declarations[member.evaluatorId]?.conflicts ?? []).map((c) => ({ evaluatorId: member.evaluatorId, organisationId: c.organisationId, nature: c.nature, declaredAt: c.declaredAt })),
    ),
  };
}
