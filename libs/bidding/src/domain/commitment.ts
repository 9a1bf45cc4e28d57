import { canonicalHash, canonicalJson, type Brand } from '@tenderledger/domain-kit';
import type { BidContent } from './bid-content';

/**
 * Sealing, domain side. The application encrypts `sealedPlaintext(content, nonce)` with
 * AES-256-GCM under a platform sealing key; the nonce (32 random bytes, base64) travels inside
 * the ciphertext, so opening recovers both. The public commitment is the SHA-256 of the same
 * canonical JSON: the secret nonce stops anyone brute-forcing a price from the public hash,
 * and the hash binds the bidder to exactly what is opened.
 */
export type Commitment = Brand<string, 'Commitment'>;

/** The AES-256-GCM envelope as stored in the bid's events. Never shown by any read model. */
export type SealedContent = {
  readonly ciphertext: string;
  readonly iv: string;
  readonly authTag: string;
  /** Which platform sealing key encrypted it, so keys can rotate. */
  readonly keyId: string;
};

/** What is encrypted: canonical JSON, so the commitment is simply its SHA-256. */
export const sealedPlaintext = (content: BidContent, nonce: string): string => canonicalJson({ content, nonce });

export const computeCommitment = (content: BidContent, nonce: string): Commitment =>
  canonicalHash({ content, nonce }) as Commitment;

// Lower-case only: it is what computeCommitment yields, so comparisons at opening are exact.
const COMMITMENT = /^[0-9a-f]{64}$/;
export const isCommitment = (value: unknown): value is Commitment => typeof value === 'string' && COMMITMENT.test(value);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const isBase64 = (value: unknown): boolean => typeof value === 'string' && value.length > 0 && BASE64.test(value);

/** Shape check only: the decider cannot (and must not) decrypt at submission. */
export const isSealedContent = (value: unknown): value is SealedContent => {
  if (typeof value !== 'object' || value === null) return false;
  const sealed = value as Record<string, unknown>;
  return (
    isBase64(sealed['ciphertext']) &&
    isBase64(sealed['iv']) &&
    isBase64(sealed['authTag']) &&
    typeof sealed['keyId'] === 'string' &&
    sealed['keyId'].trim() !== ''
  );
};
