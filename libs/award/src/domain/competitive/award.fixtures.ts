import { procedureProfile, type ProcedureProfileId } from '@tenderledger/tendering';
import { bidId, challengeId, lotId, organisationId, tenderId, contractId } from '../ids';
import type { StandstillRule } from '../standstill';
import { awardDecider } from './decider';
import type { AwardCommand, DecideAward, RankedBid, RecordChallenge, RecordChallengeOutcome } from './commands';
import type { AwardEvent } from './events';
import type { AwardState } from './state';

export const TENDER = tenderId('tender-riverside');
export const ICB = organisationId('org-icb');
export const OTHER_ICB = organisationId('org-other-icb');
export const LOT_1 = lotId('lot-north');
export const LOT_2 = lotId('lot-south');
export const OLD_CONTRACT = contractId('contract-apms-0042');
export const CH1 = challengeId('challenge-1');
export const CH2 = challengeId('challenge-2');

/** Monday 21 December 2026, 10:00 in London (GMT): the award notice goes out over Christmas. */
export const DECIDED_AT = '2026-12-21T10:00:00.000Z';

/** The standstill rule as the real procedure profile holds it: tests read the data, as the application does. */
export const standstillOf = (profile: ProcedureProfileId): StandstillRule | null => {
  const found = procedureProfile(profile);
  if (!found) throw new Error(`no profile ${profile}`);
  return found.standstill;
};

export const bid = (id: string, bidder: string, totalScore: number, extra: Partial<RankedBid> = {}): RankedBid => ({
  bidId: bidId(id),
  bidderId: organisationId(bidder),
  bidderName: `${bidder} practice`,
  totalScore,
  qualityPoints: Math.round(totalScore * 0.6 * 10) / 10,
  pricePoints: Math.round(totalScore * 0.4 * 10) / 10,
  annualValuePence: 100_000_000 + totalScore * 1_000,
  compliant: true,
  passedPassMarks: true,
  feedback: [],
  ...extra,
});

/** Lot 1: A wins; B failed a pass mark; C is next compliant; D non-compliant. */
export const RANKING_1: RankedBid[] = [
  bid('bid-a1', 'org-a', 88, { feedback: ['Strong access plan.'] }),
  bid('bid-b1', 'org-b', 84, { passedPassMarks: false, feedback: ['Below the pass mark on safeguarding.'] }),
  bid('bid-c1', 'org-c', 80),
  bid('bid-d1', 'org-d', 75, { compliant: false }),
];
export const RANKING_2: RankedBid[] = [bid('bid-c2', 'org-c', 90), bid('bid-a2', 'org-a', 70)];

export const decideAward = (data: Partial<DecideAward['data']> = {}): DecideAward => ({
  type: 'DecideAward',
  data: {
    tenderId: TENDER,
    commissionerId: ICB,
    standstill: standstillOf('psr-competitive'),
    lots: [
      { lotId: LOT_1, ranking: RANKING_1, winnerBidId: bidId('bid-a1'), explanation: '', replacesContractId: OLD_CONTRACT },
      { lotId: LOT_2, ranking: RANKING_2, winnerBidId: bidId('bid-c2'), explanation: '' },
    ],
    contractTerm: { startDate: '2027-04-01', endDate: '2032-03-31' },
    decisionMakers: [{ name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' }],
    reasons: 'Highest-scoring compliant bids under the published criteria.',
    now: DECIDED_AT,
    ...data,
  },
});

export const challenge = (data: Partial<RecordChallenge['data']> = {}): RecordChallenge => ({
  type: 'RecordChallenge',
  data: { tenderId: TENDER, challengeId: CH1, kind: 'representation', lotId: LOT_1, by: organisationId('org-c'), grounds: 'The access score was misapplied.', now: '2026-12-23T12:00:00.000Z', ...data },
});

export const outcome = (data: Partial<RecordChallengeOutcome['data']> = {}): RecordChallengeOutcome => ({
  type: 'RecordChallengeOutcome',
  data: { tenderId: TENDER, challengeId: CH1, commissionerId: ICB, outcome: 'dismissed', reasons: 'The score was applied as published.', now: '2027-01-04T15:00:00.000Z', ...data },
});

export const conclude = (now: string): AwardCommand => ({ type: 'ConcludeContract', data: { tenderId: TENDER, now } });

/** Runs commands through the decider, so a `given` history is what the decider really emits. */
export function history(...commands: AwardCommand[]): AwardEvent[] {
  const events: AwardEvent[] = [];
  let state: AwardState = awardDecider.initialState();
  for (const command of commands) {
    for (const event of awardDecider.decide(command, state)) {
      events.push(event);
      state = awardDecider.evolve(state, event);
    }
  }
  return events;
}

export const stateOf = (events: AwardEvent[]): AwardState => events.reduce(awardDecider.evolve, awardDecider.initialState());
