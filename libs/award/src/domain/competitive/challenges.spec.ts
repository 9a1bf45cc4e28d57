import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { bidId, organisationId } from '../ids';
import { awardDecider } from './decider';
import type { AwardEvent } from './events';
import { CH1, CH2, ICB, LOT_1, LOT_2, RANKING_1, TENDER, bid, challenge, decideAward, history, outcome, standstillOf, stateOf } from './award.fixtures';

const spec = deciderSpec(awardDecider);
const DURING = '2026-12-23T12:00:00.000Z';
const OUTCOME_AT = '2027-01-04T15:00:00.000Z';

describe('RecordChallenge', () => {
  it('lodges a representation against a lot’s award during its standstill', () => {
    spec.given(history(decideAward())).when(challenge()).then([
      {
        type: 'ChallengeLodged',
        data: {
          tenderId: TENDER,
          challengeId: CH1,
          kind: 'representation',
          by: organisationId('org-c'),
          grounds: 'The access score was misapplied.',
          against: [{ lotId: LOT_1, bidId: bidId('bid-a1') }],
          lodgedAt: DURING,
        },
      },
    ]);
  });

  it('covers every lot still in standstill when no lot is named', () => {
    spec
      .given(history(decideAward()))
      .when(challenge({ lotId: undefined, kind: 'challenge' }))
      .thenMatches(([lodged]) =>
        expect(lodged).toMatchObject({ data: { kind: 'challenge', against: [{ lotId: LOT_1, bidId: 'bid-a1' }, { lotId: LOT_2, bidId: 'bid-c2' }] } }),
      );
  });

  it('is still possible in the last instant of the standstill', () => {
    spec
      .given(history(decideAward()))
      .when(challenge({ now: '2027-01-05T23:59:59.999Z' }))
      .thenMatches((events) => expect(events).toHaveLength(1));
  });
});

describe('RecordChallengeOutcome: dismissed', () => {
  it('under PSR, stands still a further 5 working days from the day after the outcome', () => {
    spec
      .given(history(decideAward(), challenge()))
      .when(outcome())
      .then([
        { type: 'ChallengeDismissed', data: { tenderId: TENDER, challengeId: CH1, decidedBy: ICB, reasons: 'The score was applied as published.', decidedAt: OUTCOME_AT } },
        {
          type: 'StandstillExtended',
          data: {
            tenderId: TENDER,
            lotId: LOT_1,
            challengeId: CH1,
            previousEndsAt: '2027-01-06T00:00:00.000Z',
            further: { outcomeDate: '2027-01-04', workingDays: 5, lastWorkingDay: '2027-01-11', endsAt: '2027-01-12T00:00:00.000Z' },
            endsAt: '2027-01-12T00:00:00.000Z',
          },
        },
      ]);
  });

  it('never shortens the standstill when the outcome comes early (further period ends 5 Jan, standstill 6 Jan)', () => {
    spec
      .given(history(decideAward(), challenge()))
      .when(outcome({ now: DURING }))
      .thenMatches(([, extended]) =>
        expect(extended).toMatchObject({ data: { further: { lastWorkingDay: '2027-01-04', endsAt: '2027-01-05T00:00:00.000Z' }, endsAt: '2027-01-06T00:00:00.000Z' } }),
      );
  });

  it('under the Procurement Act 2023 (no further period in the profile) only records the outcome', () => {
    spec
      .given(history(decideAward({ standstill: standstillOf('pa23-open') }), challenge()))
      .when(outcome())
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['ChallengeDismissed']));
  });

  it('records the further end on the lot’s standstill', () => {
    const events = history(decideAward(), challenge(), outcome());
    const state = stateOf(events);
    if (state.status === 'none') throw new Error('fixture');
    expect(state.lots[LOT_1]!.standstill).toMatchObject({ lastWorkingDay: '2027-01-11', endsAt: '2027-01-12T00:00:00.000Z' });
    expect(state.lots[LOT_2]!.standstill).toMatchObject({ lastWorkingDay: '2027-01-05', endsAt: '2027-01-06T00:00:00.000Z' });
  });
});

describe('RecordChallengeOutcome: upheld', () => {
  it('cancels the award and, ProZorro-style, the next-ranked compliant bid becomes the pending award with a fresh standstill (the failed bid is skipped)', () => {
    spec
      .given(history(decideAward(), challenge()))
      .when(outcome({ outcome: 'upheld', reasons: 'The access score was misapplied.' }))
      .thenMatches((events) => {
        expect(events.map((e) => e.type)).toEqual(['ChallengeUpheld', 'AwardCancelled', 'AwardReassigned', 'StandstillStarted']);
        expect(events[1]).toEqual({
          type: 'AwardCancelled',
          data: { tenderId: TENDER, lotId: LOT_1, bidId: 'bid-a1', bidderId: 'org-a', challengeId: CH1, reason: 'The access score was misapplied.', cancelledAt: OUTCOME_AT },
        });
        // bid-b1 failed a pass mark, so bid-c1 (third) is next.
        expect(events[2]).toMatchObject({ data: { lotId: LOT_1, previousBidId: 'bid-a1', winner: { bidId: 'bid-c1', bidderId: 'org-c', totalScore: 80 }, noticePublishedAt: OUTCOME_AT } });
        const reassigned = events[2]!;
        if (reassigned.type !== 'AwardReassigned') throw new Error('type');
        expect(reassigned.data.assessmentSummaries.map((s) => [s.bidId, s.outcome])).toEqual([
          ['bid-a1', 'award-cancelled'],
          ['bid-b1', 'excluded'],
          ['bid-c1', 'awarded'],
          ['bid-d1', 'excluded'],
        ]);
        expect(reassigned.data.assessmentSummaries[2]!.reasons[0]).toBe('Awarded: the highest-scoring compliant bid that reached every pass mark, with 80.');
        // PSR from the day after 4 Jan: 5–8, 11–14 Jan.
        expect(events[3]).toMatchObject({ data: { lotIds: [LOT_1], noticeDate: '2027-01-04', lastWorkingDay: '2027-01-14', endsAt: '2027-01-15T00:00:00.000Z' } });
      });
  });

  it('leaves the lot unawarded when no compliant bid remains', () => {
    const upheldOnce = history(
      decideAward(),
      challenge(),
      outcome({ outcome: 'upheld' }),
      challenge({ challengeId: CH2, now: '2027-01-05T09:00:00.000Z' }),
    );
    spec
      .given(upheldOnce)
      .when(outcome({ challengeId: CH2, outcome: 'upheld', now: '2027-01-06T09:00:00.000Z' }))
      .thenMatches((events) => {
        expect(events.map((e) => e.type)).toEqual(['ChallengeUpheld', 'AwardCancelled', 'LotLeftUnawarded']);
        expect(events[1]).toMatchObject({ data: { bidId: 'bid-c1' } });
        const state = stateOf([...upheldOnce, ...events]);
        if (state.status === 'none') throw new Error('fixture');
        expect(state.lots[LOT_1]).toMatchObject({ status: 'unawarded', winner: null, cancelledBidIds: ['bid-a1', 'bid-c1'] });
      });
  });

  it('does not cancel an award the challenge was not about (the lot was reassigned since)', () => {
    const given: AwardEvent[] = history(
      decideAward(),
      challenge(),
      challenge({ challengeId: CH2, by: organisationId('org-d') }),
      outcome({ outcome: 'upheld' }),
    );
    spec
      .given(given)
      .when(outcome({ challengeId: CH2, outcome: 'upheld', now: '2027-01-05T10:00:00.000Z' }))
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['ChallengeUpheld']));
  });

  it('starts no new standstill when the profile has none', () => {
    const lots = [{ lotId: LOT_1, ranking: [bid('bid-a1', 'org-a', 90), bid('bid-c1', 'org-c', 80)], winnerBidId: bidId('bid-a1'), explanation: '' }];
    // Without a standstill nothing can be challenged here, so build the history by hand.
    const given: AwardEvent[] = [
      ...history(decideAward({ standstill: null, lots })),
      { type: 'ChallengeLodged', data: { tenderId: TENDER, challengeId: CH1, kind: 'challenge', by: organisationId('org-c'), grounds: 'g', against: [{ lotId: LOT_1, bidId: bidId('bid-a1') }], lodgedAt: DURING } },
    ];
    spec
      .given(given)
      .when(outcome({ outcome: 'upheld' }))
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['ChallengeUpheld', 'AwardCancelled', 'AwardReassigned']));
  });
});

it('fixture sanity: lot 1 ranking has a failed and a non-compliant bid', () => {
  expect(RANKING_1.map((b) => [b.compliant, b.passedPassMarks])).toEqual([
    [true, true],
    [true, false],
    [true, true],
    [false, true],
  ]);
});
