import { START, type Position, type ReadPosition } from '@kurrent/kurrentdb-client';

/*
 * Our globalPosition on EventStoreDB is the event's commit position in the transaction log.
 *
 * - What it is: a byte offset into ESDB's log. $all is ordered by it, and the server only ever
 *   shows committed records, so the order is gap-safe by construction (one writer appends the log;
 *   a reader at P never later sees a record below P appear).
 * - Unique per event: this adapter writes with plain appends (implicit transactions), where every
 *   event is its own committed record and commit position = prepare position. Events written by
 *   legacy explicit transactions (the TCP API, removed in ESDB 24) share their transaction's commit
 *   position; we never write those, and a store holding them breaks the "strictly increasing" rule.
 * - Sparse, like the SQL adapters' positions: compare them, never count with them (two consecutive
 *   events differ by the first one's record size).
 * - A JS number is exact up to 2^53 bytes (8 PiB of log); beyond that we refuse rather than round.
 * - Opaque: a read may only start at 0 (the beginning) or at a position this store handed out (an
 *   event's globalPosition, a checkpoint, headPosition()). ESDB refuses to read $all from a byte
 *   offset in the middle of a record, so "position − 1" is not a valid place to start.
 */
export function toGlobalPosition(position: Position | undefined, what: string): number {
  if (!position) {
    throw new Error(`EventStoreDB gave no log position for ${what}: positions on stream reads need EventStoreDB 22.6 or later`);
  }
  const commit = position.commit;
  // 2^64 − 1 is how old servers say "unknown" on stream reads.
  if (commit < 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`EventStoreDB log position ${commit} of ${what} does not fit a safe JS number (or is unknown)`);
  }
  return Number(commit);
}

/** Where ESDB should start reading $all for "strictly after `after`" (it starts at, and includes, the record there). */
export function toReadPosition(after: number): ReadPosition {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`a position is a whole number ≥ 0, got ${after}`);
  if (after === 0) return START;
  const at = BigInt(after);
  return { commit: at, prepare: at };
}
