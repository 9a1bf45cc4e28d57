import type { StoredEvent } from '@tenderledger/event-store';
import { isUuid } from '@tenderledger/domain-kit';

/*
 * The wire format between the relay and every consumer (DESIGN §6). Other services are built
 * against exactly this, so it changes only with a new topic generation, never in place:
 *
 *   topic    `${prefix}.${context}.events`, one per bounded context (prefix default `tenderledger`)
 *   key      the stream id: Kafka keeps one key in one partition, so a stream's events stay in order
 *   value    the JSON of the whole StoredEvent, as the store returned it
 *   headers  event-id, event-type, schema-version, correlation-id, global-position (strings), so a
 *            consumer can route or skip without parsing the value
 */

export const DEFAULT_TOPIC_PREFIX = 'tenderledger';

export const BOUNDED_CONTEXTS = ['registry', 'tendering', 'bidding', 'evaluation', 'award', 'other'] as const;
export type BoundedContext = (typeof BOUNDED_CONTEXTS)[number];

/**
 * Stream id prefixes as the contexts mint them (libs/<context>/src/domain/ids.ts). Checked in
 * order; `direct-award-` is listed on its own because it does not start with `award-`.
 */
const STREAM_PREFIXES: readonly (readonly [prefix: string, context: BoundedContext])[] = [
  ['organisation-', 'registry'],
  ['contract-', 'registry'],
  ['tender-', 'tendering'],
  ['bid-', 'bidding'],
  ['evaluation-', 'evaluation'],
  ['award-', 'award'],
  ['direct-award-', 'award'],
];

/** The context that owns a stream, from its id's prefix; a prefix no context mints → `other`. */
export function contextOfStream(streamId: string): BoundedContext {
  for (const [prefix, context] of STREAM_PREFIXES) if (streamId.startsWith(prefix)) return context;
  return 'other';
}

/** `${prefix}.${context}.events`. */
export function topicFor(context: BoundedContext, prefix: string = DEFAULT_TOPIC_PREFIX): string {
  return `${prefix}.${context}.events`;
}

/** The topic a stream's events are published to. */
export function topicForStream(streamId: string, prefix: string = DEFAULT_TOPIC_PREFIX): string {
  return topicFor(contextOfStream(streamId), prefix);
}

/** Every context topic under a prefix (what the relay creates at start). */
export function allTopics(prefix: string = DEFAULT_TOPIC_PREFIX): string[] {
  return BOUNDED_CONTEXTS.map((context) => topicFor(context, prefix));
}

export const EVENT_HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  globalPosition: 'global-position',
} as const;

/** One Kafka record, client-neutral (kafkajs' Message fits it). */
export interface EventMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * An event already serialised: the envelope fields the key and headers need, and `value`, the
 * JSON of the whole StoredEvent. The relay gets these either from StoredEvents (`serialiseEvent`)
 * or straight from PostgreSQL, which builds the same JSON (relay/sql-relay-reader.ts).
 */
export interface SerialisedEvent {
  readonly globalPosition: number;
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly correlationId: string;
  readonly value: string;
}

export function serialiseEvent(event: StoredEvent): SerialisedEvent {
  const { globalPosition, streamId, eventId, type, schemaVersion, correlationId } = event;
  return { globalPosition, streamId, eventId, type, schemaVersion, correlationId, value: JSON.stringify(event) };
}

/** The record for a serialised event: its context's topic, key = stream id, the wire headers. */
export function messageOf(event: SerialisedEvent, prefix: string = DEFAULT_TOPIC_PREFIX): EventMessage {
  return {
    topic: topicForStream(event.streamId, prefix),
    key: event.streamId,
    value: event.value,
    headers: {
      [EVENT_HEADERS.eventId]: event.eventId,
      [EVENT_HEADERS.eventType]: event.type,
      [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
      [EVENT_HEADERS.correlationId]: event.correlationId,
      [EVENT_HEADERS.globalPosition]: String(event.globalPosition),
    },
  };
}

/** A stored event as the record the relay publishes. */
export function encodeEvent(event: StoredEvent, prefix: string = DEFAULT_TOPIC_PREFIX): EventMessage {
  return messageOf(serialiseEvent(event), prefix);
}

/** What a consumer receives: kafkajs gives Buffers (or null), other clients strings. */
export interface ReceivedMessage {
  readonly key?: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

/** The message is not an event in this wire format; the reason says which part is wrong. */
export class UndecodableMessageError extends Error {
  constructor(reason: string) {
    super(`not a TenderLedger event message: ${reason}`);
    this.name = 'UndecodableMessageError';
  }
}

const text = (value: Buffer | string | null | undefined): string | null => (value === null || value === undefined ? null : value.toString());

const REQUIRED_STRINGS = ['eventId', 'type', 'streamId', 'occurredAt', 'recordedAt', 'correlationId', 'hash'] as const;
const REQUIRED_NUMBERS = ['schemaVersion', 'streamVersion', 'globalPosition'] as const;

/**
 * The StoredEvent a record carries. Checks the envelope's shape and that the key and the
 * event-id header (when present) agree with the value; `data` is the producer's business.
 */
export function decodeEvent(message: ReceivedMessage): StoredEvent {
  const value = text(message.value);
  if (value === null) throw new UndecodableMessageError('empty value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new UndecodableMessageError('value is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UndecodableMessageError('value is not an object');
  const event = parsed as Record<string, unknown>;
  for (const field of REQUIRED_STRINGS) if (typeof event[field] !== 'string') throw new UndecodableMessageError(`${field} is not a string`);
  for (const field of REQUIRED_NUMBERS) if (typeof event[field] !== 'number') throw new UndecodableMessageError(`${field} is not a number`);
  if (!isUuid(event.eventId as string)) throw new UndecodableMessageError('eventId is not a UUID');
  if (typeof event.actor !== 'object' || event.actor === null) throw new UndecodableMessageError('actor is not an object');
  if (!('data' in event)) throw new UndecodableMessageError('data is missing');
  const key = text(message.key as Buffer | string | null | undefined);
  if (key !== null && key !== event.streamId) throw new UndecodableMessageError(`key ${key} is not the event's stream ${String(event.streamId)}`);
  const header = message.headers?.[EVENT_HEADERS.eventId];
  const headerId = Array.isArray(header) ? text(header[0]) : text(header);
  if (headerId !== null && headerId !== event.eventId) throw new UndecodableMessageError(`event-id header ${headerId} is not the value's ${String(event.eventId)}`);
  return { ...(event as unknown as StoredEvent), causationId: (event.causationId as string | null | undefined) ?? null };
}
