import { sha256Hex } from '@tenderledger/domain-kit';
import fc from 'fast-check';
import type { BidContent } from './bid-content';
import { computeCommitment, isCommitment, isSealedContent, sealedPlaintext } from './commitment';
import { asCriterionId, asLotId } from './ids';
import { COMMITMENT, NONCE, NONCE_2, content, sealed } from './testing/fixtures';

describe('computeCommitment', () => {
  it('is the SHA-256 of the canonical {content, nonce} that gets encrypted', () => {
    expect(COMMITMENT).toBe(sha256Hex(sealedPlaintext(content, NONCE)));
    expect(isCommitment(COMMITMENT)).toBe(true);
  });

  it('is pinned, so a change to canonical JSON or hashing cannot slip by unnoticed', () => {
    const tiny: BidContent = { lots: [{ lotId: asLotId('L1'), price: 100 }], qualityResponses: [{ criterionId: asCriterionId('C1'), response: 'ok' }], socialValueCommitments: [] };
    expect(sealedPlaintext(tiny, 'n')).toBe('{"content":{"lots":[{"lotId":"L1","price":100}],"qualityResponses":[{"criterionId":"C1","response":"ok"}],"socialValueCommitments":[]},"nonce":"n"}');
    expect(computeCommitment(tiny, 'n')).toBe(sha256Hex(sealedPlaintext(tiny, 'n')));
  });

  it('does not depend on key order (content round-trips through JSON and decryption)', () => {
    const reordered = JSON.parse(JSON.stringify({ socialValueCommitments: content.socialValueCommitments, qualityResponses: content.qualityResponses, lots: content.lots }));
    expect(computeCommitment(reordered, NONCE)).toBe(COMMITMENT);
  });

  it('changes with the nonce: the same price under a new salt gives an unrelated hash', () => {
    expect(computeCommitment(content, NONCE_2)).not.toBe(COMMITMENT);
  });

  it('binds every price: any change to any lot price changes the commitment (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000_000 }), { minLength: 1, maxLength: 5 }), fc.nat(), fc.integer({ min: 1, max: 1000 }), (prices, pick, delta) => {
        const lots = prices.map((price, i) => ({ lotId: asLotId(`lot-${i}`), price }));
        const base: BidContent = { lots, qualityResponses: [], socialValueCommitments: [] };
        const i = pick % lots.length;
        const changed: BidContent = { ...base, lots: lots.map((lot, j) => (j === i ? { ...lot, price: lot.price + delta } : lot)) };
        return computeCommitment(base, NONCE) !== computeCommitment(changed, NONCE) && computeCommitment(base, NONCE) === computeCommitment(structuredClone(base), NONCE);
      }),
    );
  });
});

describe('isCommitment', () => {
  it.each([['a'.repeat(64), true], ['A'.repeat(64), false], ['a'.repeat(63), false], ['a'.repeat(65), false], [42, false]])('%p → %p', (value, ok) => {
    expect(isCommitment(value)).toBe(ok);
  });
});

describe('isSealedContent', () => {
  it('accepts a base64 GCM envelope with a key id', () => {
    expect(isSealedContent(sealed)).toBe(true);
  });

  it.each([
    ['no ciphertext', { ...sealed, ciphertext: '' }],
    ['iv not base64', { ...sealed, iv: '***' }],
    ['auth tag with bad padding', { ...sealed, authTag: 'abc' }],
    ['blank key id', { ...sealed, keyId: ' ' }],
    ['not an object', 'sealed'],
    ['null', null],
  ])('refuses %s', (_name, value) => {
    expect(isSealedContent(value)).toBe(false);
  });
});
