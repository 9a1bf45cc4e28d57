/**
 * A refused command. `code` is stable (clients and tests match on it); `message` is a sentence
 * a commissioner or bidder understands. `kind` picks the HTTP answer at the edge:
 * 'conflict' (409: the state of things forbids it now), 'rule' (422: the command breaks a rule)
 * or 'not-found' (404: the thing the command acts on does not exist).
 */
export type DomainErrorKind = 'conflict' | 'rule' | 'not-found';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: string, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, 'rule', details);
};

export const conflict = (code: string, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, 'conflict', details);
};

export const notFound = (code: string, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, 'not-found', details);
};
