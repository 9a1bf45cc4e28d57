import type { Decider } from '@tenderledger/domain-kit';
import type { EvaluationCommand } from './commands';
import { decideCompleteEvaluation, decideRecordComplianceCheck } from './decide-completion';
import { decideAssignBids, decideDeclareConflict, decideDeclareNoConflicts } from './decide-declarations';
import { decideAppointPanel, decideOpenEvaluation } from './decide-open';
import { decideModerateScore, decideSubmitScores } from './decide-scoring';
import type { EvaluationEvent } from './events';
import { evolveEvaluation, initialEvaluationState, type EvaluationState } from './state';

/** The `evaluation-{tenderId}` stream's decider: pure, so the handler may re-run it after a concurrent write. */
export function decideEvaluation(command: EvaluationCommand, state: EvaluationState): EvaluationEvent[] {
  switch (command.type) {
    case 'OpenEvaluation':
      return decideOpenEvaluation(command, state);
    case 'AppointPanel':
      return decideAppointPanel(command, state);
    case 'DeclareConflict':
      return decideDeclareConflict(command, state);
    case 'DeclareNoConflicts':
      return decideDeclareNoConflicts(command, state);
    case 'AssignBids':
      return decideAssignBids(command, state);
    case 'SubmitScores':
      return decideSubmitScores(command, state);
    case 'ModerateScore':
      return decideModerateScore(command, state);
    case 'RecordComplianceCheck':
      return decideRecordComplianceCheck(command, state);
    case 'CompleteEvaluation':
      return decideCompleteEvaluation(command, state);
  }
}

export const evaluationDecider: Decider<EvaluationState, EvaluationCommand, EvaluationEvent> = {
  decide: decideEvaluation,
  evolve: evolveEvaluation,
  initialState: initialEvaluationState,
};
