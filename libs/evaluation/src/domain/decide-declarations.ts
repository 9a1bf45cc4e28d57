import type { AssignBids, DeclareConflict, DeclareNoConflicts } from './commands';
import type { BidsAssigned, ConflictDeclared, NoConflictsDeclared } from './events';
import { bidderName, partiesOf, type EvaluatedBid } from './facts';
import type { EvaluatorId } from './ids';
import { isBlank, requireBid, requireCommissioner, requireDeclaration, requireInstant, requireOpen, requirePanelMember } from './guards';
import type { PanelMember } from './panel';
import { refusal } from './refusal-codes';
import { assignedBids, declarationOf, moderationStarted, type ConflictRecord, type Evaluation, type EvaluationState } from './state';

// Declarations come before scoring: an evaluator who has seen and scored a bid can no longer make an
// unprompted declaration, and scores given under an undeclared conflict would stand unexamined. A
// conflict found after scoring is for the commissioner to handle outside this flow (new panel member).

function refuseAfterScoring(evaluation: Evaluation, member: PanelMember): void {
  if (evaluation.submissions.some((s) => s.evaluatorId === member.evaluatorId))
    refusal(
      'CONFLICT_DECLARED_AFTER_SCORING',
      `${member.name} has already submitted scores; declarations must be made before scoring. Tell the commissioner, who must review the scores given.`,
      { evaluatorId: member.evaluatorId },
    );
}

export function decideDeclareConflict(command: DeclareConflict, state: EvaluationState): ConflictDeclared[] {
  const { tenderId, evaluatorId, organisationId, nature, now } = command.data;
  const evaluation = requireOpen(state);
  requireInstant(now, 'now');
  const member = requirePanelMember(evaluation, evaluatorId);
  if (isBlank(nature) || isBlank(organisationId))
    return refusal('CONFLICT_NATURE_MISSING', 'Say which organisation the conflict of interest is with and what it is.');
  refuseAfterScoring(evaluation, member);
  const conflictedBidIds = evaluation.bids.filter((bid) => partiesOf(bid).includes(organisationId)).map((bid) => bid.bidId);
  const assignmentsWithdrawn = assignedBids(evaluation, evaluatorId).filter((bidId) => conflictedBidIds.includes(bidId));
  return [
    {
      type: 'ConflictDeclared',
      data: { tenderId, evaluatorId, organisationId, nature: nature.trim(), declaredAt: now, conflictedBidIds, assignmentsWithdrawn },
    },
  ];
}

export function decideDeclareNoConflicts(command: DeclareNoConflicts, state: EvaluationState): NoConflictsDeclared[] {
  const { tenderId, evaluatorId, now } = command.data;
  const evaluation = requireOpen(state);
  requireInstant(now, 'now');
  const member = requirePanelMember(evaluation, evaluatorId);
  if (declarationOf(evaluation, evaluatorId).noOtherConflictsDeclaredAt !== null) return []; // said once; a retry changes nothing
  refuseAfterScoring(evaluation, member);
  return [{ type: 'NoConflictsDeclared', data: { tenderId, evaluatorId, declaredAt: now } }];
}

/** The declared conflict that touches any party to the bid, if there is one. */
export function conflictWith(evaluation: Evaluation, evaluatorId: EvaluatorId, bid: EvaluatedBid): ConflictRecord | undefined {
  const parties = partiesOf(bid);
  return declarationOf(evaluation, evaluatorId).conflicts.find((c) => parties.includes(c.organisationId));
}

export function refuseConflicted(evaluation: Evaluation, member: PanelMember, bid: EvaluatedBid): void {
  const declared = conflictWith(evaluation, member.evaluatorId, bid);
  if (declared)
    refusal(
      'EVALUATION_ASSIGNMENT_CONFLICT',
      `${member.name} declared a conflict of interest with ${declared.organisationId} (${declared.nature}), which is party to bid ${bid.bidId} (${bidderName(bid)}); they cannot evaluate it.`,
      { evaluatorId: member.evaluatorId, bidId: bid.bidId, organisationId: declared.organisationId },
    );
}

export function decideAssignBids(command: AssignBids, state: EvaluationState): BidsAssigned[] {
  const { tenderId, commissionerId, evaluatorId, bidIds, now } = command.data;
  const evaluation = requireOpen(state);
  requireCommissioner(evaluation, commissionerId);
  requireInstant(now, 'now');
  const member = requirePanelMember(evaluation, evaluatorId);
  requireDeclaration(evaluation, member, 'bids are assigned to them');
  if (!Array.isArray(bidIds) || bidIds.length === 0) return refusal('ASSIGNMENT_EMPTY', 'Name at least one bid to assign.');
  for (const bidId of bidIds) {
    const bid = requireBid(evaluation, bidId);
    refuseConflicted(evaluation, member, bid);
    // Moderation of a bid starts from all its assigned evaluators' scores; a late evaluator would reopen it.
    if (moderationStarted(evaluation, bidId))
      refusal('ASSIGNMENT_AFTER_MODERATION', `Moderation of bid ${bidId} has started; no more evaluators can be assigned to it.`, { bidId });
  }
  const already = assignedBids(evaluation, evaluatorId);
  const added = [...new Set(bidIds)].filter((bidId) => !already.includes(bidId));
  if (added.length === 0) return []; // every bid was already assigned: nothing changes
  return [{ type: 'BidsAssigned', data: { tenderId, evaluatorId, bidIds: added, assignedBy: commissionerId, assignedAt: now } }];
}
