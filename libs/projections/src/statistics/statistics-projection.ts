import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '../runtime/projection';
import { FactBook } from './fact-book';
import type { StatisticsFacts } from './facts';
import { AWARD_EVENT_TYPES, recordAward } from './recorders/award';
import { BIDDING_EVENT_TYPES, recordBidding } from './recorders/bidding';
import { recordRegistry, REGISTRY_EVENT_TYPES } from './recorders/registry';
import { recordTendering, TENDERING_EVENT_TYPES } from './recorders/tendering';
import { computeTurnover, type TurnoverReport } from './turnover';
import type { TurnoverFilter } from './scope';

type Recorder = (book: FactBook, event: StoredEvent) => void;

const RECORDERS: readonly (readonly [readonly string[], Recorder])[] = [
  [REGISTRY_EVENT_TYPES, recordRegistry],
  [TENDERING_EVENT_TYPES, recordTendering],
  [BIDDING_EVENT_TYPES, recordBidding],
  [AWARD_EVENT_TYPES, recordAward],
];

/** Every event type a statistics fact is recorded from. */
export const STATISTICS_EVENT_TYPES: readonly string[] = RECORDERS.flatMap(([types]) => types);

const RECORDER_OF = new Map<string, Recorder>(RECORDERS.flatMap(([types, recorder]) => types.map((type) => [type, recorder] as const)));

/** Records what one event says into the fact book (the fold the in-memory and the SQL read models share). */
export function recordStatistics(book: FactBook, event: StoredEvent): void {
  RECORDER_OF.get(event.type)?.(book, event);
}

/**
 * Read model for the turnover statistics (DESIGN §7): keeps compact facts per organisation,
 * contract, tender, bid, award and challenge, and computes the figures on request, so any year
 * and filter can be asked without a table per combination.
 *
 * This in-memory form is for folding a history at hand (tests, tools); the platform keeps the same
 * facts in SQL, checkpointed (`TurnoverFactsSqlProjection`), and computes the figures from them.
 */
export class TurnoverStatistics implements Projection {
  readonly name = 'turnover-statistics';
  readonly handles: readonly string[] = STATISTICS_EVENT_TYPES;
  private readonly book = new FactBook();

  apply(event: StoredEvent): void {
    recordStatistics(this.book, event);
  }

  get facts(): StatisticsFacts {
    return this.book;
  }

  turnover(filter: TurnoverFilter): TurnoverReport {
    return computeTurnover(this.book, filter);
  }
}
