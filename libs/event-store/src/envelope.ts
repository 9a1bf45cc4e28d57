import { isUuid } from '@tenderledger/domain-kit';
import type { NewEvent } from './event-store.port';
import { InvalidEventError } from './errors';
import type { HashedEnvelope } from './hash-chain';

/** Everything the hash covers except the stream version, which only the append knows. */
export type PendingEnvelope = Omit<HashedEnvelope, 'streamVersion'>;

/**
 * Checks a caller's event and normalises it to exactly what every adapter stores and hashes
 * (one function, so the SQL and EventStoreDB adapters chain identical hashes for the same event).
 */
export function toEnvelope(streamId: string, event: NewEvent): PendingEnvelope {
  // A JSON round trip drops undefined members and turns dates into strings, exactly as the stores keep them.
  return { ...envelopeFields(streamId, event), data: JSON.parse(JSON.stringify(event.data ?? null)) as unknown };
}

/** The checked envelope without its data: the SQL append serialises the data once, canonically (canonical-data.ts). */
export function envelopeFields(streamId: string, event: NewEvent): Omit<PendingEnvelope, 'data'> {
  const occurredAt = new Date(event.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) throw new InvalidEventError(`event ${event.eventId}: occurredAt is not a date`);
  if (!isUuid(event.eventId)) throw new InvalidEventError(`eventId ${event.eventId} is not a UUID`);
  if (!event.type) throw new InvalidEventError('an event needs a type');
  return {
    eventId: event.eventId.toLowerCase(),
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    streamId,
    occurredAt: occurredAt.toISOString(),
    actor: { userId: event.actor.userId, role: event.actor.role, organisationId: event.actor.organisationId ?? null },
    correlationId: event.correlationId,
    causationId: event.causationId ?? null,
  };
}
