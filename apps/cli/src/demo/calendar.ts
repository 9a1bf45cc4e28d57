/** Date arithmetic for the plan, in UTC (the platform counts working days itself). */
export const DAY_MS = 86_400_000;

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const at = (date: string, time = '10:00'): number => Date.parse(`${date}T${time}:00.000Z`);
export const addDays = (ms: number, days: number): number => ms + days * DAY_MS;
export const yearOf = (ms: number): number => new Date(ms).getUTCFullYear();

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day before, as a date: a five-year term starting 1 April ends on 31 March. */
export const dayBefore = (date: string): string => isoDate(at(date, '12:00') - DAY_MS);
export const dayAfter = (date: string): string => isoDate(at(date, '12:00') + DAY_MS);

/** Moves a moment off a weekend onto the next Monday (decisions are made on working days). */
export function weekday(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return day === 6 ? addDays(ms, 2) : day === 0 ? addDays(ms, 1) : ms;
}
