/**
 * Every refusal the bid decider can give (DESIGN §8: stable codes). Kept in one list so the
 * HTTP layer can document them and tests can check each one is reachable.
 * 'conflict' → 409 (the state of the bid, tender or clock forbids it now);
 * 'rule' → 422 (the command itself breaks a rule).
 */
export const BID_ERROR_CODES = {
  BID_ALREADY_SUBMITTED: 'conflict',
  BID_NOT_SUBMITTED: 'conflict',
  BID_ALREADY_WITHDRAWN: 'conflict',
  BID_ALREADY_OPENED: 'conflict',
  BID_TENDER_NOT_OPEN: 'conflict',
  BID_TENDER_CANCELLED: 'conflict',
  BID_DEADLINE_PASSED: 'conflict',
  BID_SEALED_UNTIL_DEADLINE: 'conflict',
  BID_TENDER_MISMATCH: 'rule',
  BID_STREAM_MISMATCH: 'rule',
  BID_TIME_INVALID: 'rule',
  BID_NO_LOTS: 'rule',
  BID_LOT_UNKNOWN: 'rule',
  BID_LOT_DUPLICATE: 'rule',
  BID_CONSORTIUM_INVALID: 'rule',
  BID_NOT_BIDDER: 'rule',
  BID_COMMITMENT_INVALID: 'rule',
  BID_SEALED_INVALID: 'rule',
  BID_CONTENT_INVALID: 'rule',
} as const;

export type BidErrorCode = keyof typeof BID_ERROR_CODES;
