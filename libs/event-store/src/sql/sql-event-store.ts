import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import type {
  AppendOptions,
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
import { envelopeParts, GENESIS_HASH } from '../hash-chain';
import type { PendingEnvelope } from '../envelope';
import { envelopeFields } from '../envelope';
import { canonicalJsonView } from '../canonical-data';
import { UpcasterRegistry, upcastStored } from '../upcasters';
import { pollingSubscription } from '../subscription';
import { EVENT_COLUMNS, MAX_EVENTS_PER_APPEND, SCHEMA_SQL } from './schema';
import type { SqlExecutor } from './sql-executor';
import { IDEMPOTENCY_SCHEMA_SQL, SqlIdempotencyStore } from './sql-idempotency-store';
import type { IdempotencyStore } from '../idempotency';
import { toNumber, toStoredEvent, type EventRow } from './row-mapping';

export interface SqlEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly pageSize?: number;
  readonly pollIntervalMs?: number;
}

interface AppendRow {
  outcome: 'appended' | 'duplicate' | 'partial-duplicate' | 'conflict' | 'retry' | 'fallback';
  stream_version: string | number | null;
  first_position: string | number | null;
  last_position: string | number | null;
  last_hash: string | null;
}

/** One event: scalar parameters (tl_append_one). */
const APPEND_ONE_SQL = 'select * from tl_append_one($1, $2, $3, $4, $5::int, $6, $7, $8, $9, $10, $11, $12, $13, $14::int)';
/** Several events: one jsonb array (tl_append_json). */
const APPEND_JSON_SQL = 'select * from tl_append_json($1, $2, $3::jsonb, $4::int)';

/** Chained in the client (AppendOptions.previousHash): the database only compare-and-sets. */
const APPEND_ONE_CHAINED_SQL = 'select * from tl_append_one_chained($1, $2::bigint, $3, $4, $5, $6::int, $7, $8, $9, $10, $11, $12, $13::int)';
const APPEND_JSON_CHAINED_SQL = 'select * from tl_append_json_chained($1, $2::bigint, $3, $4, $5::int, $6::jsonb, $7::int)';
const HEX_HASH = /^[0-9a-f]{64}$/;

/** One event checked and serialised once: its canonical data and the envelope pieces around it. */
interface SerialisedEvent {
  readonly envelope: Omit<PendingEnvelope, 'data'>;
  readonly data: string;
  readonly head: string;
  readonly mid: string;
  readonly tail: string;
}

/** The SQL and its parameters for one stream's append, without the index offset (the last parameter). */
interface PreparedAppend {
  readonly text: string;
  readonly params: unknown[];
}

/** The event store over SQL, shared by the PGlite and PostgreSQL adapters. */
export class SqlEventStore implements EventStore {
  private readonly appended = new EventEmitter();
  private readonly upcasters: UpcasterRegistry;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    readonly kind: string,
    private readonly sql: SqlExecutor,
    options: SqlEventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.pageSize = options.pageSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.appended.setMaxListeners(0);
  }

  async migrate(): Promise<void> {
    await this.sql.runScript(SCHEMA_SQL + IDEMPOTENCY_SCHEMA_SQL);
  }

  /** Idempotency answers live beside the events, in the same database. */
  idempotencyStore(): IdempotencyStore {
    return new SqlIdempotencyStore(this.sql);
  }

  /**
   * The same database, for read models that keep their rows and checkpoint beside the events
   * (DESIGN §7). Adapter-internal: only projection runtimes use it.
   */
  get executor(): SqlExecutor {
    return this.sql;
  }

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion, options: AppendOptions = {}): Promise<AppendResult> {
    if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidEventError(`one append holds at most ${MAX_EVENTS_PER_APPEND} events`);
    if (events.length === 0) {
      const head = await this.streamHead(streamId);
      this.checkExpected(streamId, expectedVersion, head);
      return { nextExpectedVersion: head?.version ?? 0, appended: false, firstPosition: null, lastPosition: null, lastHash: head?.lastHash ?? '' };
    }
    checkExpectedVersion(expectedVersion);
    const serialised = events.map((event) => serialise(streamId, event));
    const chained = clientChained(streamId, serialised, expectedVersion, options.previousHash);
    if (chained) {
      const [row] = await this.sql.query<AppendRow>(chained.text, [...chained.params, 0]).catch((error: unknown) => {
        // ids already in the stream: the server path below tells a retry (no-op) from a partial duplicate
        if (isUniqueViolation(error, 'tl_events_stream_event')) return [{ outcome: 'fallback' } as AppendRow];
        throw error;
      });
      if (row!.outcome === 'appended') {
        this.appended.emit('appended');
        return appendedResult(row!);
      }
      // 'fallback': stale version, wrong hint or a retry; the server-chained path answers exactly
    }
    const prepared = serverChained(streamId, serialised, expectedVersion);
    const params = [...prepared.params, 0];
    for (;;) {
      const [row] = await this.sql.query<AppendRow>(prepared.text, params).catch((error: unknown) => {
        if (isUniqueViolation(error, 'tl_events_stream_event')) throw new PartialDuplicateError(streamId);
        throw error;
      });
      switch (row!.outcome) {
        case 'appended':
          this.appended.emit('appended');
          return appendedResult(row!);
        case 'duplicate':
          return { nextExpectedVersion: toNumber(row!.stream_version!), appended: false, firstPosition: null, lastPosition: null, lastHash: row!.last_hash! };
        case 'partial-duplicate':
          throw new PartialDuplicateError(streamId);
        case 'conflict':
          throw new ConcurrencyError(streamId, expectedVersion, row!.stream_version === null ? null : toNumber(row!.stream_version));
        case 'retry':
        case 'fallback':
          continue; // lost a race for the stream row: the next try sees the winner's version
      }
    }
  }

  /**
   * Appends to several streams in one transaction: all or nothing (a CSV import of many
   * contracts). Each stream keeps its own expected version; any mismatch rolls everything back.
   */
  async appendMultiple(batches: readonly { streamId: string; events: readonly NewEvent[]; expectedVersion: ExpectedVersion }[]): Promise<AppendResult[]> {
    const total = batches.reduce((sum, batch) => sum + batch.events.length, 0);
    if (total > MAX_EVENTS_PER_APPEND) throw new InvalidEventError(`one transaction holds at most ${MAX_EVENTS_PER_APPEND} events`);
    const prepared = batches.map((batch) => {
      checkExpectedVersion(batch.expectedVersion);
      return { batch, append: serverChained(batch.streamId, batch.events.map((event) => serialise(batch.streamId, event)), batch.expectedVersion) };
    });
    for (;;) {
      try {
        const results = await this.sql.transaction(async (query) => {
          const out: AppendResult[] = [];
          let offset = 0;
          for (const { batch, append } of prepared) {
            if (batch.events.length === 0) continue;
            const [row] = await query<AppendRow>(append.text, [...append.params, offset]);
            offset += batch.events.length;
            if (row!.outcome === 'conflict') throw new ConcurrencyError(batch.streamId, batch.expectedVersion, row!.stream_version === null ? null : toNumber(row!.stream_version));
            if (row!.outcome === 'partial-duplicate') throw new PartialDuplicateError(batch.streamId);
            if (row!.outcome === 'retry') throw new RetryAppend();
            out.push({
              nextExpectedVersion: toNumber(row!.stream_version!),
              appended: row!.outcome === 'appended',
              firstPosition: row!.first_position === null ? null : toNumber(row!.first_position),
              lastPosition: row!.last_position === null ? null : toNumber(row!.last_position),
              lastHash: row!.last_hash!,
            });
          }
          return out;
        });
        if (results.some((r) => r.appended)) this.appended.emit('appended');
        return results;
      } catch (error) {
        if (error instanceof RetryAppend) continue;
        if (isUniqueViolation(error, 'tl_events_stream_event')) throw new PartialDuplicateError(batches.map((b) => b.streamId).join(', '));
        throw error;
      }
    }
  }

  private checkExpected(streamId: string, expected: ExpectedVersion, head: StreamHead | null): void {
    const actual = head?.version ?? null;
    const ok =
      expected === 'any' ||
      (expected === 'no-stream' && actual === null) ||
      (expected === 'exists' && actual !== null) ||
      (typeof expected === 'number' && (actual ?? 0) === expected);
    if (!ok) throw new ConcurrencyError(streamId, expected, actual);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const pageSize = options.pageSize ?? this.pageSize;
    let from = options.fromVersion ?? 1;
    const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = await this.sql.query<EventRow>(
        `select ${EVENT_COLUMNS} from tl_events where stream_id = $1 and stream_version >= $2 and stream_version <= $3 order by stream_version limit $4`,
        [streamId, from, to, pageSize],
      );
      for (const row of rows) yield this.map(row, options.raw);
      if (rows.length < pageSize) return;
      from = toNumber(rows[rows.length - 1]!.stream_version) + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const pageSize = options.pageSize ?? this.pageSize;
    let after = options.fromPosition ?? 0;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    const to = options.toPosition ?? Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      const page = await this.readPage(after, Math.min(pageSize, remaining), to);
      for (const row of page) yield this.map(row, options.raw);
      if (page.length === 0) return;
      remaining -= page.length;
      after = toNumber(page[page.length - 1]!.global_position);
      if (page.length < pageSize) return;
    }
  }

  /** One page of the global order after `after`, never past the gap-safe horizon. */
  private readPage(after: number, limit: number, to: number = Number.MAX_SAFE_INTEGER): Promise<EventRow[]> {
    return this.sql.query<EventRow>(
      `select ${EVENT_COLUMNS} from tl_events where global_position > $1 and global_position <= $2 and global_position < tl_horizon() order by global_position limit $3`,
      [after, to, limit],
    );
  }

  subscribe(handler: EventHandler, options: SubscriptionOptions = {}): Subscription {
    return pollingSubscription({
      handler,
      fromPosition: options.fromPosition ?? 0,
      filter: options.filter,
      pollIntervalMs: options.pollIntervalMs ?? this.pollIntervalMs,
      readPage: async (after) => (await this.readPage(after, options.pageSize ?? this.pageSize)).map((row) => this.map(row, false)),
      wakeUps: this.appended,
    });
  }

  async streamHead(streamId: string): Promise<StreamHead | null> {
    const [row] = await this.sql.query<{ version: string | number; last_hash: string }>(
      'select version, last_hash from tl_streams where stream_id = $1',
      [streamId],
    );
    return row ? { version: toNumber(row.version), lastHash: row.last_hash } : null;
  }

  async *streamIds(pageSize = 1000): AsyncIterable<string> {
    let after = '';
    for (;;) {
      const rows = await this.sql.query<{ stream_id: string }>(
        'select stream_id from tl_streams where stream_id > $1 order by stream_id limit $2',
        [after, pageSize],
      );
      for (const row of rows) yield row.stream_id;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.stream_id;
    }
  }

  async headPosition(): Promise<number> {
    const [row] = await this.sql.query<{ head: string | number | null }>(
      'select max(global_position) as head from tl_events where global_position < tl_horizon()',
    );
    return row?.head === null || row?.head === undefined ? 0 : toNumber(row.head);
  }

  async ping(): Promise<void> {
    await this.sql.query('select 1');
  }

  async close(): Promise<void> {
    this.appended.emit('closed');
    await this.sql.close();
  }

  private map(row: EventRow, raw: boolean | undefined): StoredEvent {
    const event = toStoredEvent(row);
    return raw ? event : upcastStored(this.upcasters, event);
  }
}

function checkExpectedVersion(expectedVersion: ExpectedVersion): void {
  if (typeof expectedVersion === 'number' && (!Number.isInteger(expectedVersion) || expectedVersion < 0)) {
    throw new InvalidEventError(`expected version must be a whole number ≥ 0, got ${expectedVersion}`);
  }
}

/**
 * Checks one event and serialises it once. Its data goes as its canonical JSON, which is both
 * stored (jsonb) and hashed between the envelope's head and mid pieces, so the client neither
 * copies the data through a JSON round trip nor sends it twice.
 */
function serialise(streamId: string, event: NewEvent): SerialisedEvent {
  const envelope = envelopeFields(streamId, event);
  return { envelope, data: canonicalJsonView(event.data ?? null), ...envelopeParts(envelope) };
}

/** The database chains the hashes (any expected version): tl_append_one or tl_append_json. */
function serverChained(streamId: string, events: readonly SerialisedEvent[], expectedVersion: ExpectedVersion): PreparedAppend {
  const expected = String(expectedVersion);
  if (events.length === 1) {
    const { envelope, data, head, mid, tail } = events[0]!;
    return {
      text: APPEND_ONE_SQL,
      params: [streamId, expected, envelope.eventId, envelope.type, envelope.schemaVersion, data, envelope.occurredAt, JSON.stringify(envelope.actor), envelope.correlationId, envelope.causationId, head, mid, tail],
    };
  }
  const rows = events.map(({ envelope, data, head, mid, tail }) => ({
    id: envelope.eventId,
    type: envelope.type,
    sv: envelope.schemaVersion,
    data,
    occ: envelope.occurredAt,
    actor: envelope.actor,
    cor: envelope.correlationId,
    cau: envelope.causationId,
    head,
    mid,
    tail,
  }));
  return { text: APPEND_JSON_SQL, params: [streamId, expected, JSON.stringify(rows)] };
}

/**
 * The client chains the hashes when it knows the previous one: a new stream ('no-stream' or 0,
 * from the genesis hash) or a numeric version with the caller's `previousHash`. Null otherwise.
 * The hash is SHA-256(previous ‖ head ‖ data ‖ mid ‖ version ‖ tail), the bytes the SQL functions hash.
 */
function clientChained(streamId: string, events: readonly SerialisedEvent[], expectedVersion: ExpectedVersion, previousHash: string | undefined): PreparedAppend | null {
  let base: number;
  let previous: string;
  if (expectedVersion === 'no-stream' || expectedVersion === 0) [base, previous] = [0, GENESIS_HASH];
  else if (typeof expectedVersion === 'number' && previousHash !== undefined && HEX_HASH.test(previousHash)) [base, previous] = [expectedVersion, previousHash];
  else return null;
  const hashes: string[] = [];
  let hash = previous;
  events.forEach(({ data, head, mid, tail }, i) => {
    hash = createHash('sha256').update(`${hash}${head}${data}${mid}${base + i + 1}${tail}`, 'utf8').digest('hex');
    hashes.push(hash);
  });
  if (events.length === 1) {
    const { envelope, data } = events[0]!;
    return {
      text: APPEND_ONE_CHAINED_SQL,
      params: [streamId, base, previous, envelope.eventId, envelope.type, envelope.schemaVersion, data, envelope.occurredAt, JSON.stringify(envelope.actor), envelope.correlationId, envelope.causationId, hash],
    };
  }
  // Built by hand so each event's canonical data is embedded as it is, with no second serialisation.
  const rows = events.map(
    ({ envelope, data }, i) =>
      `{"id":${JSON.stringify(envelope.eventId)},"type":${JSON.stringify(envelope.type)},"sv":${JSON.stringify(envelope.schemaVersion)},"data":${data},` +
      `"occ":${JSON.stringify(envelope.occurredAt)},"actor":${JSON.stringify(envelope.actor)},"cor":${JSON.stringify(envelope.correlationId ?? null)},` +
      `"cau":${JSON.stringify(envelope.causationId ?? null)},"hash":"${hashes[i]}"}`,
  );
  return { text: APPEND_JSON_CHAINED_SQL, params: [streamId, base, previous, hash, events.length, `[${rows.join(',')}]`] };
}

function appendedResult(row: AppendRow): AppendResult {
  return {
    nextExpectedVersion: toNumber(row.stream_version!),
    appended: true,
    firstPosition: toNumber(row.first_position!),
    lastPosition: toNumber(row.last_position!),
    lastHash: row.last_hash!,
  };
}

const isUniqueViolation = (error: unknown, constraint: string): boolean => {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
};

/** An 'any' append lost the race to create its stream inside a multi-stream transaction: run it again. */
class RetryAppend extends Error {}
