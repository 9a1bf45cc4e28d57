import { EventEmitter } from 'node:events';
import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  MaxAppendSizeExceededError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamHead,
  Subscription,
  SubscriptionOptions,
} from '../event-store.port';
import { ConcurrencyError, InvalidEventError, PartialDuplicateError } from '../errors';
import { toEnvelope, type PendingEnvelope } from '../envelope';
import { UpcasterRegistry, upcastStored } from '../upcasters';
import { appendGuard, revisionOfVersion, satisfies, toStreamState, versionOfCurrentState } from './expected-version';
import { chainedEventData, isSystemEvent, toStoredEvent } from './event-mapping';
import { toReadPosition } from './position';
import { catchUpSubscription } from './catch-up-subscription';
import { pagedAll, type LogRecord } from './paged-all';

export interface EventStoreDbOptions {
  readonly upcasters?: UpcasterRegistry;
  /** Events per read request; memory stays bounded by it. */
  readonly pageSize?: number;
  /**
   * How far back from a stream's end an append looks for its event ids (plus the batch's own
   * length). ESDB cannot look an event up by id, so a retry is recognised when its ids are among
   * the stream's last `idempotencyWindow + batch` events; an id older than that would be stored again.
   */
  readonly idempotencyWindow?: number;
  /** How many times an 'any' / 'exists' append re-reads the head after losing a race before giving up. */
  readonly maxRaceRetries?: number;
}

/** The stream's last events, newest first: its head and the ids an append must not repeat. */
interface Tail {
  readonly head: StreamHead | null;
  readonly ids: ReadonlySet<string>;
}

/**
 * The event store on KurrentDB / EventStoreDB (DESIGN §5), through `@kurrent/kurrentdb-client`.
 *
 * An append reads the stream's tail (its head for the hash chain, recent ids for idempotency),
 * chains the hashes exactly as the SQL adapters do, and writes with ESDB's expected revision set to
 * the head it read: a concurrent writer makes it fail rather than fork the chain. The envelope's
 * fields ESDB has no slot for travel in the event metadata (see event-mapping.ts); `globalPosition`
 * is the commit position in ESDB's log (see position.ts). ESDB has no multi-stream transactions,
 * so there is no `appendMultiple` here.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly appended = new EventEmitter();
  private readonly upcasters: UpcasterRegistry;
  private readonly pageSize: number;
  private readonly idempotencyWindow: number;
  private readonly maxRaceRetries: number;

  constructor(
    private readonly client: KurrentDBClient,
    options: EventStoreDbOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.pageSize = options.pageSize ?? 1000;
    this.idempotencyWindow = options.idempotencyWindow ?? 100;
    this.maxRaceRetries = options.maxRaceRetries ?? 20;
    this.appended.setMaxListeners(0);
  }

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    toStreamState(expectedVersion); // refuses a malformed expectation before any I/O
    const envelopes = events.map((event) => toEnvelope(streamId, event));
    const window = this.idempotencyWindow + envelopes.length;
    for (let attempt = 0; ; attempt++) {
      const tail = await this.readTail(streamId, envelopes.length === 0 ? 1 : window);
      const headVersion = tail.head?.version ?? null;
      const replay = this.replayOf(streamId, envelopes, tail);
      if (replay) return replay;
      if (!satisfies(expectedVersion, headVersion)) throw new ConcurrencyError(streamId, expectedVersion, headVersion);
      if (envelopes.length === 0) return { nextExpectedVersion: headVersion ?? 0, appended: false, firstPosition: null, lastPosition: null, lastHash: tail.head?.lastHash ?? '' };

      const base = headVersion ?? 0;
      const proposed = chainedEventData(envelopes, tail.head);
      try {
        await this.client.appendToStream(streamId, proposed.events, { streamState: appendGuard(expectedVersion, headVersion) });
      } catch (error) {
        if (error instanceof MaxAppendSizeExceededError) {
          throw new InvalidEventError(`stream ${streamId}: the append is larger than the EventStoreDB server's maximum append size (${error.maxAppendSize} bytes; raise it with --max-append-size)`);
        }
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Someone moved the stream between our read and our write. With 'any'/'exists' read the new head and chain again.
        if ((expectedVersion === 'any' || expectedVersion === 'exists') && attempt < this.maxRaceRetries) continue;
        // It may have been this very batch (a concurrent retry): then this append is a no-op.
        const now = await this.readTail(streamId, window);
        const replayNow = this.replayOf(streamId, envelopes, now);
        if (replayNow) return replayNow;
        throw new ConcurrencyError(streamId, expectedVersion, now.head?.version ?? versionOfCurrentState(error.actualState));
      }
      const [firstPosition, lastPosition] = await this.positionsOf(streamId, base + 1, base + envelopes.length);
      this.appended.emit('appended');
      return { nextExpectedVersion: base + envelopes.length, appended: true, firstPosition, lastPosition, lastHash: proposed.lastHash };
    }
  }

  /** Every id already stored: an idempotent retry. Some of them: refused, as on SQL. None: null. */
  private replayOf(streamId: string, envelopes: readonly PendingEnvelope[], tail: Tail): AppendResult | null {
    const known = envelopes.filter((envelope) => tail.ids.has(envelope.eventId)).length;
    if (known === 0) return null;
    if (known < envelopes.length) throw new PartialDuplicateError(streamId);
    return { nextExpectedVersion: tail.head!.version, appended: false, firstPosition: null, lastPosition: null, lastHash: tail.head!.lastHash };
  }

  private async readTail(streamId: string, count: number): Promise<Tail> {
    const ids = new Set<string>();
    let head: StreamHead | null = null;
    for await (const event of this.streamEvents(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: count })) {
      head ??= { version: event.streamVersion, lastHash: event.hash };
      ids.add(event.eventId);
    }
    return { head, ids };
  }

  /**
   * The log positions of the first and last event just written (the append's reply carries one
   * position only, so they are read back: two single-event reads, at once).
   */
  private async positionsOf(streamId: string, first: number, last: number): Promise<[number | null, number | null]> {
    const at = async (version: number): Promise<number | null> => {
      for await (const event of this.streamEvents(streamId, { direction: FORWARDS, fromRevision: revisionOfVersion(version), maxCount: 1 })) return event.globalPosition;
      return null;
    };
    const [a, b] = await Promise.all([at(first), first === last ? null : at(last)]);
    return [a, first === last ? a : b];
  }

  /** One ESDB stream read, mapped; a stream that does not exist reads as empty. */
  private async *streamEvents(streamId: string, options: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof END; maxCount: number }): AsyncIterable<StoredEvent> {
    try {
      for await (const resolved of this.client.readStream(streamId, options)) {
        const event = mapResolved(resolved);
        if (event) yield event;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const pageSize = options.pageSize ?? this.pageSize;
    let from = Math.max(options.fromVersion ?? 1, 1);
    const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    while (from <= to) {
      const want = Math.min(pageSize, to - from + 1);
      let got = 0;
      for await (const event of this.streamEvents(streamId, { direction: FORWARDS, fromRevision: revisionOfVersion(from), maxCount: want })) {
        got++;
        from = event.streamVersion + 1;
        yield this.reading(event, options.raw);
      }
      if (got < want) return;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const pages = pagedAll((after, maxCount) => this.allRecords(after, maxCount), {
      after: options.fromPosition ?? 0,
      limit: options.limit,
      toPosition: options.toPosition,
      pageSize: options.pageSize ?? this.pageSize,
    });
    for await (const event of pages) yield this.reading(event, options.raw);
  }

  /** One $all read from (and including) `after`; the server filters out events of system types. */
  private async *allRecords(after: number, maxCount: number): AsyncIterable<LogRecord> {
    for await (const resolved of this.client.readAll({ fromPosition: toReadPosition(after), maxCount, filter: excludeSystemEvents(), direction: FORWARDS })) {
      const event = mapResolved(resolved);
      const position = event?.globalPosition ?? (resolved.event?.position ? Number(resolved.event.position.commit) : null);
      if (position !== null) yield { position, event };
    }
  }

  subscribe(handler: EventHandler, options: SubscriptionOptions = {}): Subscription {
    return catchUpSubscription({
      handler,
      fromPosition: options.fromPosition ?? 0,
      filter: options.filter,
      head: () => this.headPosition(),
      open: (after) => {
        const subscription = this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter: excludeSystemEvents() });
        const reading = (event: StoredEvent): StoredEvent => this.reading(event, false);
        return {
          events: (async function* () {
            for await (const resolved of subscription) {
              const event = mapResolved(resolved);
              if (event) yield reading(event);
            }
          })(),
          close: () => subscription.unsubscribe(),
        };
      },
    });
  }

  async streamHead(streamId: string): Promise<StreamHead | null> {
    return (await this.readTail(streamId, 1)).head;
  }

  /**
   * Every stream once, without holding them all: a walk of $all that names a stream at its first
   * event (version 1). A stream whose first events were truncated or scavenged is not named.
   */
  async *streamIds(pageSize = this.pageSize): AsyncIterable<string> {
    for await (const event of this.readAll({ pageSize, raw: true })) {
      if (event.streamVersion === 1) yield event.streamId;
    }
  }

  /** The newest domain event's position (ESDB shows only committed records, so that is the safe horizon). */
  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1, filter: excludeSystemEvents() })) {
      const event = mapResolved(resolved);
      if (event) return event.globalPosition;
    }
    return 0;
  }

  async ping(): Promise<void> {
    for await (const _ of this.client.readAll({ maxCount: 1, deadline: 5000 })) break;
  }

  async close(): Promise<void> {
    this.appended.emit('closed');
    await this.client.dispose();
  }

  private reading(event: StoredEvent, raw: boolean | undefined): StoredEvent {
    return raw ? event : upcastStored(this.upcasters, event);
  }
}

/** Our StoredEvent for a resolved ESDB event, or null for ESDB's own (system) events. */
function mapResolved(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredEvent | null {
  const recorded = resolved.event;
  if (!recorded || isSystemEvent({ type: recorded.type, streamId: recorded.streamId })) return null;
  return toStoredEvent(recorded);
}
