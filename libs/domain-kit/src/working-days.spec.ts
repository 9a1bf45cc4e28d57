import { englandAndWales, londonDate } from './working-days';

describe('England and Wales working-day calendar', () => {
  it('knows weekends and the 2026 Christmas bank holidays, substitute day included', () => {
    expect(englandAndWales.isWorkingDay('2026-12-24')).toBe(true);
    expect(englandAndWales.isWorkingDay('2026-12-25')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-12-26')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-12-28')).toBe(false); // Boxing Day falls on a Saturday: substitute Monday
    expect(englandAndWales.isWorkingDay('2027-01-01')).toBe(false);
    expect(englandAndWales.isWorkingDay('2027-01-04')).toBe(true);
  });

  // Counted by hand: notice on Monday 21 December 2026.
  // Beginning with the notice day: 21, 22, 23, 24, 29, 30, 31 Dec, 4 Jan → 8 working days end on 4 January.
  // From the day after: 22, 23, 24, 29, 30, 31 Dec, 4, 5 Jan → end on 5 January.
  it('counts 8 working days across Christmas both ways', () => {
    expect(englandAndWales.lastWorkingDay('2026-12-21', 8, 'beginning-with-notice-day')).toBe('2027-01-04');
    expect(englandAndWales.lastWorkingDay('2026-12-21', 8, 'day-after-notice')).toBe('2027-01-05');
  });

  it('does not count a notice published on a non-working day as day 1', () => {
    // Saturday 6 June 2026: days are Mon 8 … Wed 17.
    expect(englandAndWales.lastWorkingDay('2026-06-06', 8, 'beginning-with-notice-day')).toBe('2026-06-17');
  });

  it('ends a period at midnight London time, in winter and in summer', () => {
    expect(englandAndWales.endOfDay('2027-01-04')).toBe('2027-01-05T00:00:00.000Z');
    expect(englandAndWales.endOfDay('2026-06-17')).toBe('2026-06-17T23:00:00.000Z');
  });

  it('reads the date in England of an instant', () => {
    expect(londonDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(londonDate('2026-12-31T23:30:00Z')).toBe('2026-12-31');
  });
});
