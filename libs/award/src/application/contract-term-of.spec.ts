import { contractTermOf } from './contract-term-of';

describe('contractTermOf: the tender’s term as the register’s dates', () => {
  it('ends a term in months the day before the same day that many months on', () => {
    expect(contractTermOf({ startDate: '2027-04-01', months: 60 })).toEqual({ startDate: '2027-04-01', endDate: '2032-03-31' });
    expect(contractTermOf({ startDate: '2026-07-01', months: 12 })).toEqual({ startDate: '2026-07-01', endDate: '2027-06-30' });
  });

  it('reads timestamps as dates in England (23:30 UTC in summer is already the next day)', () => {
    expect(contractTermOf({ startDate: '2027-06-30T23:30:00Z', endDate: '2030-06-30' })).toEqual({ startDate: '2027-07-01', endDate: '2030-06-30' });
  });
});
