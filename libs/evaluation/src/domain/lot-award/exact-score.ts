/**
 * Scores as exact scaled integers. Floating-point sums are order-dependent (0.1 + 0.2 ≠ 0.3), which would
 * make "equal total" depend on the path the algorithm took; scaling every score by a common 10^D makes
 * all comparisons and sums exact. Each number is read as its shortest round-trip decimal (what a person typed).
 */

interface Decimal {
  /** value = digits × 10^exponent */
  readonly digits: bigint;
  readonly exponent: number;
}

function toDecimal(x: number): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new RangeError(`not a finite number: ${x}`);
  const [, sign, whole, fraction = '', exp = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return { digits, exponent: Number(exp) - fraction.length };
}

export interface ScaledScores {
  /** Decimal places D: scaled = score × 10^D exactly. */
  readonly decimals: number;
  readonly scaled: readonly bigint[];
}

export function scaleScores(scores: readonly number[]): ScaledScores {
  const decimals = scores.map(toDecimal);
  const places = decimals.reduce((max, d) => Math.max(max, -d.exponent), 0);
  const scaled = decimals.map((d) => d.digits * 10n ** BigInt(d.exponent + places));
  return { decimals: places, scaled };
}

/** Exact decimal text of scaled / 10^decimals, without trailing zeros ("175.5", "-0.25", "3"). */
export function formatScaled(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
