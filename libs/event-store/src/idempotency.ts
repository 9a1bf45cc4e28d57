/**
 * Remembers the first answer to a command sent with an `Idempotency-Key`, so a retry gets the
 * same answer and appends nothing. Kept beside the events (same database), keyed per actor so
 * one caller's key never answers another's request.
 */
export interface IdempotentAnswer {
  readonly status: number;
  readonly body: unknown;
}

export type IdempotencyClaim =
  | { readonly outcome: 'claimed' }
  | { readonly outcome: 'in-progress' }
  | { readonly outcome: 'answered'; readonly answer: IdempotentAnswer; readonly fingerprint: string };

export interface IdempotencyStore {
  /** Claims the key for this request, or tells what an earlier request with it did. */
  claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim>;
  complete(scope: string, key: string, answer: IdempotentAnswer): Promise<void>;
  /** A failed attempt (5xx, crash) releases the key so a retry can run again. */
  release(scope: string, key: string): Promise<void>;
}
