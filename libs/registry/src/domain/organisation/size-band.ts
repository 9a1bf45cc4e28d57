/**
 * Provider size bands, used by the statistics to ask whether small providers win work
 * (DESIGN §1, §7: "share of lots and value won by small providers").
 *
 * Default thresholds (upper bounds, exclusive) and where they come from:
 * - list size 10,000: about the average registered list of an English GP practice
 *   (NHS Digital, "Patients Registered at a GP Practice", 2023–24), so "small" is below average;
 * - list size 30,000: the lower bound of a Primary Care Network's population in the Network
 *   Contract DES, so "large" means at least a whole network's worth of patients;
 * - staff 25 / 100: an assumption of this project (a 10,000-patient practice employs roughly
 *   25 people, all roles); the UK/EU SME headcounts (50 / 250) describe companies in general
 *   and would count almost every practice as small.
 * Callers can pass their own thresholds; the band is computed once, at registration, and kept
 * in the event, so changing the thresholds never rewrites history.
 */
export type SizeBand = 'small' | 'medium' | 'large';

export interface SizeMeasures {
  readonly listSize?: number | null;
  readonly staff?: number | null;
}

export interface SizeThresholds {
  /** Below these a provider is small. */
  readonly small: { readonly listSize: number; readonly staff: number };
  /** Below these (and not small) a provider is medium; otherwise large. */
  readonly medium: { readonly listSize: number; readonly staff: number };
}

export const DEFAULT_SIZE_THRESHOLDS: SizeThresholds = {
  small: { listSize: 10_000, staff: 25 },
  medium: { listSize: 30_000, staff: 100 },
};

const RANK: readonly SizeBand[] = ['small', 'medium', 'large'];

/**
 * Each stated measure gives a band and the provider takes the larger one: a 50,000-patient
 * provider with few staff on its own books is not a small provider. Returns null when neither
 * measure is stated (size unknown, reported as such rather than guessed).
 */
export function sizeBand(measures: SizeMeasures, thresholds: SizeThresholds = DEFAULT_SIZE_THRESHOLDS): SizeBand | null {
  const bands: SizeBand[] = [];
  if (measures.listSize != null) bands.push(bandOf(measures.listSize, thresholds.small.listSize, thresholds.medium.listSize));
  if (measures.staff != null) bands.push(bandOf(measures.staff, thresholds.small.staff, thresholds.medium.staff));
  if (bands.length === 0) return null;
  return RANK[Math.max(...bands.map((band) => RANK.indexOf(band)))]!;
}

const bandOf = (value: number, smallBelow: number, mediumBelow: number): SizeBand =>
  value < smallBelow ? 'small' : value < mediumBelow ? 'medium' : 'large';
