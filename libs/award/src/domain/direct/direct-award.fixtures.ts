import { procedureProfile } from '@tenderledger/tendering';
import { challengeId, contractId, directAwardId, organisationId } from '../ids';
import type { ConcludeDirectAward, DecideDirectAward, DirectAwardCommand, RecordDirectAwardChallenge, RecordDirectAwardChallengeOutcome } from './commands';
import { directAwardDecider } from './decider';
import type { DirectAwardEvent } from './events';
import type { KeyCriteriaAssessment } from './key-criteria';
import type { DirectAwardRoute } from './routes';
import type { DirectAwardState } from './state';

export const DECISION = directAwardId('da-2026-017');
export const ICB = organisationId('org-icb');
export const INCUMBENT = organisationId('org-riverside');
export const NEWCOMER = organisationId('org-hillside');
export const INCUMBENT_CONTRACT = contractId('contract-pms-0007');
export const CH1 = challengeId('rep-1');
export const DECIDED_AT = '2026-12-21T10:00:00.000Z';
export const PSR_END = '2027-01-06T00:00:00.000Z';

export const ASSESSMENT: KeyCriteriaAssessment = {
  'quality-and-innovation': 'CQC good; patient survey above the ICB average.',
  value: 'Price unchanged in real terms; within the budget.',
  'integration-collaboration-and-service-sustainability': 'Active member of the primary care network.',
  'improving-access-reducing-health-inequalities-and-facilitating-choice': 'Extended hours and a deprived-area branch surgery.',
  'social-value': 'Local employment and apprenticeships.',
};

/** The route's own profile decides the standstill, as the application passes it. */
export const decideDirect = (route: DirectAwardRoute, data: Partial<DecideDirectAward['data']> = {}): DecideDirectAward => ({
  type: 'DecideDirectAward',
  data: {
    decisionId: DECISION,
    commissionerId: ICB,
    route,
    provider: { organisationId: INCUMBENT, name: 'Riverside Surgery' },
    incumbent: { organisationId: INCUMBENT, contractId: INCUMBENT_CONTRACT },
    keyCriteriaAssessment: ASSESSMENT,
    decisionMakers: [
      { name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' },
      { name: 'Sam Patel', role: 'Head of Contracting' },
    ],
    conflicts: [{ decisionMaker: 'Sam Patel', interest: 'Registered patient at Riverside Surgery.', handling: 'Took no part in the value assessment.' }],
    reasons: 'The incumbent is satisfying the contract and is likely to satisfy the new one.',
    contract: { startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 125_000_000 },
    standstill: procedureProfile(route)!.standstill,
    now: DECIDED_AT,
    ...data,
  },
});

export const directChallenge = (data: Partial<RecordDirectAwardChallenge['data']> = {}): RecordDirectAwardChallenge => ({
  type: 'RecordDirectAwardChallenge',
  data: { decisionId: DECISION, challengeId: CH1, kind: 'representation', by: NEWCOMER, grounds: 'We were not considered.', now: '2026-12-23T12:00:00.000Z', ...data },
});

export const directOutcome = (data: Partial<RecordDirectAwardChallengeOutcome['data']> = {}): RecordDirectAwardChallengeOutcome => ({
  type: 'RecordDirectAwardChallengeOutcome',
  data: { decisionId: DECISION, challengeId: CH1, commissionerId: ICB, outcome: 'dismissed', reasons: 'Direct award C applies.', now: '2027-01-04T15:00:00.000Z', ...data },
});

export const concludeDirect = (now: string): ConcludeDirectAward => ({ type: 'ConcludeDirectAward', data: { decisionId: DECISION, now } });

export function directHistory(...commands: DirectAwardCommand[]): DirectAwardEvent[] {
  const events: DirectAwardEvent[] = [];
  let state: DirectAwardState = directAwardDecider.initialState();
  for (const command of commands) {
    for (const event of directAwardDecider.decide(command, state)) {
      events.push(event);
      state = directAwardDecider.evolve(state, event);
    }
  }
  return events;
}

export const directStateOf = (events: DirectAwardEvent[]): DirectAwardState => events.reduce(directAwardDecider.evolve, directAwardDecider.initialState());
