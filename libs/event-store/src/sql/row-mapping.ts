import type { Actor, StoredEvent } from '../event-store.port';

export interface EventRow {
  global_position: string | number | bigint;
  stream_id: string;
  stream_version: string | number | bigint;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  occurred_at: Date | string;
  recorded_at: Date | string;
  actor: Actor | string;
  correlation_id: string;
  causation_id: string | null;
  hash: string;
}

/** `pg` returns int8 as string, PGlite as number or bigint: positions are normalised here only. */
export const toNumber = (value: string | number | bigint): number => (typeof value === 'number' ? value : Number(value));

const toIso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());
const parseJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: parseJson(row.data),
    streamId: row.stream_id,
    streamVersion: toNumber(row.stream_version),
    globalPosition: toNumber(row.global_position),
    occurredAt: toIso(row.occurred_at),
    recordedAt: toIso(row.recorded_at),
    actor: parseJson(row.actor),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    hash: row.hash,
  };
}
