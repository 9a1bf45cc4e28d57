import { refuse, type CalendarDate } from '@tenderledger/domain-kit';

// Instants are ISO 8601 strings that come in on commands; dates are `YYYY-MM-DD`. Parsing a given
// string is deterministic, so the deciders may do it; they never read a clock.

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds since the epoch of an ISO instant. */
export const epochMs = (instant: string): number => Date.parse(instant);

export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));

/** A real calendar date (2027-02-30 is not): the round trip through Date keeps only valid ones. */
export const isCalendarDate = (value: unknown): value is CalendarDate =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** Refuses a command whose time is missing or not an instant, so no NaN ever reaches a comparison. */
export function requireInstant(value: string, field = 'now'): string {
  if (!isInstant(value)) refuse('AWARD_INVALID_DATE', `${field} is not a date and time.`, { field });
  return value;
}

/** `a` is strictly before `b`. */
export const isBefore = (a: string, b: string): boolean => epochMs(a) < epochMs(b);
