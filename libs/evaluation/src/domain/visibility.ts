import type { EvaluatorId, OrganisationId } from './ids';
import { allScoresIn, submissionOf, type EvaluationState, type Moderation, type ScoreSubmission } from './state';

// Who may read which scores (the HTTP layer filters its answers through this):
// - an evaluator sees its own scores; another evaluator's scores for a bid only once it has submitted
//   its own for that bid (so nobody anchors on a colleague), and the consensus on that bid likewise;
//   a conflicted evaluator is never assigned the bid, so never sees its scores;
// - the tender's commissioner sees a bid's scores once every assigned evaluator has submitted (that
//   is when it moderates; earlier it could steer scorers), and every consensus it recorded;
// - an auditor sees everything; bidders and platform admins see no scores here (bidders get their
//   assessment summary from the award context).

export type ScoreViewer =
  | { readonly role: 'evaluator'; readonly evaluatorId: EvaluatorId }
  | { readonly role: 'commissioner'; readonly organisationId: OrganisationId }
  | { readonly role: 'auditor' }
  | { readonly role: 'bidder' | 'admin' };

export type VisibleScores = {
  readonly submissions: readonly ScoreSubmission[];
  readonly moderation: readonly Moderation[];
};

const NOTHING: VisibleScores = { submissions: [], moderation: [] };

export function visibleScores(state: EvaluationState, viewer: ScoreViewer): VisibleScores {
  if (state.status === 'none') return NOTHING;
  const moderation = Object.values(state.moderation).flatMap((byCriterion) => Object.values(byCriterion));
  switch (viewer.role) {
    case 'auditor':
      return { submissions: state.submissions, moderation };
    case 'commissioner': {
      if (viewer.organisationId !== state.commissionerId) return NOTHING;
      const done = state.status === 'completed';
      return { submissions: state.submissions.filter((s) => done || allScoresIn(state, s.bidId)), moderation };
    }
    case 'evaluator': {
      const own = (bidId: ScoreSubmission['bidId']): boolean => submissionOf(state, viewer.evaluatorId, bidId) !== undefined;
      return {
        submissions: state.submissions.filter((s) => s.evaluatorId === viewer.evaluatorId || own(s.bidId)),
        moderation: moderation.filter((m) => own(m.bidId)),
      };
    }
    case 'bidder':
    case 'admin':
      return NOTHING;
  }
}
