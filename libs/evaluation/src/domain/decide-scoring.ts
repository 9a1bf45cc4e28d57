import type { ModerateScore, SubmitScores } from './commands';
import { refuseConflicted } from './decide-declarations';
import type { ScoreModerated, ScoresSubmitted } from './events';
import { isScoredByEvaluators, type EvaluationCriterion } from './facts';
import type { CriterionId } from './ids';
import { isBlank, isOnScale, requireBid, requireCommissioner, requireDeclaration, requireInstant, requireOpen, requirePanelMember } from './guards';
import type { CriterionScore } from './panel';
import { refusal } from './refusal-codes';
import { allScoresIn, assignedBids, evaluatorsAssignedTo, submissionOf, type Evaluation, type EvaluationState } from './state';

// Scores are submitted once per evaluator and bid, and not revised: after submitting, an evaluator
// may see the other evaluators' scores (visibility.ts), so a revision would no longer be independent.
// Differences are settled in moderation, where the consensus is recorded beside the individual scores.

function requireCriterion(evaluation: Evaluation, criterionId: CriterionId): EvaluationCriterion {
  const criterion = evaluation.tender.criteria.find((c) => c.id === criterionId);
  if (!criterion) return refusal('SCORE_CRITERION_UNKNOWN', `"${criterionId}" is not an award criterion of this tender.`, { criterionId });
  if (!isScoredByEvaluators(criterion))
    return refusal('PRICE_IS_COMPUTED', `${criterion.name} is scored by the tender's price formula from the opened prices, never by hand.`, { criterionId });
  return criterion;
}

function requireOnScale(evaluation: Evaluation, criterion: EvaluationCriterion, score: number, what: string): void {
  const { step } = evaluation.tender.scoringScale;
  if (!isOnScale(score, criterion.maxScore, step))
    refusal(
      'SCORE_OUT_OF_SCALE',
      `${what} ${String(score)} for ${criterion.name} is not on the scale: 0 to ${criterion.maxScore} in steps of ${step}.`,
      { criterionId: criterion.id, score },
    );
}

export function decideSubmitScores(command: SubmitScores, state: EvaluationState): ScoresSubmitted[] {
  const { tenderId, evaluatorId, bidId, scores, now } = command.data;
  const evaluation = requireOpen(state);
  requireInstant(now, 'now');
  const member = requirePanelMember(evaluation, evaluatorId);
  const bid = requireBid(evaluation, bidId);
  requireDeclaration(evaluation, member, 'scoring');
  refuseConflicted(evaluation, member, bid);
  if (!assignedBids(evaluation, evaluatorId).includes(bidId))
    return refusal('BID_NOT_ASSIGNED', `Bid ${bidId} is not assigned to ${member.name}.`, { evaluatorId, bidId });
  if (submissionOf(evaluation, evaluatorId, bidId))
    return refusal('SCORES_ALREADY_SUBMITTED', `${member.name} has already submitted scores for bid ${bidId}; differences are settled in moderation.`, {
      evaluatorId,
      bidId,
    });

  const given = new Map<string, CriterionScore>();
  for (const entry of Array.isArray(scores) ? scores : []) {
    const criterion = requireCriterion(evaluation, entry.criterionId);
    if (given.has(criterion.id))
      return refusal('SCORE_CRITERION_DUPLICATE', `${criterion.name} is scored twice; give one score per criterion.`, { criterionId: criterion.id });
    requireOnScale(evaluation, criterion, entry.score, 'Score');
    if (isBlank(entry.justification))
      return refusal('SCORE_JUSTIFICATION_MISSING', `The score for ${criterion.name} needs a written justification.`, { criterionId: criterion.id });
    given.set(criterion.id, { criterionId: criterion.id, score: entry.score, justification: entry.justification.trim() });
  }
  const quality = evaluation.tender.criteria.filter(isScoredByEvaluators);
  const missing = quality.filter((c) => !given.has(c.id));
  if (missing.length > 0)
    return refusal('SCORE_CRITERION_MISSING', `Every quality criterion needs a score; missing: ${missing.map((c) => c.name).join(', ')}.`, {
      criterionIds: missing.map((c) => c.id),
    });
  // Stored in the tender's criterion order, whatever order they came in.
  const ordered = quality.map((c) => given.get(c.id)!);
  return [{ type: 'ScoresSubmitted', data: { tenderId, evaluatorId, bidId, scores: ordered, submittedAt: now } }];
}

export function decideModerateScore(command: ModerateScore, state: EvaluationState): ScoreModerated[] {
  const { tenderId, commissionerId, bidId, criterionId, consensusScore, rationale, now } = command.data;
  const evaluation = requireOpen(state);
  requireCommissioner(evaluation, commissionerId);
  requireInstant(now, 'now');
  requireBid(evaluation, bidId);
  const criterion = requireCriterion(evaluation, criterionId);
  if (!allScoresIn(evaluation, bidId)) {
    const assigned = evaluatorsAssignedTo(evaluation, bidId);
    const waiting = assigned.filter((id) => !submissionOf(evaluation, id, bidId));
    return refusal(
      'MODERATION_BEFORE_ALL_SCORES',
      assigned.length === 0
        ? `No evaluator is assigned to bid ${bidId} yet; moderation starts from their scores.`
        : `Moderation of bid ${bidId} waits for every assigned evaluator's scores; still waiting for ${waiting.join(', ')}.`,
      { bidId, waitingFor: waiting },
    );
  }
  requireOnScale(evaluation, criterion, consensusScore, 'Consensus score');
  if (isBlank(rationale))
    return refusal('MODERATION_RATIONALE_MISSING', `The consensus score for ${criterion.name} needs a rationale.`, { bidId, criterionId });
  const individualScores = evaluatorsAssignedTo(evaluation, bidId).map((id) => ({
    evaluatorId: id,
    score: submissionOf(evaluation, id, bidId)!.scores.find((s) => s.criterionId === criterion.id)!.score,
  }));
  const previous = evaluation.moderation[bidId]?.[criterion.id];
  return [
    {
      type: 'ScoreModerated',
      data: {
        tenderId,
        bidId,
        criterionId: criterion.id,
        consensusScore,
        rationale: rationale.trim(),
        individualScores,
        previousConsensusScore: previous?.consensusScore ?? null,
        moderatedBy: commissionerId,
        moderatedAt: now,
      },
    },
  ];
}
