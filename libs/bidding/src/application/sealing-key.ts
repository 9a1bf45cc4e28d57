/** The platform's bid-sealing key (AES-256-GCM): 32 bytes and an id recorded on each sealed bid. */
export interface SealingKey {
  readonly keyId: string;
  readonly key: Buffer;
}

export const SEALING_KEY = Symbol.for('tenderledger.bidding.SealingKey');
