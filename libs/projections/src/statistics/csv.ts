import type { TurnoverReport } from './turnover';

export const TURNOVER_CSV_HEADER = ['year', 'region', 'contractType', 'key', 'label', 'unit', 'value', 'numerator', 'denominator', 'definition'] as const;

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
const field = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per figure, with the filter repeated on each row so files for several years can be concatenated. */
export function turnoverCsv(report: TurnoverReport): string {
  const { year, region, contractType } = report.filter;
  const rows = report.figures.map((f) => [year, region, contractType, f.key, f.label, f.unit, f.value, f.numerator, f.denominator, f.definition].map(field).join(','));
  return [TURNOVER_CSV_HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}
