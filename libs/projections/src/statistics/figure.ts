import { DEFINITIONS, type FigureKey } from './definitions';

/** `share`: a fraction 0–1 (0.013 is the "1.3%" figure); `pence`: annual contract value in pence. */
export type FigureUnit = 'count' | 'share' | 'mean' | 'median-days' | 'pence';

/** One figure, always with its definition, so a number never travels without what it means. */
export interface Figure {
  readonly key: FigureKey;
  readonly label: string;
  readonly unit: FigureUnit;
  /** Null when the figure has no basis (a share or mean over nothing). */
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly definition: string;
}

const base = (key: FigureKey): Pick<Figure, 'key' | 'label' | 'unit' | 'definition'> => ({ key, ...DEFINITIONS[key] });

export const countFigure = (key: FigureKey, value: number): Figure => ({ ...base(key), value });

/** A share or a mean: numerator ÷ denominator, null over nothing; shares rounded to 4 places, means to 2. */
export const ratioFigure = (key: FigureKey, numerator: number, denominator: number): Figure => {
  const figure = base(key);
  const places = figure.unit === 'share' ? 4 : 2;
  const value = denominator === 0 ? null : Number((numerator / denominator).toFixed(places));
  return { ...figure, value, numerator, denominator };
};

export const medianFigure = (key: FigureKey, values: readonly number[]): Figure => ({ ...base(key), value: median(values), denominator: values.length });

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
