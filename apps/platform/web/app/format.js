// How numbers read in the UI: shares as percentages, pence as pounds, London dates.

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const gbpCompact = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

export const pounds = (pence) => (pence === null || pence === undefined ? '—' : gbp.format(pence / 100));
export const poundsCompact = (pence) => (pence === null || pence === undefined ? '—' : gbpCompact.format(pence / 100));
export const percent = (share, places = 1) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(places)}%`);
export const number = (value) => (value === null || value === undefined ? '—' : decimal.format(value));

/** An ISO instant as London time; a bare date (YYYY-MM-DD) as a date. */
export function when(iso) {
  if (!iso) return '—';
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return String(iso);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateOnly.format(parsed) : dateTime.format(parsed);
}

/** A turnover figure's value in its unit (see the API's FigureSchema: share, pence, count, mean, median-days). */
export function figureValue(figure) {
  if (figure.value === null) return '—';
  switch (figure.unit) {
    case 'share':
      return percent(figure.value);
    case 'pence':
      return pounds(figure.value);
    case 'median-days':
      return `${number(figure.value)} days`;
    default:
      return number(figure.value);
  }
}

/** What a figure was computed over: "1 of 4", "over 3 tenders", or why it has no value. */
export function figureBasis(figure) {
  if (figure.value === null) return 'no basis in this period';
  if (figure.unit === 'share' && figure.denominator !== undefined) return `${number(figure.numerator)} of ${number(figure.denominator)}`;
  if (figure.unit === 'mean' && figure.denominator !== undefined) return `${number(figure.numerator)} over ${number(figure.denominator)}`;
  if (figure.unit === 'median-days' && figure.denominator !== undefined) return `median of ${number(figure.denominator)}`;
  return null;
}
