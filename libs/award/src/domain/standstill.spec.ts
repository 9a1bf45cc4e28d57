import { procedureProfile } from '@tenderledger/tendering';
import { furtherStandstillFrom, laterOf, standstillFrom, standstillOver, type StandstillRule } from './standstill';

const rule = (id: 'pa23-open' | 'psr-competitive'): StandstillRule => procedureProfile(id)!.standstill!;

// Checked by hand against the 2026/27 England and Wales bank holidays: Fri 25 Dec (Christmas), Mon 28 Dec
// (Boxing Day substitute, as 26 Dec is a Saturday), Fri 1 Jan 2027.
describe('standstill over Christmas, award notice on Monday 21 December 2026', () => {
  const notice = '2026-12-21T10:00:00.000Z';

  it('Procurement Act 2023 counts beginning with the notice day: 21–24 Dec, 29–31 Dec, 4 Jan', () => {
    expect(standstillFrom(rule('pa23-open'), notice)).toEqual({
      noticePublishedAt: notice,
      noticeDate: '2026-12-21',
      counting: 'beginning-with-notice-day',
      workingDays: 8,
      lastWorkingDay: '2027-01-04',
      endsAt: '2027-01-05T00:00:00.000Z',
    });
  });

  it('PSR counts from the day after: 22–24 Dec, 29–31 Dec, 4–5 Jan', () => {
    expect(standstillFrom(rule('psr-competitive'), notice)).toMatchObject({
      counting: 'day-after-notice',
      lastWorkingDay: '2027-01-05',
      endsAt: '2027-01-06T00:00:00.000Z',
    });
  });

  it('PSR further 5 working days after a dismissed representation count from the day after the outcome', () => {
    // Outcome Monday 4 Jan 2027: 5, 6, 7, 8, 11 Jan.
    expect(furtherStandstillFrom(5, '2027-01-04T15:00:00.000Z')).toEqual({
      outcomeDate: '2027-01-04',
      workingDays: 5,
      lastWorkingDay: '2027-01-11',
      endsAt: '2027-01-12T00:00:00.000Z',
    });
  });
});

describe('standstill in British Summer Time', () => {
  it('ends at midnight London time, which is 23:00 UTC', () => {
    // Mon 1 June 2026 beginning with: 1–5 June, 8–10 June.
    expect(standstillFrom(rule('pa23-open'), '2026-06-01T09:00:00.000Z')).toMatchObject({ lastWorkingDay: '2026-06-10', endsAt: '2026-06-10T23:00:00.000Z' });
  });

  it('reads the notice date in London: 23:30 UTC on 30 June is 1 July', () => {
    expect(standstillFrom(rule('pa23-open'), '2026-06-30T23:30:00.000Z').noticeDate).toBe('2026-07-01');
  });
});

describe('standstill helpers', () => {
  it('is over exactly at its end instant, not a millisecond before', () => {
    expect(standstillOver('2027-01-06T00:00:00.000Z', '2027-01-05T23:59:59.999Z')).toBe(false);
    expect(standstillOver('2027-01-06T00:00:00.000Z', '2027-01-06T00:00:00.000Z')).toBe(true);
  });

  it('never lets a further period shorten the one already running', () => {
    expect(laterOf('2027-01-06T00:00:00.000Z', '2027-01-05T00:00:00.000Z')).toBe('2027-01-06T00:00:00.000Z');
    expect(laterOf('2027-01-06T00:00:00.000Z', '2027-01-12T00:00:00.000Z')).toBe('2027-01-12T00:00:00.000Z');
  });
});
