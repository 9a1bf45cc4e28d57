import { criterionId, type CriterionId } from './ids';

/**
 * Award criteria. Weights are integer BASIS POINTS (10,000 = 100.00%): exact integer sums, no
 * floating-point tolerance, and still fine enough for 12.5% or 33.33% splits.
 */
export const WEIGHTS_TOTAL_BASIS_POINTS = 10_000;

/** PSR's five key criteria (Health Care Services (Provider Selection Regime) Regulations 2023, reg. 5). */
export type PsrKeyCriterion =
  | 'quality-and-innovation'
  | 'value'
  | 'integration-collaboration-and-service-sustainability'
  | 'improving-access-reducing-health-inequalities-and-facilitating-choice'
  | 'social-value';

export type CriterionKind = 'psr-key-criterion' | 'quality' | 'price' | 'social-value';

export interface AwardCriterion {
  readonly id: CriterionId;
  readonly name: string;
  readonly description: string;
  readonly kind: CriterionKind;
  /** Set exactly when kind is 'psr-key-criterion'. */
  readonly psrKeyCriterion?: PsrKeyCriterion;
  readonly weightBasisPoints: number;
  /** Top of the scoring scale evaluators use for this criterion (e.g. 5 for a 0–5 scale). */
  readonly maxScore: number;
  /** Lowest score a bid must reach on this criterion to stay in; null when there is no pass mark. */
  readonly passMark: number | null;
}

const PSR_KEY_CRITERIA: ReadonlyArray<{ key: PsrKeyCriterion; name: string }> = [
  { key: 'quality-and-innovation', name: 'Quality and innovation' },
  { key: 'value', name: 'Value' },
  { key: 'integration-collaboration-and-service-sustainability', name: 'Integration, collaboration and service sustainability' },
  {
    key: 'improving-access-reducing-health-inequalities-and-facilitating-choice',
    name: 'Improving access, reducing health inequalities and facilitating choice',
  },
  { key: 'social-value', name: 'Social value' },
];

/** The default criteria set for health services (DESIGN §8): the five PSR key criteria, 20% each, scored 0–5. */
export const defaultHealthServiceCriteria = (): AwardCriterion[] =>
  PSR_KEY_CRITERIA.map(({ key, name }) => ({
    id: criterionId(key),
    name,
    description: `PSR key criterion: ${name.toLowerCase()}.`,
    kind: 'psr-key-criterion',
    psrKeyCriterion: key,
    weightBasisPoints: WEIGHTS_TOTAL_BASIS_POINTS / PSR_KEY_CRITERIA.length,
    maxScore: 5,
    passMark: null,
  }));

/** A price criterion: scored by formula against the other bids' prices, so no pass mark by default. */
export const priceCriterion = (weightBasisPoints: number, id = 'price'): AwardCriterion => ({
  id: criterionId(id),
  name: 'Price',
  description: 'Annual price for the contract, scored relative to the lowest compliant price.',
  kind: 'price',
  weightBasisPoints,
  maxScore: 100,
  passMark: null,
});

export const totalWeightBasisPoints = (criteria: readonly AwardCriterion[]): number =>
  criteria.reduce((sum, criterion) => sum + criterion.weightBasisPoints, 0);

export const weightsSumTo100 = (criteria: readonly AwardCriterion[]): boolean =>
  totalWeightBasisPoints(criteria) === WEIGHTS_TOTAL_BASIS_POINTS;

/** "33.33%" from 3,333 basis points, for refusal messages and reasons. */
export const formatBasisPoints = (basisPoints: number): string => {
  const whole = Math.trunc(basisPoints / 100);
  const rest = Math.abs(basisPoints % 100);
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0')}%`;
};

const isNonNegativeInteger = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

/**
 * The first thing wrong with one criterion's shape, as a sentence, or null. Weights are not summed here:
 * a draft may be incomplete, and the 100% rule is checked when the tender is published.
 */
export function criteriaShapeProblem(criteria: readonly AwardCriterion[]): string | null {
  const seen = new Set<string>();
  for (const c of criteria) {
    if (c.id.trim() === '') return 'Every award criterion needs an id.';
    if (seen.has(c.id)) return `Award criterion id "${c.id}" is used twice.`;
    seen.add(c.id);
    if (c.name.trim() === '') return `Award criterion "${c.id}" needs a name.`;
    if ((c.kind === 'psr-key-criterion') !== (c.psrKeyCriterion !== undefined))
      return `Award criterion "${c.id}" must name a PSR key criterion exactly when its kind is 'psr-key-criterion'.`;
    if (!isNonNegativeInteger(c.weightBasisPoints) || c.weightBasisPoints > WEIGHTS_TOTAL_BASIS_POINTS)
      return `Award criterion "${c.id}" has weight ${c.weightBasisPoints}: weights are whole basis points from 0 to 10,000.`;
    if (!Number.isSafeInteger(c.maxScore) || c.maxScore < 1) return `Award criterion "${c.id}" needs a maximum score of at least 1.`;
    if (c.passMark !== null && (!isNonNegativeInteger(c.passMark) || c.passMark > c.maxScore))
      return `Award criterion "${c.id}" has pass mark ${c.passMark}: it must be a whole score from 0 to ${c.maxScore}.`;
  }
  return null;
}
