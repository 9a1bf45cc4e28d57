import type { StoredEvent } from '../event-store.port';

/** One record of ESDB's $all as a read returns it: ours, or one of ESDB's own (null) that only moves the position. */
export interface LogRecord {
  readonly position: number;
  readonly event: StoredEvent | null;
}

/**
 * One ESDB $all read: at most `maxCount` records starting AT `after` (0 = the beginning), which
 * ESDB includes; a filtered read may also return fewer records than asked before the end.
 */
export type ReadAllFrom = (after: number, maxCount: number) => AsyncIterable<LogRecord>;

export interface PagedAllOptions {
  readonly after: number;
  readonly limit?: number;
  readonly toPosition?: number;
  readonly pageSize: number;
}

/**
 * Our events strictly after `after`, paged, in log order. One more record than needed is asked
 * for because ESDB includes the record at the start; the end is a page with nothing after the
 * start (not a short page, which a filtered read may return early). Memory: one page.
 */
export async function* pagedAll(readFrom: ReadAllFrom, options: PagedAllOptions): AsyncIterable<StoredEvent> {
  const to = options.toPosition ?? Number.MAX_SAFE_INTEGER;
  let after = options.after;
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const limit = Math.min(options.pageSize, remaining);
    const events: StoredEvent[] = [];
    let lastSeen = after;
    for await (const record of readFrom(after, after === 0 ? limit : limit + 1)) {
      if (record.position <= after) continue;
      lastSeen = record.position;
      if (!record.event) continue;
      events.push(record.event);
      if (events.length === limit) break;
    }
    for (const event of events) {
      if (event.globalPosition > to) return;
      yield event;
      remaining--;
    }
    if (events.length < limit && lastSeen === after) return; // nothing after the start: the end of the log
    after = lastSeen;
  }
}
