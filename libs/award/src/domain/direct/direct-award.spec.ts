import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { challengeId } from '../ids';
import { directAwardDueForConclusion } from './decide-after-decision';
import { directAwardDecider } from './decider';
import type { DirectAwardDecided, DirectAwardEvent } from './events';
import { PSR_KEY_CRITERIA } from './key-criteria';
import {
  ASSESSMENT,
  CH1,
  DECIDED_AT,
  DECISION,
  ICB,
  INCUMBENT,
  INCUMBENT_CONTRACT,
  NEWCOMER,
  PSR_END,
  concludeDirect,
  decideDirect,
  directChallenge,
  directHistory,
  directOutcome,
  directStateOf,
} from './direct-award.fixtures';

const spec = deciderSpec(directAwardDecider);
const decidedData = (events: DirectAwardEvent[]): DirectAwardDecided['data'] => {
  if (events[0]?.type !== 'DirectAwardDecided') throw new Error('expected DirectAwardDecided');
  return events[0].data;
};

describe('DecideDirectAward', () => {
  it('direct award C: records the assessment, decision-makers, conflicts and reasons, publishes the intention and stands still (PSR)', () => {
    spec
      .given([])
      .when(decideDirect('psr-direct-award-c'))
      .then([
        {
          type: 'DirectAwardDecided',
          data: {
            decisionId: DECISION,
            commissionerId: ICB,
            route: 'psr-direct-award-c',
            awardProcess: 'direct-award-c',
            provider: { organisationId: INCUMBENT, name: 'Riverside Surgery' },
            incumbent: { organisationId: INCUMBENT, contractId: INCUMBENT_CONTRACT },
            incumbentRetained: true,
            keyCriteriaAssessment: PSR_KEY_CRITERIA.map((criterion) => ({ criterion, assessment: ASSESSMENT[criterion]! })),
            decisionMakers: [
              { name: 'Dr Ada Okafor', role: 'ICB Director of Primary Care' },
              { name: 'Sam Patel', role: 'Head of Contracting' },
            ],
            conflicts: [{ decisionMaker: 'Sam Patel', interest: 'Registered patient at Riverside Surgery.', handling: 'Took no part in the value assessment.' }],
            reasons: 'The incumbent is satisfying the contract and is likely to satisfy the new one.',
            contract: { startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 125_000_000 },
            standstillRule: { workingDays: 8, counting: 'day-after-notice', furtherDaysAfterRepresentations: 5 },
            decidedAt: DECIDED_AT,
          },
        },
        { type: 'IntentionNoticePublished', data: { decisionId: DECISION, route: 'psr-direct-award-c', providerId: INCUMBENT, publishedAt: DECIDED_AT } },
        {
          type: 'DirectAwardStandstillStarted',
          data: {
            decisionId: DECISION,
            noticePublishedAt: DECIDED_AT,
            noticeDate: '2026-12-21',
            counting: 'day-after-notice',
            workingDays: 8,
            lastWorkingDay: '2027-01-05',
            endsAt: PSR_END,
          },
        },
      ]);
  });

  it('direct award A and B: no standstill in their profile, so no intention notice and no standstill; no key-criteria assessment required', () => {
    for (const route of ['psr-direct-award-a', 'psr-direct-award-b'] as const) {
      spec
        .given([])
        .when(decideDirect(route, { keyCriteriaAssessment: undefined, incumbent: undefined }))
        .thenMatches((events) => {
          expect(events.map((e) => e.type)).toEqual(['DirectAwardDecided']);
          expect(decidedData(events)).toMatchObject({ route, standstillRule: null, keyCriteriaAssessment: [], incumbent: null, incumbentRetained: null });
        });
    }
  });

  it('most suitable provider: a new provider replaces the incumbent, which the statistics see as a change of provider', () => {
    spec
      .given([])
      .when(decideDirect('psr-most-suitable-provider', { provider: { organisationId: NEWCOMER, name: 'Hillside Health' } }))
      .thenMatches((events) => {
        expect(events.map((e) => e.type)).toEqual(['DirectAwardDecided', 'IntentionNoticePublished', 'DirectAwardStandstillStarted']);
        expect(decidedData(events)).toMatchObject({ awardProcess: 'most-suitable-provider', incumbentRetained: false });
      });
  });

  it('records an empty conflicts list as none declared', () => {
    spec
      .given([])
      .when(decideDirect('psr-direct-award-c', { conflicts: [] }))
      .thenMatches((events) => expect(decidedData(events).conflicts).toEqual([]));
  });
});

describe('direct award standstill, representations and conclusion', () => {
  it('concludes direct award C after the standstill: the incumbent keeps the contract', () => {
    spec.given(directHistory(decideDirect('psr-direct-award-c'))).when(concludeDirect(PSR_END)).then([
      {
        type: 'DirectAwardConcluded',
        data: {
          decisionId: DECISION,
          commissionerId: ICB,
          route: 'psr-direct-award-c',
          awardProcess: 'direct-award-c',
          providerId: INCUMBENT,
          incumbent: { organisationId: INCUMBENT, contractId: INCUMBENT_CONTRACT },
          incumbentRetained: true,
          contract: { startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 125_000_000 },
          concludedAt: PSR_END,
        },
      },
    ]);
  });

  it('concludes direct award A at once (no standstill), and is idempotent afterwards', () => {
    const decided = directHistory(decideDirect('psr-direct-award-a'));
    spec.given(decided).when(concludeDirect(DECIDED_AT)).thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['DirectAwardConcluded']));
    spec.given(directHistory(decideDirect('psr-direct-award-a'), concludeDirect(DECIDED_AT))).when(concludeDirect('2027-01-01T00:00:00.000Z')).then([]);
  });

  it('lodges a representation during the standstill; it suspends conclusion until its outcome', () => {
    spec.given(directHistory(decideDirect('psr-direct-award-c'))).when(directChallenge()).then([
      { type: 'DirectAwardChallengeLodged', data: { decisionId: DECISION, challengeId: CH1, kind: 'representation', by: NEWCOMER, grounds: 'We were not considered.', lodgedAt: '2026-12-23T12:00:00.000Z' } },
    ]);
    const challenged = directStateOf(directHistory(decideDirect('psr-direct-award-c'), directChallenge()));
    expect(directAwardDueForConclusion(challenged, '2027-02-01T00:00:00.000Z')).toBe(false);
  });

  it('dismissed: a further 5 working days from the day after the outcome before conclusion', () => {
    const given = directHistory(decideDirect('psr-direct-award-c'), directChallenge());
    spec
      .given(given)
      .when(directOutcome())
      .then([
        { type: 'DirectAwardChallengeDismissed', data: { decisionId: DECISION, challengeId: CH1, decidedBy: ICB, reasons: 'Direct award C applies.', decidedAt: '2027-01-04T15:00:00.000Z' } },
        {
          type: 'DirectAwardStandstillExtended',
          data: {
            decisionId: DECISION,
            challengeId: CH1,
            previousEndsAt: PSR_END,
            further: { outcomeDate: '2027-01-04', workingDays: 5, lastWorkingDay: '2027-01-11', endsAt: '2027-01-12T00:00:00.000Z' },
            endsAt: '2027-01-12T00:00:00.000Z',
          },
        },
      ]);
    const afterOutcome = directHistory(decideDirect('psr-direct-award-c'), directChallenge(), directOutcome());
    expect(directAwardDueForConclusion(directStateOf(afterOutcome), '2027-01-11T23:00:00.000Z')).toBe(false);
    expect(directAwardDueForConclusion(directStateOf(afterOutcome), '2027-01-12T00:00:00.000Z')).toBe(true);
    spec.given(afterOutcome).when(concludeDirect('2027-01-12T00:00:00.000Z')).thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('upheld: the decision is cancelled (there is no ranking to fall back on) and cannot be concluded', () => {
    const given = directHistory(decideDirect('psr-most-suitable-provider'), directChallenge());
    spec
      .given(given)
      .when(directOutcome({ outcome: 'upheld', reasons: 'Hillside was not assessed.' }))
      .then([
        { type: 'DirectAwardChallengeUpheld', data: { decisionId: DECISION, challengeId: CH1, decidedBy: ICB, reasons: 'Hillside was not assessed.', decidedAt: '2027-01-04T15:00:00.000Z' } },
        { type: 'DirectAwardCancelled', data: { decisionId: DECISION, challengeId: CH1, reason: 'Hillside was not assessed.', cancelledAt: '2027-01-04T15:00:00.000Z' } },
      ]);
    const cancelled = directStateOf(directHistory(decideDirect('psr-most-suitable-provider'), directChallenge(), directOutcome({ outcome: 'upheld' })));
    expect(cancelled.status).toBe('cancelled');
    expect(directAwardDueForConclusion(cancelled, '2027-03-01T00:00:00.000Z')).toBe(false);
  });

  it('a second upheld challenge on a cancelled decision records only its outcome', () => {
    const given = directHistory(
      decideDirect('psr-direct-award-c'),
      directChallenge(),
      directChallenge({ challengeId: challengeId('rep-2') }),
      directOutcome({ outcome: 'upheld' }),
    );
    spec.given(given).when(directOutcome({ challengeId: challengeId('rep-2'), outcome: 'upheld' })).thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['DirectAwardChallengeUpheld']));
  });
});
