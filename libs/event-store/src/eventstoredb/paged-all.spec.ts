import type { StoredEvent } from '../event-store.port';
import { collect } from '../testing/contract';
import { pagedAll, type LogRecord, type ReadAllFrom } from './paged-all';

const ours = (position: number): LogRecord => ({ position, event: { globalPosition: position, type: `E${position}` } as StoredEvent });
const system = (position: number): LogRecord => ({ position, event: null });

/**
 * A log read the way ESDB reads $all: from a record's position, including that record, at most
 * `maxCount` records; `shortAfter` makes a read stop early (as a filtered read may) although more follow.
 */
function esdbLike(log: readonly LogRecord[], shortAfter = Number.POSITIVE_INFINITY, inclusive = true): ReadAllFrom & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  const read = async function* (after: number, maxCount: number): AsyncIterable<LogRecord> {
    reads.push([after, maxCount]);
    if (after !== 0 && !log.some((r) => r.position === after)) throw new Error(`invalid position ${after}: not a record boundary`);
    const from = after === 0 ? 0 : log.findIndex((r) => r.position === after) + (inclusive ? 0 : 1);
    yield* log.slice(from, from + Math.min(maxCount, shortAfter));
  };
  return Object.assign(read, { reads });
}

// Positions are byte offsets: sparse, increasing. System records sit between ours.
const log = [ours(100), system(180), ours(260), ours(390), system(400), system(470), ours(555), ours(700), system(820), ours(900)];
const positions = (events: StoredEvent[]): number[] => events.map((e) => e.globalPosition);

describe('paged $all reads over ESDB semantics', () => {
  it('reads every event of ours in log order, skipping ESDB’s own, whatever the page size', async () => {
    for (const pageSize of [1, 2, 3, 1000]) {
      expect(positions(await collect(pagedAll(esdbLike(log), { after: 0, pageSize })))).toEqual([100, 260, 390, 555, 700, 900]);
    }
  });

  it('reads strictly after a position it handed out (ESDB includes the start record: it is not repeated)', async () => {
    expect(positions(await collect(pagedAll(esdbLike(log), { after: 260, pageSize: 2 })))).toEqual([390, 555, 700, 900]);
    expect(positions(await collect(pagedAll(esdbLike(log), { after: 900, pageSize: 2 })))).toEqual([]);
  });

  it('gives the same answer if a server started reads after the record rather than at it', async () => {
    for (const pageSize of [1, 2, 5]) {
      expect(positions(await collect(pagedAll(esdbLike(log, Number.POSITIVE_INFINITY, false), { after: 100, pageSize })))).toEqual([260, 390, 555, 700, 900]);
    }
  });

  it('honours limit and toPosition', async () => {
    expect(positions(await collect(pagedAll(esdbLike(log), { after: 100, limit: 2, pageSize: 1 })))).toEqual([260, 390]);
    expect(positions(await collect(pagedAll(esdbLike(log), { after: 0, toPosition: 555, pageSize: 2 })))).toEqual([100, 260, 390, 555]);
  });

  it('does not stop at a short page before the end of the log', async () => {
    expect(positions(await collect(pagedAll(esdbLike(log, 2), { after: 0, pageSize: 4 })))).toEqual([100, 260, 390, 555, 700, 900]);
  });

  it('moves past a page holding only ESDB records, restarting at a record boundary every time', async () => {
    const reader = esdbLike(log);
    expect(positions(await collect(pagedAll(reader, { after: 390, pageSize: 1 })))).toEqual([555, 700, 900]);
    for (const [after] of reader.reads) expect(after === 0 || log.some((r) => r.position === after)).toBe(true);
  });

  it('a full page needs no extra read; the end costs one read that finds nothing new', async () => {
    const plain = [ours(10), ours(20), ours(30), ours(40)];
    const reader = esdbLike(plain);
    expect(positions(await collect(pagedAll(reader, { after: 0, limit: 3, pageSize: 3 })))).toEqual([10, 20, 30]);
    expect(reader.reads).toEqual([[0, 3]]);
    const toEnd = esdbLike(plain);
    expect(positions(await collect(pagedAll(toEnd, { after: 30, pageSize: 10 })))).toEqual([40]);
    expect(toEnd.reads).toEqual([
      [30, 11],
      [40, 11],
    ]);
  });
});
