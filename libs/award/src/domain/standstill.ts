import { englandAndWales, londonDate, refuse, type CalendarDate, type StandstillCounting } from '@tenderledger/domain-kit';
import type { StandstillRule } from '@tenderledger/tendering';
import { epochMs } from './time';

export type { StandstillRule };

/**
 * A standstill period as recorded in the events: everything needed to show it to a person and to
 * decide conclusion without recomputing (bank-holiday data may change between library versions,
 * the recorded end never does).
 */
export type StandstillPeriod = {
  readonly noticePublishedAt: string;
  readonly noticeDate: CalendarDate;
  readonly counting: StandstillCounting;
  readonly workingDays: number;
  readonly lastWorkingDay: CalendarDate;
  /** The end of the last working day in England, as a UTC instant: conclusion is allowed from here. */
  readonly endsAt: string;
};

/** A rule from the procedure profile, passed on the command; null means the route has no standstill. */
export function requireStandstillRule(rule: StandstillRule | null): StandstillRule | null {
  if (rule === null) return null;
  const whole = (n: number | undefined): boolean => n === undefined || (Number.isInteger(n) && n >= 1);
  const countingOk = rule.counting === 'beginning-with-notice-day' || rule.counting === 'day-after-notice';
  if (!whole(rule.workingDays) || !countingOk || !whole(rule.furtherDaysAfterRepresentations))
    refuse('AWARD_STANDSTILL_RULE_INVALID', 'The standstill rule must count a whole number of working days, at least one, in a known way.');
  return rule;
}

/** The standstill that a notice published at `noticePublishedAt` starts, counted as the rule says. */
export function standstillFrom(rule: StandstillRule, noticePublishedAt: string): StandstillPeriod {
  const noticeDate = londonDate(noticePublishedAt);
  const lastWorkingDay = englandAndWales.lastWorkingDay(noticeDate, rule.workingDays, rule.counting);
  return {
    noticePublishedAt,
    noticeDate,
    counting: rule.counting,
    workingDays: rule.workingDays,
    lastWorkingDay,
    endsAt: englandAndWales.endOfDay(lastWorkingDay),
  };
}

/** The further wait after representations are dismissed (PSR reg. 12): counted from the day after the outcome. */
export type FurtherStandstill = {
  readonly outcomeDate: CalendarDate;
  readonly workingDays: number;
  readonly lastWorkingDay: CalendarDate;
  readonly endsAt: string;
};

export function furtherStandstillFrom(workingDays: number, outcomeAt: string): FurtherStandstill {
  const outcomeDate = londonDate(outcomeAt);
  const lastWorkingDay = englandAndWales.lastWorkingDay(outcomeDate, workingDays, 'day-after-notice');
  return { outcomeDate, workingDays, lastWorkingDay, endsAt: englandAndWales.endOfDay(lastWorkingDay) };
}

/** The later of two instants: a further wait never shortens the standstill already running. */
export const laterOf = (a: string, b: string): string => (epochMs(a) >= epochMs(b) ? a : b);

/** Conclusion is allowed at the end instant itself (end of the last working day), not before. */
export const standstillOver = (endsAt: string, now: string): boolean => epochMs(now) >= epochMs(endsAt);
