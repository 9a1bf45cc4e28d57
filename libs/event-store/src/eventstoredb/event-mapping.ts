import { jsonEvent, type EventData, type JSONType, type RecordedEvent } from '@kurrent/kurrentdb-client';
import type { Actor, StoredEvent } from '../event-store.port';
import type { PendingEnvelope } from '../envelope';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import { toGlobalPosition } from './position';
import { versionOfRevision } from './expected-version';

/**
 * What we keep in an ESDB event's metadata: the envelope fields ESDB has no place for, and the
 * hash. `$correlationId` / `$causationId` are ESDB's own names for the same links, so its
 * `$by_correlation_id` projection and UI follow our correlations too.
 */
export interface TenderLedgerMetadata {
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** SHA-256(previous hash ‖ canonical envelope), as the SQL adapters chain it. */
  readonly hash: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
}

/** The event ESDB stores for an envelope: data as JSON, id = our eventId, the rest in metadata. */
export function toEventData(envelope: PendingEnvelope, hash: string): EventData {
  const metadata: TenderLedgerMetadata = {
    schemaVersion: envelope.schemaVersion,
    occurredAt: envelope.occurredAt,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    hash,
    $correlationId: envelope.correlationId,
    ...(envelope.causationId === null ? {} : { $causationId: envelope.causationId }),
  };
  // Data may be any JSON value (null, a number…): the client JSON.stringifies it and parses it back as is.
  return jsonEvent({ id: envelope.eventId, type: envelope.type, data: envelope.data as JSONType, metadata: metadata as unknown as JSONType });
}

/** ESDB's own events ($metadata, $> links, $stats…) and system streams are not domain events. */
export const isSystemEvent = (event: { readonly type: string; readonly streamId: string }): boolean => event.type.startsWith('$') || event.streamId.startsWith('$');

/** A recorded ESDB event as our StoredEvent (recordedAt = ESDB's `created`). */
export function toStoredEvent(recorded: RecordedEvent): StoredEvent {
  const meta = readMetadata(recorded);
  return {
    eventId: recorded.id.toLowerCase(),
    type: recorded.type,
    schemaVersion: meta.schemaVersion,
    data: recorded.isJson ? (recorded.data as unknown) : Buffer.from(recorded.data as Uint8Array).toString('base64'),
    streamId: recorded.streamId,
    streamVersion: versionOfRevision(recorded.revision),
    globalPosition: toGlobalPosition(recorded.position, `event ${recorded.id} in ${recorded.streamId}`),
    occurredAt: meta.occurredAt ?? recorded.created.toISOString(),
    recordedAt: recorded.created.toISOString(),
    actor: meta.actor,
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    hash: meta.hash,
  };
}

/**
 * Our metadata, or what can be said of an event someone else wrote to the store (no hash: verification
 * then reports it, which is the point).
 */
function readMetadata(recorded: RecordedEvent): { schemaVersion: number; occurredAt: string | null; actor: Actor; correlationId: string; causationId: string | null; hash: string } {
  const raw = recorded.metadata;
  const meta = raw && typeof raw === 'object' && !(raw instanceof Uint8Array) && !Array.isArray(raw) ? (raw as Partial<TenderLedgerMetadata>) : {};
  return {
    schemaVersion: typeof meta.schemaVersion === 'number' ? meta.schemaVersion : 1,
    occurredAt: typeof meta.occurredAt === 'string' ? meta.occurredAt : null,
    actor: meta.actor ?? { userId: 'unknown', role: 'unknown', organisationId: null },
    correlationId: meta.correlationId ?? meta.$correlationId ?? '',
    causationId: meta.causationId ?? meta.$causationId ?? null,
    hash: typeof meta.hash === 'string' ? meta.hash : '',
  };
}

/**
 * The ESDB events for a batch appended after `head`: each hash chained from the one before, exactly
 * as the SQL append chains them (same envelope, same canonical JSON, same SHA-256).
 */
export function chainedEventData(envelopes: readonly PendingEnvelope[], head: { readonly version: number; readonly lastHash: string } | null): { events: EventData[]; lastHash: string } {
  const base = head?.version ?? 0;
  let previous = head?.lastHash ?? GENESIS_HASH;
  const events = envelopes.map((envelope, i) => {
    previous = chainHash(previous, { ...envelope, streamVersion: base + i + 1 });
    return toEventData(envelope, previous);
  });
  return { events, lastHash: previous };
}
