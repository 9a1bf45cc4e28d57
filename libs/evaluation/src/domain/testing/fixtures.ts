// Shared test data for the evaluation specs: a tender with two lots and three criteria (two scored,
// one price), three opened bids (a practice, a three-organisation federation, a company), a panel of
// two, and builders that run commands through the decider so histories are always valid.
import type { ConsortiumBidder, OrganisationBidder } from '@tenderledger/bidding';
import type {
  AppointPanel,
  AssignBids,
  CompleteEvaluation,
  DeclareConflict,
  DeclareNoConflicts,
  EvaluationCommand,
  ModerateScore,
  OpenEvaluation,
  RecordComplianceCheck,
  SubmitScores,
} from '../commands';
import { evaluationDecider } from '../decider';
import type { EvaluationEvent } from '../events';
import type { EvaluatedBid, EvaluationCriterion, TenderFactsForEvaluation } from '../facts';
import { asBidId, asCriterionId, asEvaluatorId, asLotId, asOrganisationId, asTenderId, type BidId, type CriterionId, type EvaluatorId, type OrganisationId } from '../ids';
import type { CriterionScore, PanelMember } from '../panel';
import { evolveEvaluation, initialEvaluationState, type EvaluationState } from '../state';

export const TENDER = asTenderId('tender-riverside-2026');
export const ICB = asOrganisationId('org-riverside-icb');
export const OTHER_ICB = asOrganisationId('org-hillside-icb');
export const LOT_A = asLotId('lot-a-north');
export const LOT_B = asLotId('lot-b-south');
export const QUALITY = asCriterionId('crit-quality');
export const ACCESS = asCriterionId('crit-access');
export const PRICE = asCriterionId('crit-price');

export const PRACTICE = asOrganisationId('org-riverside-surgery');
export const LEAD = asOrganisationId('org-harrow-federation');
export const MEMBER_1 = asOrganisationId('org-elm-practice');
export const MEMBER_2 = asOrganisationId('org-oak-practice');
export const COMPANY = asOrganisationId('org-primecare-ltd');
export const STRANGER = asOrganisationId('org-unrelated');

export const BID_PRACTICE = asBidId('bid-practice');
export const BID_FEDERATION = asBidId('bid-federation');
export const BID_COMPANY = asBidId('bid-company');
export const ALL_BIDS = [BID_PRACTICE, BID_FEDERATION, BID_COMPANY];

export const ANNA = asEvaluatorId('user-anna');
export const BEN = asEvaluatorId('user-ben');
export const CARA = asEvaluatorId('user-cara');

export const OPENED_AT = '2026-03-03T09:00:00.000Z';
export const NOW = '2026-03-10T09:00:00.000Z';
export const COMPLETED_AT = '2026-03-20T16:00:00.000Z';

export const criteria: EvaluationCriterion[] = [
  { id: QUALITY, name: 'Quality and innovation', kind: 'quality', weightBasisPoints: 4_000, maxScore: 5, passMark: 2 },
  { id: ACCESS, name: 'Improving access', kind: 'psr-key-criterion', weightBasisPoints: 2_000, maxScore: 5, passMark: null },
  { id: PRICE, name: 'Price', kind: 'price', weightBasisPoints: 4_000, maxScore: 100, passMark: null },
];

export const tenderFacts = (overrides: Partial<TenderFactsForEvaluation> = {}): TenderFactsForEvaluation => ({
  criteria,
  lots: [
    { lotId: LOT_A, title: 'North locality' },
    { lotId: LOT_B, title: 'South locality' },
  ],
  lotLimit: 1,
  scoringScale: { step: 1 },
  priceFormula: 'lowest-price-ratio',
  tieBreakRule: 'highest-quality-then-lowest-price-then-earliest-submission',
  abnormallyLowThresholdBasisPoints: 2_000,
  awardRule: 'maximise-lots-then-score',
  ...overrides,
});

export const practice: OrganisationBidder = { kind: 'organisation', organisationId: PRACTICE };
export const federation: ConsortiumBidder = { kind: 'consortium', name: 'Harrow GP Federation', leadOrganisationId: LEAD, memberOrganisationIds: [MEMBER_1, MEMBER_2] };
export const company: OrganisationBidder = { kind: 'organisation', organisationId: COMPANY };

/** Prices in pence a year: lot A £800k (practice) and £1m (federation); lot B £500k (federation) and £400k (company). */
export const bids: EvaluatedBid[] = [
  { bidId: BID_PRACTICE, bidder: practice, lots: [{ lotId: LOT_A, price: 80_000_000 }], submittedAt: '2026-02-20T10:00:00.000Z' },
  {
    bidId: BID_FEDERATION,
    bidder: federation,
    lots: [
      { lotId: LOT_A, price: 100_000_000, preference: 1 },
      { lotId: LOT_B, price: 50_000_000, preference: 2 },
    ],
    submittedAt: '2026-02-25T10:00:00.000Z',
  },
  { bidId: BID_COMPANY, bidder: company, lots: [{ lotId: LOT_B, price: 40_000_000 }], submittedAt: '2026-02-26T10:00:00.000Z' },
];

export const anna: PanelMember = { evaluatorId: ANNA, name: 'Anna Shah', role: 'commissioner-staff', organisationId: ICB };
export const ben: PanelMember = { evaluatorId: BEN, name: 'Dr Ben Okafor', role: 'independent-clinician', organisationId: asOrganisationId('org-clinical-associates') };
export const cara: PanelMember = { evaluatorId: CARA, name: 'Cara Jones', role: 'commissioner-staff', organisationId: ICB };

// Commands

export const openEvaluation = (overrides: Partial<OpenEvaluation['data']> = {}): OpenEvaluation => ({
  type: 'OpenEvaluation',
  data: { tenderId: TENDER, commissionerId: ICB, tender: tenderFacts(), bids, now: OPENED_AT, ...overrides },
});

export const appointPanel = (evaluators: PanelMember[] = [anna, ben], commissionerId: OrganisationId = ICB): AppointPanel => ({
  type: 'AppointPanel',
  data: { tenderId: TENDER, commissionerId, evaluators, now: OPENED_AT },
});

export const declareConflict = (evaluatorId: EvaluatorId, organisationId: OrganisationId, nature = 'Was a salaried GP there until 2024.'): DeclareConflict => ({
  type: 'DeclareConflict',
  data: { tenderId: TENDER, evaluatorId, organisationId, nature, now: OPENED_AT },
});

export const declareNoConflicts = (evaluatorId: EvaluatorId): DeclareNoConflicts => ({
  type: 'DeclareNoConflicts',
  data: { tenderId: TENDER, evaluatorId, now: OPENED_AT },
});

export const assignBids = (evaluatorId: EvaluatorId, bidIds: BidId[] = ALL_BIDS, commissionerId: OrganisationId = ICB): AssignBids => ({
  type: 'AssignBids',
  data: { tenderId: TENDER, commissionerId, evaluatorId, bidIds, now: OPENED_AT },
});

export const score = (criterionId: CriterionId, value: number, justification = 'Evidence in section 3 of the response.'): CriterionScore => ({
  criterionId,
  score: value,
  justification,
});

export const submitScores = (evaluatorId: EvaluatorId, bidId: BidId, scores: CriterionScore[] = [score(QUALITY, 4), score(ACCESS, 3)]): SubmitScores => ({
  type: 'SubmitScores',
  data: { tenderId: TENDER, evaluatorId, bidId, scores, now: NOW },
});

export const moderate = (bidId: BidId, criterionId: CriterionId, consensusScore: number, rationale = 'Panel agreed after discussion.'): ModerateScore => ({
  type: 'ModerateScore',
  data: { tenderId: TENDER, commissionerId: ICB, bidId, criterionId, consensusScore, rationale, now: NOW },
});

export const recordCompliance = (bidId: BidId, passed: boolean, reason = passed ? 'All mandatory requirements met.' : 'No CQC registration.'): RecordComplianceCheck => ({
  type: 'RecordComplianceCheck',
  data: { tenderId: TENDER, commissionerId: ICB, bidId, passed, reason, now: NOW },
});

export const completeEvaluation = (commissionerId: OrganisationId = ICB): CompleteEvaluation => ({
  type: 'CompleteEvaluation',
  data: { tenderId: TENDER, commissionerId, now: COMPLETED_AT },
});

// Histories

/** Runs commands through the decider from the empty stream; a refusal fails the test that built the history. */
export function history(...commands: EvaluationCommand[]): EvaluationEvent[] {
  const events: EvaluationEvent[] = [];
  let state: EvaluationState = initialEvaluationState();
  for (const command of commands) {
    const produced = evaluationDecider.decide(command, state);
    events.push(...produced);
    state = produced.reduce(evolveEvaluation, state);
  }
  return events;
}

export const stateOf = (events: readonly EvaluationEvent[]): EvaluationState => events.reduce(evolveEvaluation, initialEvaluationState());

/** Consensus per bid used by the full scenario: practice 4/3, federation 5/4, company 3/5 (quality/access). */
export const CONSENSUS: Record<string, [number, number]> = {
  [BID_PRACTICE]: [4, 3],
  [BID_FEDERATION]: [5, 4],
  [BID_COMPANY]: [3, 5],
};

/** Opened, panel of Anna and Ben appointed, both declared no conflicts, each assigned every bid. */
export const panelReady = (): EvaluationCommand[] => [
  openEvaluation(),
  appointPanel(),
  declareNoConflicts(ANNA),
  declareNoConflicts(BEN),
  assignBids(ANNA),
  assignBids(BEN),
];

/** …and both evaluators scored every bid (Anna one above the consensus on quality, Ben on it). */
export const allScored = (): EvaluationCommand[] => [
  ...panelReady(),
  ...ALL_BIDS.flatMap((bidId) => {
    const [quality, access] = CONSENSUS[bidId]!;
    return [
      submitScores(ANNA, bidId, [score(QUALITY, Math.min(quality + 1, 5)), score(ACCESS, access)]),
      submitScores(BEN, bidId, [score(QUALITY, quality), score(ACCESS, access)]),
    ];
  }),
];

export const allModerated = (): EvaluationCommand[] => [
  ...allScored(),
  ...ALL_BIDS.flatMap((bidId) => {
    const [quality, access] = CONSENSUS[bidId]!;
    return [moderate(bidId, QUALITY, quality), moderate(bidId, ACCESS, access)];
  }),
];
