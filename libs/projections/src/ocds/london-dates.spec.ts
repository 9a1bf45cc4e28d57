import { londonDayEnd, londonDayStart } from './london-dates';

describe('London calendar dates as OCDS date-times', () => {
  it('uses GMT in winter and BST in summer', () => {
    expect(londonDayStart('2027-01-15')).toBe('2027-01-15T00:00:00+00:00');
    expect(londonDayStart('2027-04-01')).toBe('2027-04-01T00:00:00+01:00');
    expect(londonDayEnd('2032-03-31')).toBe('2032-03-31T23:59:59+01:00');
  });
});
