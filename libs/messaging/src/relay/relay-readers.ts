import type { EventStore, SqlExecutor } from '@tenderledger/event-store';
import { serialiseEvent, type SerialisedEvent } from '../wire-format';

/** One page of the store's gap-safe global order strictly after a position, serialised for the wire. */
export interface RelayReader {
  readPage(after: number, limit: number): Promise<SerialisedEvent[]>;
}

/**
 * Through the store port: readAll (raw: as stored, never upcast), then JSON.stringify in this
 * process. Works on any adapter; costs the relay's one thread the row parsing and serialising.
 */
export function storeRelayReader(store: Pick<EventStore, 'readAll'>): RelayReader {
  return {
    async readPage(after, limit) {
      const page: SerialisedEvent[] = [];
      for await (const event of store.readAll({ fromPosition: after, limit, pageSize: limit, raw: true })) page.push(serialiseEvent(event));
      return page;
    },
  };
}

/**
 * The same page and the same JSON, built by PostgreSQL: the row arrives as one text value, so
 * the relay parses no jsonb and no timestamps and stringifies nothing (in this process that work
 * costs ≈ 45% of what kafkajs spends sending the page; PostgreSQL then does it instead, so it helps
 * only when the database has CPU to spare). The query is the store's own gap-safe read
 * (below tl_horizon(), by global_position); keys come in StoredEvent's order and timestamps as
 * toISOString() writes them (millisecond precision, UTC, `Z`); the JSON differs from
 * JSON.stringify's only in whitespace. test/infra/relay.spec.ts compares it with readAll.
 */
export function sqlRelayReader(sql: SqlExecutor): RelayReader {
  const iso = (column: string): string => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const query = `
    select global_position, stream_id, event_id::text as event_id, type, schema_version, correlation_id,
           json_build_object(
             'eventId', event_id, 'type', type, 'schemaVersion', schema_version, 'data', data,
             'streamId', stream_id, 'streamVersion', stream_version, 'globalPosition', global_position,
             'occurredAt', ${iso('occurred_at')}, 'recordedAt', ${iso('recorded_at')}, 'actor', actor,
             'correlationId', correlation_id, 'causationId', causation_id, 'hash', hash
           )::text as value
      from tl_events
     where global_position > $1 and global_position < tl_horizon()
     order by global_position
     limit $2`;
  return {
    async readPage(after, limit) {
      const rows = await sql.query<{ global_position: string | number; stream_id: string; event_id: string; type: string; schema_version: number; correlation_id: string; value: string }>(query, [after, limit]);
      return rows.map((row) => ({
        globalPosition: Number(row.global_position),
        streamId: row.stream_id,
        eventId: row.event_id,
        type: row.type,
        schemaVersion: row.schema_version,
        correlationId: row.correlation_id,
        value: row.value,
      }));
    },
  };
}
