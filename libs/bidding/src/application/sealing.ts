import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { computeCommitment, sealedPlaintext, type BidContent, type Commitment, type OpeningAttempt, type SealedContent } from '../domain';
import { SEALING_KEY, type SealingKey } from './sealing-key';

/** What a (re)submission publishes: the envelope to store and the commitment to print on the receipt. */
export interface SealedBid {
  readonly sealed: SealedContent;
  readonly commitment: Commitment;
}

const NONCE_BYTES = 32;
const IV_BYTES = 12; // GCM's standard IV length

/**
 * AES-256-GCM sealing of bid content under the platform key. A fresh random nonce per
 * (re)submission travels inside the ciphertext and salts the public commitment, so nobody can
 * brute-force a price from the hash; GCM's auth tag detects any change to the stored bytes.
 */
@Injectable()
export class BidSealer {
  constructor(@Inject(SEALING_KEY) private readonly key: SealingKey) {}

  seal(content: BidContent): SealedBid {
    const nonce = randomBytes(NONCE_BYTES).toString('base64');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key.key, iv);
    const ciphertext = Buffer.concat([cipher.update(sealedPlaintext(content, nonce), 'utf8'), cipher.final()]);
    return {
      sealed: { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), authTag: cipher.getAuthTag().toString('base64'), keyId: this.key.keyId },
      commitment: computeCommitment(content, nonce),
    };
  }

  /** Never throws: a wrong key, a failed auth tag or an unreadable plaintext is the recorded UNDECRYPTABLE. */
  unseal(sealed: SealedContent): OpeningAttempt {
    if (sealed.keyId !== this.key.keyId) return { failure: 'UNDECRYPTABLE' };
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key.key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
      const parsed: unknown = JSON.parse(plain);
      return isOpened(parsed) ? { content: parsed.content, nonce: parsed.nonce } : { failure: 'UNDECRYPTABLE' };
    } catch {
      return { failure: 'UNDECRYPTABLE' };
    }
  }
}

// The content's own shape is checked by the decider at opening; here only the envelope of the plaintext.
const isOpened = (value: unknown): value is { content: BidContent; nonce: string } =>
  typeof value === 'object' && value !== null && typeof (value as { nonce?: unknown }).nonce === 'string' && typeof (value as { content?: unknown }).content === 'object' && (value as { content?: unknown }).content !== null;
