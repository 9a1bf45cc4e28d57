import { START } from '@kurrent/kurrentdb-client';
import { toGlobalPosition, toReadPosition } from './position';

describe('EventStoreDB position mapping', () => {
  it('uses the commit position as globalPosition and starts reads exactly there', () => {
    const position = { commit: 1_234_567n, prepare: 1_234_567n };
    const global = toGlobalPosition(position, 'an event');
    expect(global).toBe(1_234_567);
    expect(toReadPosition(global)).toEqual(position);
  });

  it('keeps the log order: a later commit position is a larger globalPosition', () => {
    const positions = [0n, 1n, 4_096n, 9_007_199_254_740_000n].map((commit) => toGlobalPosition({ commit, prepare: commit }, 'e'));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('reads from the beginning for position 0', () => {
    expect(toReadPosition(0)).toBe(START);
  });

  it('refuses what a JS number cannot hold exactly, an unknown position, or none at all', () => {
    expect(() => toGlobalPosition({ commit: 2n ** 53n, prepare: 2n ** 53n }, 'e')).toThrow(/safe JS number/);
    expect(() => toGlobalPosition({ commit: 2n ** 64n - 1n, prepare: 0n }, 'e')).toThrow(/unknown/);
    expect(() => toGlobalPosition(undefined, 'event x')).toThrow(/22\.6/);
    expect(toGlobalPosition({ commit: BigInt(Number.MAX_SAFE_INTEGER), prepare: 0n }, 'e')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a read position that is not a whole number ≥ 0', () => {
    expect(() => toReadPosition(-1)).toThrow(RangeError);
    expect(() => toReadPosition(1.5)).toThrow(RangeError);
  });
});
