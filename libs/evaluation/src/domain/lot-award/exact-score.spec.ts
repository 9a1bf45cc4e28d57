import { formatScaled, scaleScores } from './exact-score';

describe('exact scores', () => {
  it('scales every score by one power of ten, exactly', () => {
    expect(scaleScores([84.5, 91, 0.125])).toEqual({ decimals: 3, scaled: [84500n, 91000n, 125n] });
    expect(scaleScores([1e-7, -2.5])).toEqual({ decimals: 7, scaled: [1n, -25000000n] });
    expect(scaleScores([1.5e21])).toEqual({ decimals: 0, scaled: [1500000000000000000000n] });
    expect(scaleScores([])).toEqual({ decimals: 0, scaled: [] });
  });

  it('formats scaled sums as exact decimals', () => {
    expect(formatScaled(1755n, 1)).toBe('175.5');
    expect(formatScaled(-25n, 2)).toBe('-0.25');
    expect(formatScaled(300n, 2)).toBe('3');
    expect(formatScaled(0n, 0)).toBe('0');
    expect(formatScaled(1n, 7)).toBe('0.0000001');
  });
});
