import type { ExpectedVersion } from './event-store.port';

/** The stream was not at the version the writer expected: someone else appended first. */
export class ConcurrencyError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | null,
  ) {
    super(`stream ${streamId} expected ${String(expected)} but is at ${actual === null ? 'no stream' : `version ${actual}`}`);
    this.name = 'ConcurrencyError';
  }
}

/** Some, but not all, of the appended event ids are already in the stream: not a clean retry. */
export class PartialDuplicateError extends Error {
  readonly code = 'PARTIAL_DUPLICATE_APPEND';
  constructor(readonly streamId: string) {
    super(`stream ${streamId}: some of the appended event ids are already stored and some are not`);
    this.name = 'PartialDuplicateError';
  }
}

export class InvalidEventError extends Error {
  readonly code = 'INVALID_EVENT';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}
