import type { BidId, EvaluatorId, OrganisationId } from './ids';
import type { EvaluatedBid } from './facts';
import type { PanelMember } from './panel';
import { refusal } from './refusal-codes';
import { hasDeclared, type Evaluation, type EvaluationState } from './state';

// Shared checks, in the order every command applies them: the evaluation is open (not absent, not
// completed), the actor is who it must be, the thing acted on exists. Rule checks on content come after.

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an explicit zone; a zone-less string would shift by the server's zone. */
export const isInstant = (value: unknown): value is string => typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));

export function requireInstant(value: string, field: string): string {
  if (!isInstant(value)) refusal('EVALUATION_TIME_INVALID', `${field} must be an ISO 8601 date and time with a zone, got "${String(value)}".`, { field });
  return value;
}

/** Open for commands: there is an evaluation and it is not completed. */
export function requireOpen(state: EvaluationState): Evaluation {
  if (state.status === 'none') return refusal('EVALUATION_NOT_OPEN', 'The evaluation of this tender has not been opened yet.');
  if (state.status === 'completed')
    return refusal('EVALUATION_COMPLETED', `The evaluation of this tender was completed at ${state.completedAt ?? ''}; its record can no longer change.`);
  return state;
}

export function requireCommissioner(state: Evaluation, commissionerId: OrganisationId): void {
  if (state.commissionerId !== commissionerId)
    refusal('EVALUATION_NOT_COMMISSIONER', 'Only the commissioner running this tender may do this.', { commissionerId });
}

export function requirePanelMember(state: Evaluation, evaluatorId: EvaluatorId): PanelMember {
  const member = state.panel.find((m) => m.evaluatorId === evaluatorId);
  if (!member) return refusal('EVALUATOR_NOT_ON_PANEL', `${evaluatorId} is not on this tender's evaluation panel.`, { evaluatorId });
  return member;
}

export function requireDeclaration(state: Evaluation, member: PanelMember, action: string): void {
  if (!hasDeclared(state, member.evaluatorId))
    refusal(
      'EVALUATOR_DECLARATION_MISSING',
      `${member.name} must declare any conflicts of interest (or that there are none) before ${action}.`,
      { evaluatorId: member.evaluatorId },
    );
}

export function requireBid(state: Evaluation, bidId: BidId): EvaluatedBid {
  const bid = state.bids.find((b) => b.bidId === bidId);
  if (!bid) return refusal('BID_NOT_IN_EVALUATION', `Bid ${bidId} is not one of the bids being evaluated for this tender.`, { bidId });
  return bid;
}

export const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** Whole steps of the scale from 0 to maxScore; a tolerance absorbs binary fractions such as 0.1. */
export const isOnScale = (score: number, maxScore: number, step: number): boolean =>
  typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= maxScore && Math.abs(Math.round(score / step) * step - score) < 1e-9;
