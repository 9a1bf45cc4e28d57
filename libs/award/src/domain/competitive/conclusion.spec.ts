import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { bidId, organisationId } from '../ids';
import { dueForConclusion, lotsDueForConclusion } from './conclusion';
import { awardDecider } from './decider';
import type { AwardEvent } from './events';
import { CH1, CH2, ICB, LOT_1, LOT_2, OLD_CONTRACT, TENDER, challenge, conclude, decideAward, history, outcome, stateOf } from './award.fixtures';

const spec = deciderSpec(awardDecider);
const PSR_END = '2027-01-06T00:00:00.000Z';
const JUST_BEFORE = '2027-01-05T23:59:59.999Z';

const concluded = (lotId: typeof LOT_1, winnerBidId: string, winnerBidderId: string, annualValuePence: number, replacesContractId: typeof OLD_CONTRACT | null, now: string): AwardEvent => ({
  type: 'ContractConcluded',
  data: {
    tenderId: TENDER,
    lotId,
    commissionerId: ICB,
    winnerBidId: bidId(winnerBidId),
    winnerBidderId: organisationId(winnerBidderId),
    annualValuePence,
    startDate: '2027-04-01',
    endDate: '2032-03-31',
    replacesContractId,
    concludedAt: now,
  },
});

describe('ConcludeContract', () => {
  it('concludes every lot once the standstill has ended, with the winner, its value and the contract term', () => {
    spec.given(history(decideAward())).when(conclude(PSR_END)).then([
      concluded(LOT_1, 'bid-a1', 'org-a', 100_088_000, OLD_CONTRACT, PSR_END),
      concluded(LOT_2, 'bid-c2', 'org-c', 100_090_000, null, PSR_END),
    ]);
  });

  it('is idempotent once concluded: no events', () => {
    spec.given(history(decideAward(), conclude(PSR_END))).when(conclude('2027-01-07T09:00:00.000Z')).then([]);
  });

  it('takes a contract term from the command when the start moved', () => {
    spec
      .given(history(decideAward()))
      .when({ type: 'ConcludeContract', data: { tenderId: TENDER, now: PSR_END, contractTerm: { startDate: '2027-05-01', endDate: '2032-04-30' } } })
      .thenMatches((events) => {
        expect(events).toHaveLength(2);
        expect(events.every((e) => e.type === 'ContractConcluded' && e.data.startDate === '2027-05-01' && e.data.endDate === '2032-04-30')).toBe(true);
      });
  });

  it('concludes at once when the profile has no standstill', () => {
    spec
      .given(history(decideAward({ standstill: null })))
      .when(conclude('2026-12-21T10:00:01.000Z'))
      .thenMatches((events) => expect(events).toHaveLength(2));
  });

  it('concludes the lots no challenge holds up and leaves the challenged one pending', () => {
    spec
      .given(history(decideAward(), challenge()))
      .when(conclude(PSR_END))
      .then([concluded(LOT_2, 'bid-c2', 'org-c', 100_090_000, null, PSR_END)]);
  });

  it('concludes the challenged lot only after the further PSR standstill that follows a dismissal', () => {
    const given = history(decideAward(), challenge(), conclude(PSR_END), outcome());
    spec.given(given).when(conclude('2027-01-11T23:59:59.000Z')).thenRefuses('STANDSTILL_NOT_OVER', /2027-01-12T00:00:00.000Z/);
    spec.given(given).when(conclude('2027-01-12T00:00:00.000Z')).then([concluded(LOT_1, 'bid-a1', 'org-a', 100_088_000, OLD_CONTRACT, '2027-01-12T00:00:00.000Z')]);
  });

  it('concludes a reassigned award with the next-ranked bidder after its fresh standstill', () => {
    const given = history(decideAward(), challenge(), conclude(PSR_END), outcome({ outcome: 'upheld' }));
    spec.given(given).when(conclude('2027-01-14T12:00:00.000Z')).thenRefuses('STANDSTILL_NOT_OVER');
    spec.given(given).when(conclude('2027-01-15T00:00:00.000Z')).then([concluded(LOT_1, 'bid-c1', 'org-c', 100_080_000, OLD_CONTRACT, '2027-01-15T00:00:00.000Z')]);
  });

  it('has nothing to conclude for a lot left unawarded', () => {
    const given = history(
      decideAward(),
      challenge(),
      conclude(PSR_END),
      outcome({ outcome: 'upheld' }),
      challenge({ challengeId: CH2, now: '2027-01-05T09:00:00.000Z' }),
      outcome({ challengeId: CH2, outcome: 'upheld', now: '2027-01-06T09:00:00.000Z' }),
    );
    spec.given(given).when(conclude('2027-02-01T00:00:00.000Z')).then([]);
  });
});

describe('dueForConclusion (for the process manager)', () => {
  it('is false before anything is decided, before the end, while challenged, and once concluded; true when due', () => {
    expect(dueForConclusion(awardDecider.initialState(), PSR_END)).toBe(false);
    const decided = stateOf(history(decideAward()));
    expect(dueForConclusion(decided, JUST_BEFORE)).toBe(false);
    expect(dueForConclusion(decided, PSR_END)).toBe(true);
    const wholeTenderChallenged = stateOf(history(decideAward(), challenge({ lotId: undefined })));
    expect(dueForConclusion(wholeTenderChallenged, '2027-03-01T00:00:00.000Z')).toBe(false);
    expect(dueForConclusion(stateOf(history(decideAward(), conclude(PSR_END))), '2027-03-01T00:00:00.000Z')).toBe(false);
  });

  it('names the lots that are due', () => {
    const oneChallenged = stateOf(history(decideAward(), challenge({ challengeId: CH1 })));
    if (oneChallenged.status === 'none') throw new Error('fixture');
    expect(lotsDueForConclusion(oneChallenged, PSR_END)).toEqual([LOT_2]);
  });
});
