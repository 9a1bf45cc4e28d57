import type { StoredEvent } from '@tenderledger/event-store';
import { allTopics, contextOfStream, decodeEvent, encodeEvent, topicFor, topicForStream, UndecodableMessageError } from './wire-format';

const event: StoredEvent = {
  eventId: '0190f5a4-7c3b-7d2e-9b1a-2f3e4d5c6b7a',
  type: 'BidSubmitted',
  schemaVersion: 2,
  data: { lots: ['lot-1'], amountPence: 125_000_00 },
  streamId: 'bid-42',
  streamVersion: 3,
  globalPosition: 7_340_032_001,
  occurredAt: '2026-03-02T10:15:30.123Z',
  recordedAt: '2026-03-02T10:15:30.456Z',
  actor: { userId: 'u-1', role: 'bidder', organisationId: 'org-7' },
  correlationId: 'corr-9',
  causationId: null,
  hash: 'ab'.repeat(32),
};

describe('messaging wire format', () => {
  it('maps every stream prefix the contexts mint to its context, anything else to other', () => {
    expect(
      ['organisation-1', 'contract-1', 'tender-1', 'bid-1', 'evaluation-1', 'award-1', 'direct-award-1', 'thing-1', 'tenders-1', 'awarded'].map(contextOfStream),
    ).toEqual(['registry', 'registry', 'tendering', 'bidding', 'evaluation', 'award', 'award', 'other', 'other', 'other']);
  });

  it('names one topic per context under a prefix', () => {
    expect(topicFor('tendering')).toBe('tenderledger.tendering.events');
    expect(topicForStream('direct-award-9', 'x1')).toBe('x1.award.events');
    expect(allTopics('p')).toEqual(['p.registry.events', 'p.tendering.events', 'p.bidding.events', 'p.evaluation.events', 'p.award.events', 'p.other.events']);
  });

  it('encodes key = stream id, the whole event as JSON and the routing headers; decoding gives the event back', () => {
    const message = encodeEvent(event, 'p');
    expect(message).toEqual({
      topic: 'p.bidding.events',
      key: 'bid-42',
      value: JSON.stringify(event),
      headers: { 'event-id': event.eventId, 'event-type': 'BidSubmitted', 'schema-version': '2', 'correlation-id': 'corr-9', 'global-position': '7340032001' },
    });
    const asReceived = { key: Buffer.from(message.key), value: Buffer.from(message.value), headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)])) };
    expect(decodeEvent(asReceived)).toEqual(event);
  });

  it.each([
    ['an empty value', { value: null }, 'empty value'],
    ['a value that is not JSON', { value: '{nope' }, 'not JSON'],
    ['an event without a stream version', { value: JSON.stringify({ ...event, streamVersion: '3' }) }, 'streamVersion is not a number'],
    ['an event id that is not a UUID', { value: JSON.stringify({ ...event, eventId: 'e-1' }) }, 'eventId is not a UUID'],
    ['a key that is not the stream', { key: 'bid-43', value: JSON.stringify(event) }, 'key bid-43'],
    ['an event-id header that disagrees', { value: JSON.stringify(event), headers: { 'event-id': Buffer.from('0190f5a4-0000-7000-8000-000000000000') } }, 'event-id header'],
  ])('refuses %s, naming what is wrong', (_label, message, reason) => {
    expect(() => decodeEvent(message)).toThrow(UndecodableMessageError);
    expect(() => decodeEvent(message)).toThrow(reason);
  });
});
