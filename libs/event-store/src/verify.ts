import type { EventStore, StoredEvent } from './event-store.port';
import { chainHash, GENESIS_HASH } from './hash-chain';

export interface ChainBreak {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly globalPosition: number;
  readonly reason: string;
}

export interface StreamVerification {
  readonly streamId: string;
  readonly checked: number;
  readonly firstBreak: ChainBreak | null;
}

const recompute = (previousHash: string, event: StoredEvent): string =>
  chainHash(previousHash, {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    occurredAt: event.occurredAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
  });

/** Recomputes one stream's hash chain from the stored bytes and names the first event that does not match. */
export async function verifyStream(store: EventStore, streamId: string): Promise<StreamVerification> {
  let previous = GENESIS_HASH;
  let expectedVersion = 1;
  let checked = 0;
  for await (const event of store.readStream(streamId, { raw: true })) {
    checked++;
    const breakAt = (reason: string): StreamVerification => ({
      streamId,
      checked,
      firstBreak: { streamId, streamVersion: event.streamVersion, eventId: event.eventId, globalPosition: event.globalPosition, reason },
    });
    if (event.streamVersion !== expectedVersion) return breakAt(`expected version ${expectedVersion}, found ${event.streamVersion} (an event is missing)`);
    if (recompute(previous, event) !== event.hash) return breakAt('hash does not match the event content and the previous hash');
    previous = event.hash;
    expectedVersion++;
  }
  const head = await store.streamHead(streamId);
  if (head && (head.version !== checked || head.lastHash !== previous)) {
    return {
      streamId,
      checked,
      firstBreak: { streamId, streamVersion: head.version, eventId: '', globalPosition: 0, reason: 'stream head (version, last hash) does not match its events (events removed?)' },
    };
  }
  return { streamId, checked, firstBreak: null };
}

export interface StoreVerification {
  readonly streams: number;
  readonly events: number;
  readonly breaks: ChainBreak[];
}

/** Every stream, one at a time (memory bounded by a page); `onProgress` feeds CLI progress bars. */
export async function verifyStore(store: EventStore, onProgress?: (events: number, streams: number) => void): Promise<StoreVerification> {
  let streams = 0;
  let events = 0;
  const breaks: ChainBreak[] = [];
  for await (const streamId of store.streamIds()) {
    const result = await verifyStream(store, streamId);
    streams++;
    events += result.checked;
    if (result.firstBreak) breaks.push(result.firstBreak);
    onProgress?.(events, streams);
  }
  return { streams, events, breaks };
}
