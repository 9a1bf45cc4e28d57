import type { CompleteEvaluation, RecordComplianceCheck } from './commands';
import type { ComplianceRecorded, EvaluationCompleted } from './events';
import { isScoredByEvaluators } from './facts';
import { isBlank, requireBid, requireCommissioner, requireInstant, requireOpen } from './guards';
import { rankTender, type RankingInput } from './ranking';
import { recommendLotAwards } from './recommendation';
import { refusal } from './refusal-codes';
import { isCompliant, type Evaluation, type EvaluationState } from './state';

export function decideRecordComplianceCheck(command: RecordComplianceCheck, state: EvaluationState): ComplianceRecorded[] {
  const { tenderId, commissionerId, bidId, passed, reason, now } = command.data;
  const evaluation = requireOpen(state);
  requireCommissioner(evaluation, commissionerId);
  requireInstant(now, 'now');
  requireBid(evaluation, bidId);
  if (isBlank(reason)) return refusal('COMPLIANCE_REASON_MISSING', `Say why bid ${bidId} ${passed ? 'passes' : 'fails'} the compliance check.`, { bidId });
  return [{ type: 'ComplianceRecorded', data: { tenderId, bidId, passed: passed === true, reason: reason.trim(), recordedBy: commissionerId, recordedAt: now } }];
}

/** The same input rankingFromEvents builds from the events: the decider and a reader compute alike. */
export function rankingInputOf(evaluation: Evaluation): RankingInput {
  const consensus: Record<string, Record<string, number>> = {};
  for (const [bidId, byCriterion] of Object.entries(evaluation.moderation)) {
    consensus[bidId] = Object.fromEntries(Object.entries(byCriterion).map(([criterionId, m]) => [criterionId, m.consensusScore]));
  }
  const compliance = Object.fromEntries(Object.entries(evaluation.compliance).map(([bidId, c]) => [bidId, { passed: c.passed, reason: c.reason }]));
  return { tender: evaluation.tender, bids: evaluation.bids, consensus, compliance };
}

export function decideCompleteEvaluation(command: CompleteEvaluation, state: EvaluationState): EvaluationCompleted[] {
  const { tenderId, commissionerId, now } = command.data;
  const evaluation = requireOpen(state);
  requireCommissioner(evaluation, commissionerId);
  requireInstant(now, 'now');
  // Bids that failed compliance are not ranked, so they need no consensus.
  const quality = evaluation.tender.criteria.filter(isScoredByEvaluators);
  const missing = evaluation.bids
    .filter((bid) => isCompliant(evaluation, bid.bidId))
    .flatMap((bid) => quality.filter((c) => evaluation.moderation[bid.bidId]?.[c.id] === undefined).map((c) => ({ bidId: bid.bidId, criterionId: c.id })));
  if (missing.length > 0) {
    const bids = [...new Set(missing.map((m) => m.bidId))];
    return refusal(
      'EVALUATION_INCOMPLETE',
      `${missing.length} consensus score${missing.length === 1 ? ' is' : 's are'} still to be moderated, for bid${bids.length === 1 ? '' : 's'} ${bids.join(', ')}.`,
      { missing },
    );
  }
  const result = rankTender(rankingInputOf(evaluation));
  const recommendation = recommendLotAwards(evaluation.tender, evaluation.bids, result);
  return [{ type: 'EvaluationCompleted', data: { tenderId, completedBy: commissionerId, completedAt: now, result, recommendation } }];
}
