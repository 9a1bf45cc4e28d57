/** The event store port (DESIGN §5). Every adapter passes `testing/contract.ts`. */

export type ExpectedVersion = number | 'no-stream' | 'exists' | 'any';

export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly organisationId: string | null;
}

/** What a caller hands to `append`: everything known before the commit. */
export interface NewEvent<Data = unknown> {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: Data;
  /** When it happened in the domain (from the command, never from the store's clock). */
  readonly occurredAt: Date | string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
}

export interface StoredEvent<Data = unknown> {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: number;
  /**
   * Position in the store's global order. Strictly increasing in commit-visibility order but
   * not dense (see sql/schema.ts); compare positions, never count with them.
   */
  readonly globalPosition: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly hash: string;
}

export interface AppendResult {
  /** The stream's version after the append (what to pass as expectedVersion next time). */
  readonly nextExpectedVersion: number;
  /** False when every eventId was already in the stream: an idempotent retry, nothing written. */
  readonly appended: boolean;
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
  readonly lastHash: string;
}

/** Optional hints for `append`; a store may ignore them, and a wrong hint never changes what is stored. */
export interface AppendOptions {
  /**
   * The stream's last hash as the caller just read it (its last event's `hash`), given with a
   * numeric expected version. The SQL store then chains the new hashes in the client and the
   * database only compare-and-sets (version, last hash); if the hint is stale or wrong that
   * compare fails and the store falls back to chaining on the server, so the result is the same.
   */
  readonly previousHash?: string;
}

export interface ReadStreamOptions {
  /** First version to read (inclusive, default 1). */
  readonly fromVersion?: number;
  /** Last version to read (inclusive). */
  readonly toVersion?: number;
  /** Page size of the underlying reads; memory stays bounded by it. */
  readonly pageSize?: number;
  /** Skip upcasting: what is stored, byte for byte (used by verification). */
  readonly raw?: boolean;
}

export interface ReadAllOptions {
  /**
   * Read events strictly after this position (default 0: from the beginning). Only 0 or a position
   * the store gave out (an event's globalPosition, a checkpoint, headPosition()) is a valid start.
   */
  readonly fromPosition?: number;
  /** Stop after this many events. */
  readonly limit?: number;
  /** Read only events at or below this position ("as of" replays). */
  readonly toPosition?: number;
  readonly pageSize?: number;
  readonly raw?: boolean;
}

export interface SubscriptionOptions {
  /** Deliver events strictly after this checkpoint (the consumer stores it). */
  readonly fromPosition?: number;
  /** Only events whose type or stream matches. Non-matching events still advance the checkpoint. */
  readonly filter?: (event: StoredEvent) => boolean;
  readonly pageSize?: number;
  /** How often to look for new events when caught up and nothing woke us earlier. */
  readonly pollIntervalMs?: number;
}

export type EventHandler = (event: StoredEvent) => Promise<void> | void;

export interface Subscription {
  /** Resolves once the subscription has caught up with what was committed when it started. */
  readonly caughtUp: Promise<void>;
  /** The position of the last event handed to (or skipped past for) the handler. */
  readonly position: () => number;
  stop(): Promise<void>;
}

export interface StreamHead {
  readonly version: number;
  readonly lastHash: string;
}

export interface EventStore {
  /** Which adapter this is: 'pglite' | 'postgres' | 'eventstoredb'. */
  readonly kind: string;
  append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion, options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  subscribe(handler: EventHandler, options?: SubscriptionOptions): Subscription;
  /** The stream's current version and last hash, or null when it does not exist. */
  streamHead(streamId: string): Promise<StreamHead | null>;
  /** Ids of all streams, paged (verification walks them). */
  streamIds(pageSize?: number): AsyncIterable<string>;
  /** The highest position a reader may safely see now (gap-safe horizon). */
  headPosition(): Promise<number>;
  /** Cheap liveness check for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
