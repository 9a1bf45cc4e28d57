/** Refusal of malformed optimiser input. Own class (not domain-kit's) so the module stays dependency-free. */
export type LotAwardErrorCode =
  | 'invalid-lot-limit'
  | 'invalid-id'
  | 'duplicate-lot'
  | 'unknown-lot'
  | 'duplicate-bidder'
  | 'duplicate-bid'
  | 'invalid-score'
  | 'invalid-rank'
  | 'inconsistent-rank'
  | 'invalid-bidder-maximum'
  | 'invalid-preference'
  | 'invalid-tie-break'
  | 'unknown-rule';

export class LotAwardInputError extends Error {
  constructor(
    readonly code: LotAwardErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LotAwardInputError';
  }
}
