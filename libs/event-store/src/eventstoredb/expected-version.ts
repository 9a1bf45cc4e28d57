import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedVersion } from '../event-store.port';
import { InvalidEventError } from '../errors';

/*
 * Our stream versions are 1-based (the first event is version 1, "version 0" = no events yet);
 * EventStoreDB revisions are 0-based (the first event is revision 0). So version v ⇔ revision v − 1,
 * and expecting version 0 is expecting no stream.
 */

/** Our version of the event at an ESDB revision. */
export const versionOfRevision = (revision: bigint): number => Number(revision) + 1;

/** The ESDB revision of our version (≥ 1). */
export const revisionOfVersion = (version: number): bigint => BigInt(version - 1);

/** The caller's expectation in ESDB's terms: number → revision, 'no-stream' → NO_STREAM, 'exists' → STREAM_EXISTS, 'any' → ANY. */
export function toStreamState(expected: ExpectedVersion): AppendStreamState {
  if (typeof expected === 'number') {
    if (!Number.isInteger(expected) || expected < 0) throw new InvalidEventError(`expected version must be a whole number ≥ 0, got ${expected}`);
    return expected === 0 ? NO_STREAM : revisionOfVersion(expected);
  }
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
  }
  throw new InvalidEventError(`expected version must be a number, 'no-stream', 'exists' or 'any', got ${String(expected)}`);
}

/**
 * What the append actually sends. The hashes were chained from the head we read, so the write must
 * land exactly on that head whatever the caller expected: with 'any' or 'exists' we send the
 * revision we read (a concurrent writer then fails us instead of forking the chain, and we read
 * again); with a number or 'no-stream' the caller's own expectation already pins the head.
 */
export function appendGuard(expected: ExpectedVersion, headVersion: number | null): AppendStreamState {
  if (expected === 'any' || expected === 'exists') return headVersion === null ? NO_STREAM : revisionOfVersion(headVersion);
  return toStreamState(expected);
}

/** Whether the head we read satisfies the caller (the same rule as the SQL adapter's). */
export function satisfies(expected: ExpectedVersion, headVersion: number | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return headVersion === null;
  if (expected === 'exists') return headVersion !== null;
  return (headVersion ?? 0) === expected;
}

/** ESDB's "actual state" in a WrongExpectedVersion, as our version (null: no stream). */
export function versionOfCurrentState(actual: CurrentStreamState | undefined): number | null {
  return typeof actual === 'bigint' && actual >= 0n ? versionOfRevision(actual) : null;
}
