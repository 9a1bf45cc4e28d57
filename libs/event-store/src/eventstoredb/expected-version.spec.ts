import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { InvalidEventError } from '../errors';
import { appendGuard, revisionOfVersion, satisfies, toStreamState, versionOfCurrentState, versionOfRevision } from './expected-version';

describe('EventStoreDB expected version mapping', () => {
  it('maps our 1-based versions onto ESDB 0-based revisions and back', () => {
    expect(toStreamState(1)).toBe(0n);
    expect(toStreamState(42)).toBe(41n);
    expect(revisionOfVersion(7)).toBe(6n);
    expect(versionOfRevision(6n)).toBe(7);
    for (const version of [1, 2, 999, 2 ** 40]) expect(versionOfRevision(revisionOfVersion(version))).toBe(version);
  });

  it("maps version 0 and 'no-stream' to NO_STREAM, 'exists' to STREAM_EXISTS, 'any' to ANY", () => {
    expect(toStreamState(0)).toBe(NO_STREAM);
    expect(toStreamState('no-stream')).toBe(NO_STREAM);
    expect(toStreamState('exists')).toBe(STREAM_EXISTS);
    expect(toStreamState('any')).toBe(ANY);
  });

  it('refuses versions that are not whole numbers ≥ 0', () => {
    expect(() => toStreamState(-1)).toThrow(InvalidEventError);
    expect(() => toStreamState(1.5)).toThrow(InvalidEventError);
    expect(() => toStreamState('latest' as never)).toThrow(InvalidEventError);
  });

  it("guards 'any' and 'exists' appends with the head that was read, so a concurrent writer fails instead of forking the chain", () => {
    expect(appendGuard('any', null)).toBe(NO_STREAM);
    expect(appendGuard('any', 5)).toBe(4n);
    expect(appendGuard('exists', 2)).toBe(1n);
    // A number or 'no-stream' already pins the head: the caller's own expectation is sent.
    expect(appendGuard(3, 3)).toBe(2n);
    expect(appendGuard('no-stream', null)).toBe(NO_STREAM);
  });

  it('decides whether a head satisfies the caller as the SQL adapter does', () => {
    expect(satisfies('any', null)).toBe(true);
    expect(satisfies('no-stream', null)).toBe(true);
    expect(satisfies('no-stream', 1)).toBe(false);
    expect(satisfies('exists', null)).toBe(false);
    expect(satisfies('exists', 1)).toBe(true);
    expect(satisfies(0, null)).toBe(true);
    expect(satisfies(2, 2)).toBe(true);
    expect(satisfies(1, 2)).toBe(false);
    expect(satisfies(3, null)).toBe(false);
  });

  it("reads ESDB's actual state in a WrongExpectedVersion as our version", () => {
    expect(versionOfCurrentState(1n)).toBe(2);
    expect(versionOfCurrentState(NO_STREAM)).toBeNull();
    expect(versionOfCurrentState(undefined)).toBeNull();
  });
});
