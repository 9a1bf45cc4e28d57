import type { AppointPanel, OpenEvaluation } from './commands';
import type { EvaluationOpened, PanelAppointed } from './events';
import { bidsProblem, tenderFactsProblem } from './facts-rules';
import { bidderName, partiesOf } from './facts';
import { isBlank, requireCommissioner, requireInstant, requireOpen } from './guards';
import { EVALUATOR_ROLES } from './panel';
import { refusal } from './refusal-codes';
import type { EvaluationState } from './state';

export function decideOpenEvaluation(command: OpenEvaluation, state: EvaluationState): EvaluationOpened[] {
  const { tenderId, commissionerId, tender, bids, now } = command.data;
  if (state.status !== 'none') return refusal('EVALUATION_ALREADY_OPEN', 'The evaluation of this tender is already open; it is opened once.');
  requireInstant(now, 'now');
  const factsProblem = tenderFactsProblem(tender);
  if (factsProblem) return refusal('EVALUATION_FACTS_INVALID', factsProblem);
  if (!Array.isArray(bids) || bids.length === 0)
    return refusal('EVALUATION_NO_BIDS', 'No bid was opened and found complete, so there is nothing to evaluate.');
  const bidProblem = bidsProblem(bids, tender);
  if (bidProblem) return refusal('EVALUATION_FACTS_INVALID', bidProblem);
  return [{ type: 'EvaluationOpened', data: { tenderId, openedBy: commissionerId, openedAt: now, tender, bids } }];
}

export function decideAppointPanel(command: AppointPanel, state: EvaluationState): PanelAppointed[] {
  const { tenderId, commissionerId, evaluators, now } = command.data;
  const evaluation = requireOpen(state);
  requireCommissioner(evaluation, commissionerId);
  requireInstant(now, 'now');
  if (!Array.isArray(evaluators) || evaluators.length === 0) return refusal('PANEL_INVALID', 'Name at least one evaluator to appoint.');
  const ids = new Set<string>();
  for (const member of evaluators) {
    if (isBlank(member.evaluatorId) || isBlank(member.name) || isBlank(member.organisationId))
      return refusal('PANEL_INVALID', 'Every evaluator needs a user id, a name and the organisation they work for.');
    if (!EVALUATOR_ROLES.includes(member.role))
      return refusal('PANEL_INVALID', `${member.name}'s role "${String(member.role)}" is not one of ${EVALUATOR_ROLES.join(', ')}.`);
    if (ids.has(member.evaluatorId)) return refusal('PANEL_INVALID', `${member.name} is listed twice.`);
    ids.add(member.evaluatorId);
    if (evaluation.panel.some((m) => m.evaluatorId === member.evaluatorId))
      return refusal('EVALUATOR_ALREADY_ON_PANEL', `${member.name} is already on the evaluation panel.`, { evaluatorId: member.evaluatorId });
    // Someone employed by a bidder, lead or consortium member is conflicted with that bid by definition.
    const ownBid = evaluation.bids.find((bid) => partiesOf(bid).includes(member.organisationId));
    if (ownBid)
      return refusal(
        'PANEL_MEMBER_FROM_BIDDER',
        `${member.name} works for ${member.organisationId}, which is party to bid ${ownBid.bidId} (${bidderName(ownBid)}); they cannot sit on the panel.`,
        { evaluatorId: member.evaluatorId, bidId: ownBid.bidId },
      );
  }
  return [{ type: 'PanelAppointed', data: { tenderId, appointedBy: commissionerId, appointedAt: now, evaluators } }];
}
