import { randomBytes } from 'node:crypto';
import { computeCommitment, sealedPlaintext, type OpeningAttempt, type SealedContent } from '../domain';
import { content } from '../domain/testing/fixtures';
import { BidSealer } from './sealing';

const realKey = () => ({ key: randomBytes(32), keyId: 'k-test' });
const opened = (attempt: OpeningAttempt) => {
  if ('failure' in attempt) throw new Error(`expected content, got ${attempt.failure}`);
  return attempt;
};
const flip = (base64: string, at = 0): string => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] = bytes[at]! ^ 1;
  return bytes.toString('base64');
};

describe('BidSealer (AES-256-GCM)', () => {
  const sealer = new BidSealer(realKey());

  it('seals content so that it opens to the same content and a nonce that reproduces the commitment', () => {
    const { sealed, commitment } = sealer.seal(content);
    expect(sealed.keyId).toBe('k-test');
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.authTag, 'base64')).toHaveLength(16);
    const { content: back, nonce } = opened(sealer.unseal(sealed));
    expect(back).toEqual(content);
    expect(Buffer.from(nonce, 'base64')).toHaveLength(32);
    expect(computeCommitment(back, nonce)).toBe(commitment);
    expect(sealedPlaintext(back, nonce)).toContain('"nonce"');
  });

  it('never puts plaintext in the envelope', () => {
    const { sealed } = sealer.seal(content);
    const stored = JSON.stringify(sealed);
    expect(stored).not.toContain('125000000');
    expect(stored).not.toContain('triage');
  });

  it('uses a fresh nonce and iv every time: the same content twice gives different commitments and ciphertexts', () => {
    const a = sealer.seal(content);
    const b = sealer.seal(content);
    expect(a.commitment).not.toBe(b.commitment);
    expect(a.sealed.iv).not.toBe(b.sealed.iv);
    expect(a.sealed.ciphertext).not.toBe(b.sealed.ciphertext);
  });

  it.each<[string, (s: SealedContent) => SealedContent]>([
    ['a flipped ciphertext bit', (s) => ({ ...s, ciphertext: flip(s.ciphertext) })],
    ['a flipped auth tag bit', (s) => ({ ...s, authTag: flip(s.authTag) })],
    ['a different iv', (s) => ({ ...s, iv: flip(s.iv) })],
    ['a truncated ciphertext', (s) => ({ ...s, ciphertext: Buffer.from(s.ciphertext, 'base64').subarray(1).toString('base64') })],
    ['garbage base64', (s) => ({ ...s, ciphertext: 'bm90IGEgY2lwaGVydGV4dA==', authTag: 'AAAAAAAAAAAAAAAAAAAAAA==' })],
  ])('detects tampering (%s) as UNDECRYPTABLE, without throwing', (_, tamper) => {
    const { sealed } = sealer.seal(content);
    expect(sealer.unseal(tamper(sealed))).toEqual({ failure: 'UNDECRYPTABLE' });
  });

  it('refuses to open under another key, whether or not the key id matches', () => {
    const { sealed } = sealer.seal(content);
    expect(new BidSealer(realKey()).unseal(sealed)).toEqual({ failure: 'UNDECRYPTABLE' });
    expect(new BidSealer({ key: randomBytes(32), keyId: 'k-other' }).unseal(sealed)).toEqual({ failure: 'UNDECRYPTABLE' });
  });
});
