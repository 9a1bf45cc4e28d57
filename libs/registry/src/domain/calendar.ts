import { refuse } from '@tenderledger/domain-kit';

/**
 * Calendar dates are ISO `YYYY-MM-DD` strings: they serialise as they are, and two valid ones
 * compare correctly as strings. Checked by arithmetic, so no Date (and no time zone) is involved.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Contracts run on English calendar days: 23:30 UTC on 30 June is already 1 July in London (BST).
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The date in England at the instant `now` (an ISO 8601 timestamp from the command).
 * Parsing a given string is deterministic; the clock itself stays outside the domain.
 */
export function londonDateOf(now: string): IsoDate {
  const instant = new Date(now);
  if (typeof now !== 'string' || Number.isNaN(instant.getTime())) {
    return refuse('REGISTRY_NOW_INVALID', 'The time of the command is missing or is not an ISO 8601 timestamp.', {
      now,
    });
  }
  return LONDON_DAY.format(instant);
}
