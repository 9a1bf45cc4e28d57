import fc from 'fast-check';
import { canonicalJson } from '@tenderledger/domain-kit';
import { canonicalJsonView } from './canonical-data';
import { canonicalEnvelope, envelopeParts } from './hash-chain';
import { toEnvelope } from './envelope';
import type { NewEvent } from './event-store.port';

/** What the stores hashed before canonicalJsonView existed: the JSON round trip, then canonical JSON. */
const reference = (value: unknown): string => canonicalJson(JSON.parse(JSON.stringify(value)));

/** Values as callers hand them over: JSON plus what JSON.stringify treats specially. */
const callerValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, undefined, true, false, 0, -0, 1.5, -1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, '', '"\\\u2028\u00e9😀'),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.date({ noInvalidDate: true }),
    fc.constant(() => 1),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('canonicalJsonView', () => {
  it('equals canonical JSON of the JSON round trip for any caller value', () => {
    fc.assert(
      fc.property(callerValue, (value) => {
        const wrapped = { value }; // top-level undefined/functions have no JSON form; inside an object they drop
        expect(canonicalJsonView(wrapped)).toBe(reference(wrapped));
      }),
      { numRuns: 2000 },
    );
  });

  it('follows toJSON, unwraps boxed primitives and refuses BigInt like JSON.stringify', () => {
    const value = { at: new Date('2026-03-02T10:15:30.123Z'), money: { toJSON: () => '12.50' }, n: Object(3), s: Object('x'), list: [undefined, () => 0] };
    expect(canonicalJsonView(value)).toBe(reference(value));
    expect(() => canonicalJsonView({ big: 1n })).toThrow(TypeError);
  });
});

describe('envelopeParts', () => {
  const event = (data: unknown, overrides: Partial<NewEvent> = {}): NewEvent => ({
    eventId: '0190f3a2-5b7c-7def-8123-456789abcdef',
    type: 'BidSubmitted',
    data,
    occurredAt: '2026-03-02T10:15:30.123Z',
    actor: { userId: 'user-"1"', role: 'supplier', organisationId: null },
    correlationId: 'corr-1',
    causationId: null,
    ...overrides,
  });

  it('head + data + mid + version + tail is the canonical envelope the chain has always hashed', () => {
    fc.assert(
      fc.property(callerValue, fc.integer({ min: 1, max: 1_000_000 }), fc.option(fc.string()), fc.integer({ min: 1, max: 9 }), (data, version, causationId, schemaVersion) => {
        const e = event({ data }, { causationId, schemaVersion, actor: { userId: 'u', role: 'r\u00e9', organisationId: 'org' } });
        const envelope = toEnvelope('bid-1', e);
        const { head, mid, tail } = envelopeParts(envelope);
        expect(`${head}${canonicalJsonView(e.data)}${mid}${version}${tail}`).toBe(canonicalEnvelope({ ...envelope, streamVersion: version }));
      }),
      { numRuns: 500 },
    );
  });
});
