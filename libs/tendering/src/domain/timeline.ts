/** Timestamps are ISO 8601 strings on commands and events; the decider parses them, it never reads a clock. */
export interface Timeline {
  readonly clarificationDeadline: string;
  readonly submissionDeadline: string;
  readonly plannedAwardDate: string;
}

/** Either an end date or a length in months, never both. */
export type ContractTerm =
  | { readonly startDate: string; readonly endDate: string; readonly months?: never }
  | { readonly startDate: string; readonly months: number; readonly endDate?: never };

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch, or NaN when the text is not a date. */
export const instant = (iso: string): number => (typeof iso === 'string' && iso.trim() !== '' ? new Date(iso).getTime() : Number.NaN);

export const isInstant = (iso: string): boolean => !Number.isNaN(instant(iso));

/** Names of the timeline fields that are not dates. */
export const unparseableTimelineFields = (timeline: Timeline): string[] =>
  (['clarificationDeadline', 'submissionDeadline', 'plannedAwardDate'] as const).filter((field) => !isInstant(timeline[field]));

/** Clarification deadline < submission deadline < planned award, and (when given) now < clarification deadline. */
export const deadlinesInOrder = (timeline: Timeline, now?: string): boolean =>
  (now === undefined || instant(now) < instant(timeline.clarificationDeadline)) &&
  instant(timeline.clarificationDeadline) < instant(timeline.submissionDeadline) &&
  instant(timeline.submissionDeadline) < instant(timeline.plannedAwardDate);

/**
 * Whole calendar days from publication to the submission deadline (elapsed time ÷ 24 h, rounded down):
 * a tender published at 09:00 on 5 January with a deadline at 12:00 on 30 January has a 25-day period.
 */
export const tenderPeriodDays = (publishedAt: string, submissionDeadline: string): number =>
  Math.floor((instant(submissionDeadline) - instant(publishedAt)) / DAY_MS);

export const contractTermProblem = (term: ContractTerm): string | null => {
  if (!isInstant(term.startDate)) return 'The contract term needs a start date.';
  if (term.endDate !== undefined) {
    if (!isInstant(term.endDate) || instant(term.endDate) <= instant(term.startDate)) return 'The contract term must end after it starts.';
    return null;
  }
  return Number.isSafeInteger(term.months) && term.months > 0 ? null : 'The contract term needs a whole number of months, at least one.';
};
