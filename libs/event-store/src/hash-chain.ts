import { createHash } from 'node:crypto';
import { canonicalJson } from '@tenderledger/domain-kit';
import type { Actor } from './event-store.port';
import { canonicalJsonView } from './canonical-data';

/** The "previous hash" of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers (DESIGN §4): everything known before the append, not the position. */
export interface HashedEnvelope {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: unknown;
}

/**
 * The canonical JSON of an envelope, split around the stream version: with expected version
 * 'any' or 'exists' only the database knows the version at commit, so it fills the slot and
 * chains the hash inside the append's single round trip. `streamVersion` and `type` are the
 * last two keys in sorted order, which is what makes the split exact.
 */
export function envelopeTemplate(envelope: Omit<HashedEnvelope, 'streamVersion'> & { streamVersion?: number }): { head: string; tail: string } {
  const { type, streamVersion: _slot, ...covered } = envelope;
  const rest = pickCovered(covered);
  const body = canonicalJson(rest);
  return { head: `${body.slice(0, -1)},"streamVersion":`, tail: `,"type":${JSON.stringify(type)}}` };
}

/**
 * The same canonical envelope as `envelopeTemplate`, cut so the data goes to the database once:
 * `head + data + mid + streamVersion + tail` is its canonical JSON, where `data` is the value's
 * canonical JSON (canonicalJsonView, which the caller also stores as the data column). Built by
 * hand from the sorted key order (actor, causationId, correlationId, data, eventId, occurredAt,
 * schemaVersion, streamId, streamVersion, type); hash-chain.spec.ts checks it against envelopeTemplate.
 */
export function envelopeParts(envelope: Omit<HashedEnvelope, 'streamVersion' | 'data'>): { head: string; mid: string; tail: string } {
  const head =
    `{"actor":${canonicalJsonView(envelope.actor)},` +
    (envelope.causationId === undefined ? '' : `"causationId":${canonicalJsonView(envelope.causationId)},`) +
    (envelope.correlationId === undefined ? '' : `"correlationId":${canonicalJsonView(envelope.correlationId)},`) +
    '"data":';
  const mid =
    `,"eventId":${JSON.stringify(envelope.eventId)},"occurredAt":${JSON.stringify(envelope.occurredAt)},` +
    `"schemaVersion":${canonicalJsonView(envelope.schemaVersion)},"streamId":${JSON.stringify(envelope.streamId)},"streamVersion":`;
  return { head, mid, tail: `,"type":${JSON.stringify(envelope.type)}}` };
}

/** Only the covered fields count, whatever else the caller's object carries (position, hash, …). */
function pickCovered(e: Omit<HashedEnvelope, 'streamVersion' | 'type'>): Omit<HashedEnvelope, 'streamVersion' | 'type'> {
  return {
    eventId: e.eventId,
    schemaVersion: e.schemaVersion,
    streamId: e.streamId,
    occurredAt: e.occurredAt,
    actor: e.actor,
    correlationId: e.correlationId,
    causationId: e.causationId,
    data: e.data,
  };
}

export function canonicalEnvelope(envelope: HashedEnvelope): string {
  const { head, tail } = envelopeTemplate(envelope);
  return `${head}${envelope.streamVersion}${tail}`;
}

/** hash = SHA-256(previous hash ‖ canonical envelope), hex. The SQL append computes the same. */
export function chainHash(previousHash: string, envelope: HashedEnvelope): string {
  return createHash('sha256').update(previousHash + canonicalEnvelope(envelope), 'utf8').digest('hex');
}
