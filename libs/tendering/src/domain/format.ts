import type { Pence } from './services';

/** Deterministic en-GB style formatting for reasons and refusal messages (no locale/ICU dependence). */
export const groupThousands = (n: number): string => {
  const digits = String(Math.abs(Math.trunc(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
};

/** 123456789 pence → "£1,234,567.89"; whole pounds drop the ".00". */
export const formatPence = (pence: Pence): string => {
  const pounds = Math.trunc(pence / 100);
  const rest = Math.abs(pence % 100);
  return `£${groupThousands(pounds)}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
};

/** ["East"] → "East"; ["A","B","C"] → "A, B and C". */
export const listInWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
