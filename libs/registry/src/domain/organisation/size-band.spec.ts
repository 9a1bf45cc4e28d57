import { DEFAULT_SIZE_THRESHOLDS, sizeBand } from './size-band';

describe('sizeBand', () => {
  it.each([
    [{ listSize: 9_999 }, 'small'],
    [{ listSize: 10_000 }, 'medium'],
    [{ listSize: 29_999 }, 'medium'],
    [{ listSize: 30_000 }, 'large'],
    [{ staff: 24 }, 'small'],
    [{ staff: 25 }, 'medium'],
    [{ staff: 100 }, 'large'],
  ] as const)('bands %j as %s at the thresholds', (measures, band) => {
    expect(sizeBand(measures)).toBe(band);
  });

  it('takes the larger band when list size and staff disagree', () => {
    expect(sizeBand({ listSize: 50_000, staff: 10 })).toBe('large');
    expect(sizeBand({ listSize: 5_000, staff: 40 })).toBe('medium');
  });

  it('says nothing (null) when neither measure is stated', () => {
    expect(sizeBand({})).toBeNull();
    expect(sizeBand({ listSize: null, staff: null })).toBeNull();
  });

  it('uses thresholds given by the caller', () => {
    const thresholds = { ...DEFAULT_SIZE_THRESHOLDS, small: { listSize: 5_000, staff: 25 } };
    expect(sizeBand({ listSize: 6_000 }, thresholds)).toBe('medium');
  });
});
