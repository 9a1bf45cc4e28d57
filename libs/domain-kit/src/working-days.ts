import Holidays from 'date-holidays';

/** A calendar date, `YYYY-MM-DD`, read in England (Europe/London). */
export type CalendarDate = string;

export type StandstillCounting = 'beginning-with-notice-day' | 'day-after-notice';

/**
 * Working days on the England and Wales calendar: Monday to Friday, less the bank holidays
 * that `date-holidays` maintains (substitute days included), so nobody types holidays by hand.
 * Pure and deterministic for a given library version, so deciders may use it.
 */
export class WorkingDayCalendar {
  private readonly holidaysByYear = new Map<number, Set<string>>();
  private readonly source = new Holidays('GB', 'ENG');

  isWorkingDay(date: CalendarDate): boolean {
    const day = new Date(`${date}T12:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6 && !this.bankHolidays(Number(date.slice(0, 4))).has(date);
  }

  /** The bank holidays (public holidays) of a year in England and Wales. */
  bankHolidays(year: number): ReadonlySet<string> {
    let set = this.holidaysByYear.get(year);
    if (!set) {
      set = new Set(this.source.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      this.holidaysByYear.set(year, set);
    }
    return set;
  }

  /**
   * The last working day of a period of `workingDays` counted from `start`: the start day counts
   * as day 1 when it is a working day (Procurement Act 2023, "beginning with the day"); PSR counts
   * from the day after.
   */
  lastWorkingDay(noticeDate: CalendarDate, workingDays: number, counting: StandstillCounting): CalendarDate {
    if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('a period has at least one working day');
    let date = counting === 'beginning-with-notice-day' ? noticeDate : addDays(noticeDate, 1);
    let counted = 0;
    for (;;) {
      if (this.isWorkingDay(date)) counted++;
      if (counted === workingDays) return date;
      date = addDays(date, 1);
    }
  }

  /** A period ends at the end of its last working day, in England: the next day's midnight, London time, as UTC. */
  endOfDay(date: CalendarDate): string {
    return londonMidnightUtc(addDays(date, 1));
  }
}

export const addDays = (date: CalendarDate, days: number): CalendarDate => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The calendar date in England of an instant (23:30Z on 30 June is 1 July in summer time). */
export const londonDate = (instant: Date | string): CalendarDate => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string): string => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
};

/** 00:00 London time on a date, as a UTC ISO instant (GMT in winter, BST in summer). */
function londonMidnightUtc(date: CalendarDate): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // London is UTC+0 or UTC+1: try both and keep the one that reads as midnight in London.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(candidate);
    if (hour === '00' && londonDate(candidate) === date) return candidate.toISOString();
  }
  return new Date(utcMidnight).toISOString();
}

export const englandAndWales = new WorkingDayCalendar();
