import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { evaluationDecider } from './decider';
import {
  ANNA,
  BEN,
  BID_COMPANY,
  BID_FEDERATION,
  BID_PRACTICE,
  CARA,
  ICB,
  MEMBER_1,
  OPENED_AT,
  OTHER_ICB,
  PRACTICE,
  STRANGER,
  TENDER,
  appointPanel,
  assignBids,
  declareConflict,
  declareNoConflicts,
  history,
  openEvaluation,
  panelReady,
  stateOf,
  submitScores,
} from './testing/fixtures';
import { assignedBids, hasDeclared } from './state';

const spec = deciderSpec(evaluationDecider);
const withPanel = () => history(openEvaluation(), appointPanel());

describe('DeclareConflict', () => {
  it('records the conflict and every bid the organisation is party to (here a consortium member)', () => {
    spec
      .given(withPanel())
      .when(declareConflict(BEN, MEMBER_1, 'Partner at Elm Practice until 2024.'))
      .then([
        {
          type: 'ConflictDeclared',
          data: {
            tenderId: TENDER,
            evaluatorId: BEN,
            organisationId: MEMBER_1,
            nature: 'Partner at Elm Practice until 2024.',
            declaredAt: OPENED_AT,
            conflictedBidIds: [BID_FEDERATION],
            assignmentsWithdrawn: [],
          },
        },
      ]);
  });

  it('counts as the evaluator’s declaration', () => {
    const state = stateOf(history(openEvaluation(), appointPanel(), declareConflict(BEN, PRACTICE)));
    expect(state.status !== 'none' && hasDeclared(state, BEN)).toBe(true);
  });

  it('takes back an unscored assignment of a conflicted bid', () => {
    const given = history(openEvaluation(), appointPanel(), declareNoConflicts(BEN), assignBids(BEN));
    spec.given(given).when(declareConflict(BEN, PRACTICE)).thenMatches(([event]) =>
      expect(event).toMatchObject({ data: { conflictedBidIds: [BID_PRACTICE], assignmentsWithdrawn: [BID_PRACTICE] } }),
    );
    const state = stateOf(history(openEvaluation(), appointPanel(), declareNoConflicts(BEN), assignBids(BEN), declareConflict(BEN, PRACTICE)));
    expect(state.status !== 'none' && assignedBids(state, BEN)).toEqual([BID_FEDERATION, BID_COMPANY]);
  });

  it('may name an organisation that is not bidding (no bid affected)', () => {
    spec.given(withPanel()).when(declareConflict(BEN, STRANGER)).thenMatches(([event]) => expect(event).toMatchObject({ data: { conflictedBidIds: [] } }));
  });

  it('refuses someone not on the panel (EVALUATOR_NOT_ON_PANEL)', () => {
    spec.given(withPanel()).when(declareConflict(CARA, PRACTICE)).thenRefuses('EVALUATOR_NOT_ON_PANEL');
  });

  it('refuses a declaration without its nature (CONFLICT_NATURE_MISSING)', () => {
    spec.given(withPanel()).when(declareConflict(BEN, PRACTICE, '  ')).thenRefuses('CONFLICT_NATURE_MISSING');
  });

  it('refuses a declaration after the evaluator has scored (CONFLICT_DECLARED_AFTER_SCORING)', () => {
    spec
      .given(history(...panelReady(), submitScores(BEN, BID_COMPANY)))
      .when(declareConflict(BEN, PRACTICE))
      .thenRefuses('CONFLICT_DECLARED_AFTER_SCORING', /before scoring/);
  });
});

describe('DeclareNoConflicts', () => {
  it('records that the evaluator has no conflicts', () => {
    spec.given(withPanel()).when(declareNoConflicts(ANNA)).then([{ type: 'NoConflictsDeclared', data: { tenderId: TENDER, evaluatorId: ANNA, declaredAt: OPENED_AT } }]);
  });

  it('is idempotent: saying it again records nothing', () => {
    spec.given(history(openEvaluation(), appointPanel(), declareNoConflicts(ANNA))).when(declareNoConflicts(ANNA)).then([]);
  });

  it('may follow declared conflicts ("no other conflicts")', () => {
    spec.given(history(openEvaluation(), appointPanel(), declareConflict(BEN, PRACTICE))).when(declareNoConflicts(BEN)).thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('refuses "no other conflicts" after scoring (CONFLICT_DECLARED_AFTER_SCORING)', () => {
    const given = history(openEvaluation(), appointPanel(), declareConflict(BEN, PRACTICE), assignBids(BEN, [BID_COMPANY]), submitScores(BEN, BID_COMPANY));
    spec.given(given).when(declareNoConflicts(BEN)).thenRefuses('CONFLICT_DECLARED_AFTER_SCORING');
  });
});

describe('AssignBids', () => {
  const declared = () => history(openEvaluation(), appointPanel(), declareNoConflicts(ANNA), declareConflict(BEN, MEMBER_1));

  it('assigns bids to a panel evaluator who has declared', () => {
    spec
      .given(declared())
      .when(assignBids(ANNA, [BID_PRACTICE, BID_COMPANY]))
      .then([{ type: 'BidsAssigned', data: { tenderId: TENDER, evaluatorId: ANNA, bidIds: [BID_PRACTICE, BID_COMPANY], assignedBy: ICB, assignedAt: OPENED_AT } }]);
  });

  it('records only bids not already assigned, and nothing when all were', () => {
    const given = history(openEvaluation(), appointPanel(), declareNoConflicts(ANNA), assignBids(ANNA, [BID_PRACTICE]));
    spec.given(given).when(assignBids(ANNA, [BID_PRACTICE, BID_COMPANY, BID_COMPANY])).thenMatches(([event]) => expect(event).toMatchObject({ data: { bidIds: [BID_COMPANY] } }));
    spec.given(given).when(assignBids(ANNA, [BID_PRACTICE])).then([]);
  });

  it('never gives an evaluator a bid with a consortium member it declared a conflict with (EVALUATION_ASSIGNMENT_CONFLICT)', () => {
    spec.given(declared()).when(assignBids(BEN, [BID_PRACTICE, BID_FEDERATION])).thenRefuses('EVALUATION_ASSIGNMENT_CONFLICT', /org-elm-practice .*bid-federation/);
  });

  it('assigns the bids an evaluator is not conflicted with', () => {
    spec.given(declared()).when(assignBids(BEN, [BID_PRACTICE, BID_COMPANY])).thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('refuses before the evaluator has declared (EVALUATOR_DECLARATION_MISSING)', () => {
    spec.given(withPanel()).when(assignBids(ANNA)).thenRefuses('EVALUATOR_DECLARATION_MISSING', /Anna Shah must declare/);
  });

  it('refuses an empty list (ASSIGNMENT_EMPTY), an unknown bid (BID_NOT_IN_EVALUATION), another commissioner', () => {
    spec.given(declared()).when(assignBids(ANNA, [])).thenRefuses('ASSIGNMENT_EMPTY');
    spec.given(declared()).when(assignBids(ANNA, ['bid-nope' as never])).thenRefuses('BID_NOT_IN_EVALUATION');
    spec.given(declared()).when(assignBids(ANNA, [BID_PRACTICE], OTHER_ICB)).thenRefuses('EVALUATION_NOT_COMMISSIONER');
  });

  it('refuses someone not on the panel (EVALUATOR_NOT_ON_PANEL)', () => {
    spec.given(declared()).when(assignBids(CARA)).thenRefuses('EVALUATOR_NOT_ON_PANEL');
  });
});
