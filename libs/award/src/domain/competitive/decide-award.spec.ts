import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { bidId } from '../ids';
import { awardDecider } from './decider';
import type { AwardDecided, AwardEvent } from './events';
import { DECIDED_AT, ICB, LOT_1, LOT_2, OLD_CONTRACT, RANKING_1, RANKING_2, TENDER, bid, decideAward, standstillOf } from './award.fixtures';

const spec = deciderSpec(awardDecider);
const decided = (events: AwardEvent[]): AwardDecided['data'] => {
  const first = events[0];
  if (first?.type !== 'AwardDecided') throw new Error('expected AwardDecided first');
  return first.data;
};

describe('DecideAward', () => {
  it('decides each lot, publishes the notice and starts the PSR standstill from the day after', () => {
    spec
      .given([])
      .when(decideAward())
      .thenMatches((events) => {
        expect(events.map((e) => e.type)).toEqual(['AwardDecided', 'StandstillStarted']);
        const data = decided(events);
        expect(data).toMatchObject({
          tenderId: TENDER,
          commissionerId: ICB,
          decidedAt: DECIDED_AT,
          noticePublishedAt: DECIDED_AT,
          standstillRule: { workingDays: 8, counting: 'day-after-notice', furtherDaysAfterRepresentations: 5 },
          contractTerm: { startDate: '2027-04-01', endDate: '2032-03-31' },
        });
        expect(data.lots.map((l) => [l.lotId, l.winner.bidId, l.replacesContractId])).toEqual([
          [LOT_1, 'bid-a1', OLD_CONTRACT],
          [LOT_2, 'bid-c2', null],
        ]);
        expect(events[1]).toEqual({
          type: 'StandstillStarted',
          data: {
            tenderId: TENDER,
            lotIds: [LOT_1, LOT_2],
            noticePublishedAt: DECIDED_AT,
            noticeDate: '2026-12-21',
            counting: 'day-after-notice',
            workingDays: 8,
            lastWorkingDay: '2027-01-05',
            endsAt: '2027-01-06T00:00:00.000Z',
          },
        });
      });
  });

  it('counts a Procurement Act 2023 standstill beginning with the notice day, as its profile says', () => {
    spec
      .given([])
      .when(decideAward({ standstill: standstillOf('pa23-open') }))
      .thenMatches(([, started]) => expect(started).toMatchObject({ data: { counting: 'beginning-with-notice-day', lastWorkingDay: '2027-01-04', endsAt: '2027-01-05T00:00:00.000Z' } }));
  });

  it('starts no standstill when the profile has none, so conclusion may follow at once', () => {
    spec
      .given([])
      .when(decideAward({ standstill: null }))
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['AwardDecided']));
  });

  it('gives every bidder an assessment summary: its scores, the winner’s and why it did or did not win', () => {
    spec
      .given([])
      .when(decideAward())
      .thenMatches((events) => {
        const [lot1] = decided(events).lots;
        const winnerScores = { totalScore: 88, qualityPoints: 52.8, pricePoints: 35.2 };
        expect(lot1!.assessmentSummaries).toEqual([
          {
            bidId: 'bid-a1',
            bidderId: 'org-a',
            bidderName: 'org-a practice',
            rank: 1,
            outcome: 'awarded',
            scores: winnerScores,
            winnerScores,
            reasons: ['Awarded: the highest-scoring compliant bid that reached every pass mark, with 88.', 'Strong access plan.'],
          },
          {
            bidId: 'bid-b1',
            bidderId: 'org-b',
            bidderName: 'org-b practice',
            rank: 2,
            outcome: 'excluded',
            scores: { totalScore: 84, qualityPoints: 50.4, pricePoints: 33.6 },
            winnerScores,
            reasons: [
              "Not awarded: it did not reach a pass mark, so it could not win; it scored 84 against the winning bid's 88 (quality 50.4 against 52.8; price 33.6 against 35.2).",
              'Below the pass mark on safeguarding.',
            ],
          },
          {
            bidId: 'bid-c1',
            bidderId: 'org-c',
            bidderName: 'org-c practice',
            rank: 3,
            outcome: 'not-awarded',
            scores: { totalScore: 80, qualityPoints: 48, pricePoints: 32 },
            winnerScores,
            reasons: ["Not awarded: it scored 80 against the winning bid's 88 (quality 48 against 52.8; price 32 against 35.2)."],
          },
          {
            bidId: 'bid-d1',
            bidderId: 'org-d',
            bidderName: 'org-d practice',
            rank: 4,
            outcome: 'excluded',
            scores: { totalScore: 75, qualityPoints: 45, pricePoints: 30 },
            winnerScores,
            reasons: [
              "Not awarded: it did not meet the tender's mandatory requirements, so it could not win; it scored 75 against the winning bid's 88 (quality 45 against 52.8; price 30 against 35.2).",
            ],
          },
        ]);
      });
  });

  it('explains an optimiser award that is not the top bid (lot limit) to the winner and to the higher-scoring bidder', () => {
    const explanation = 'org-c reached the tender limit of one lot, so lot south goes to the next-ranked bid.';
    spec
      .given([])
      .when(decideAward({ lots: [{ lotId: LOT_2, ranking: RANKING_2, winnerBidId: bidId('bid-a2'), explanation }] }))
      .thenMatches((events) => {
        const [summaryC, summaryA] = decided(events).lots[0]!.assessmentSummaries;
        expect(summaryA!.outcome).toBe('awarded');
        expect(summaryA!.reasons[0]).toBe(`Awarded with 70 under the tender's lot award rule: ${explanation}`);
        expect(summaryC!.outcome).toBe('not-awarded');
        expect(summaryC!.reasons[0]).toMatch(/^Not awarded although it scored 90 against the winning bid's 70 .*: org-c reached the tender limit/);
      });
  });

  it('records the winner’s value from its bid and trims the decision-makers', () => {
    spec
      .given([])
      .when(decideAward({ decisionMakers: [{ name: '  Dr Ada Okafor ', role: ' Director ' }], lots: [{ lotId: LOT_1, ranking: [bid('bid-x', 'org-x', 60)], winnerBidId: bidId('bid-x'), explanation: '' }] }))
      .thenMatches((events) => {
        const data = decided(events);
        expect(data.decisionMakers).toEqual([{ name: 'Dr Ada Okafor', role: 'Director' }]);
        expect(data.lots[0]!.winner).toEqual({ bidId: 'bid-x', bidderId: 'org-x', bidderName: 'org-x practice', annualValuePence: 100_060_000, totalScore: 60, qualityPoints: 36, pricePoints: 24 });
      });
  });

  it('keeps the ranking on record so a cancelled award can pass down it', () => {
    spec
      .given([])
      .when(decideAward())
      .thenMatches((events) => expect(decided(events).lots.map((l) => l.ranking)).toEqual([RANKING_1, RANKING_2]));
  });
});
