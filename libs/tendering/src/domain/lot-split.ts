import { refuse } from '@tenderledger/domain-kit';
import { formatPence, groupThousands, listInWords } from './format';
import { lotId, type LocalityId, type LotId, type ServiceLineId } from './ids';
import { serviceLinesProblem, type Locality, type Pence, type ServiceLine } from './services';

/** The most one lot should hold so that a small practice or federation could deliver it. */
export interface LotCeiling {
  readonly maxPopulation: number;
  readonly maxAnnualValuePence: Pence;
}

export interface LotSplitInput {
  readonly services: readonly ServiceLine[];
  readonly ceiling: LotCeiling;
}

export interface ProposedLot {
  readonly lotId: LotId;
  readonly title: string;
  /** Coherence: every lot is one service line, or localities of one service line. */
  readonly serviceLineId: ServiceLineId;
  /** Localities in this lot; empty when the service line has no localities (the lot is the whole line). */
  readonly localityIds: readonly LocalityId[];
  readonly population: number;
  readonly annualValuePence: Pence;
  /** True when the lot is still above a ceiling and no split by locality can bring it under. */
  readonly exceedsCeiling: boolean;
  /** Why the lot is shaped so, in words a commissioner can put in the procurement record. */
  readonly reason: string;
}

export interface LotSplitProposal {
  readonly ceiling: LotCeiling;
  readonly lots: readonly ProposedLot[];
}

export const lotCeilingProblem = (ceiling: LotCeiling): string | null =>
  Number.isSafeInteger(ceiling.maxPopulation) && ceiling.maxPopulation > 0 && Number.isSafeInteger(ceiling.maxAnnualValuePence) && ceiling.maxAnnualValuePence > 0
    ? null
    : 'A lot ceiling needs a maximum population of at least one patient and a maximum annual value above zero pence.';

/**
 * Proposes lots a small provider could deliver. Pure and deterministic: the same input always gives the
 * same lots, ids (`lot-1`, `lot-2`, ... in output order) and reasons.
 *
 * - A service line within both ceilings stays one lot.
 * - One above a ceiling is split by locality; its value is shared out by population (largest remainder,
 *   so the pence add up exactly). Localities that fit are grouped, first-fit by decreasing size, while
 *   the group stays within both ceilings; a locality above a ceiling on its own becomes a flagged lot.
 * - Lots of one service line are listed in the order of their first locality in the input.
 */
export function proposeLotSplit(input: LotSplitInput): LotSplitProposal {
  const problem = serviceLinesProblem(input.services) ?? lotCeilingProblem(input.ceiling);
  if (problem !== null) refuse('LOT_SPLIT_INPUT_INVALID', problem);
  const shapes = input.services.flatMap((line) => shapeServiceLine(line, input.ceiling));
  return { ceiling: input.ceiling, lots: shapes.map((shape, i) => ({ lotId: lotId(`lot-${i + 1}`), ...shape })) };
}

type LotShape = Omit<ProposedLot, 'lotId'>;

interface Piece {
  readonly locality: Locality;
  readonly index: number;
  readonly valuePence: Pence;
}

function shapeServiceLine(line: ServiceLine, ceiling: LotCeiling): LotShape[] {
  const over = ceilingBreaches(line.population, line.annualValuePence, ceiling);
  if (over.length === 0) {
    return [
      {
        title: line.name,
        serviceLineId: line.id,
        localityIds: line.localities.map((l) => l.id),
        population: line.population,
        annualValuePence: line.annualValuePence,
        exceedsCeiling: false,
        reason:
          `${line.name}: one lot for the whole service line because it covers ${describe(line.population, line.annualValuePence)}, ` +
          `within the ceilings of ${groupThousands(ceiling.maxPopulation)} patients and ${formatPence(ceiling.maxAnnualValuePence)}.`,
      },
    ];
  }
  const why = `the service line covers ${listInWords(over)}`;
  if (line.localities.length === 0) {
    return [
      {
        title: line.name,
        serviceLineId: line.id,
        localityIds: [],
        population: line.population,
        annualValuePence: line.annualValuePence,
        exceedsCeiling: true,
        reason: `${line.name}: kept whole but flagged for review because ${why}, and it has no localities to split it by.`,
      },
    ];
  }
  const values = apportionByPopulation(line.annualValuePence, line.localities);
  const pieces: Piece[] = line.localities.map((locality, index) => ({ locality, index, valuePence: values[index]! }));
  return groupPieces(pieces, ceiling)
    .sort((a, b) => a[0]!.index - b[0]!.index)
    .map((group) => shapeGroup(line, group, why, ceiling));
}

/** First-fit decreasing: biggest localities first, each into the first group it fits, else a new group. */
function groupPieces(pieces: readonly Piece[], ceiling: LotCeiling): Piece[][] {
  const bySize = [...pieces].sort(
    (a, b) => b.locality.population - a.locality.population || b.valuePence - a.valuePence || a.index - b.index,
  );
  const groups: Piece[][] = [];
  for (const piece of bySize) {
    const alone = ceilingBreaches(piece.locality.population, piece.valuePence, ceiling);
    const home =
      alone.length > 0
        ? undefined
        : groups.find(
            (group) =>
              ceilingBreaches(sumPopulation(group) + piece.locality.population, sumValue(group) + piece.valuePence, ceiling).length === 0,
          );
    if (home) home.push(piece);
    else groups.push([piece]);
  }
  return groups.map((group) => [...group].sort((a, b) => a.index - b.index));
}

function shapeGroup(line: ServiceLine, group: readonly Piece[], why: string, ceiling: LotCeiling): LotShape {
  const names = group.map((p) => p.locality.name);
  const population = sumPopulation(group);
  const value = sumValue(group);
  const place = `${listInWords(names)} ${group.length === 1 ? 'locality' : 'localities'}`;
  const prefix = `${line.name}, ${place}: split by locality because ${why}`;
  const breaches = ceilingBreaches(population, value, ceiling);
  let reason: string;
  if (breaches.length > 0) {
    reason =
      `${prefix}; ${names[0]} alone covers ${listInWords(breaches)}, and cannot be split further by locality, ` +
      'so the lot is flagged for the commissioner to review (a finer area, sub-contracting, or a recorded reason to keep it).';
  } else if (group.length === 1) {
    reason = `${prefix}; this lot covers ${describe(population, value)}.`;
  } else {
    reason = `${prefix}; ${listInWords(names)} are grouped because together they cover ${describe(population, value)}, within the ceilings.`;
  }
  return {
    title: `${line.name} – ${listInWords(names)}`,
    serviceLineId: line.id,
    localityIds: group.map((p) => p.locality.id),
    population,
    annualValuePence: value,
    exceedsCeiling: breaches.length > 0,
    reason,
  };
}

/** Phrases naming each ceiling the figures are above, e.g. "84,000 patients, above the 30,000 ceiling". */
function ceilingBreaches(population: number, valuePence: Pence, ceiling: LotCeiling): string[] {
  const over: string[] = [];
  if (population > ceiling.maxPopulation)
    over.push(`${groupThousands(population)} patients, above the ${groupThousands(ceiling.maxPopulation)} ceiling`);
  if (valuePence > ceiling.maxAnnualValuePence)
    over.push(`${formatPence(valuePence)} a year, above the ${formatPence(ceiling.maxAnnualValuePence)} ceiling`);
  return over;
}

const describe = (population: number, valuePence: Pence): string => `${groupThousands(population)} patients and ${formatPence(valuePence)} a year`;
const sumPopulation = (group: readonly Piece[]): number => group.reduce((s, p) => s + p.locality.population, 0);
const sumValue = (group: readonly Piece[]): number => group.reduce((s, p) => s + p.valuePence, 0);

/**
 * Shares `total` pence across localities in proportion to population, exactly: floor shares, then the
 * leftover pence one each to the largest remainders (ties to the earlier locality). BigInt avoids
 * overflow of value × population above 2^53.
 */
export function apportionByPopulation(total: Pence, localities: readonly Pick<Locality, 'population'>[]): Pence[] {
  const weight = BigInt(localities.reduce((s, l) => s + l.population, 0));
  const exact = localities.map((l) => BigInt(total) * BigInt(l.population));
  const shares = exact.map((e) => e / weight);
  let leftover = BigInt(total) - shares.reduce((s, x) => s + x, 0n);
  const order = exact
    .map((e, index) => ({ index, remainder: e % weight }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (leftover === 0n) break;
    shares[index] = shares[index]! + 1n;
    leftover -= 1n;
  }
  return shares.map(Number);
}
