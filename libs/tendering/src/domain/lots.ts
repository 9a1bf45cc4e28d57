import { lotId, type LocalityId, type LotId, type ServiceLineId } from './ids';
import type { ProposedLot } from './lot-split';
import { isPence, type Pence, type ServiceLine } from './services';

/** Part of a lot: a service line, limited to some of its localities (empty list = the whole line). */
export interface LotScope {
  readonly serviceLineId: ServiceLineId;
  readonly localityIds: readonly LocalityId[];
}

export interface Lot {
  readonly id: LotId;
  readonly title: string;
  readonly description: string;
  readonly scope: readonly LotScope[];
  readonly population: number;
  readonly estimatedAnnualValuePence: Pence;
}

/** The id of the single lot a tender gets when the commissioner records why it is not split. */
export const WHOLE_CONTRACT_LOT_ID = lotId('whole-contract');

export const lotFromProposal = (proposed: ProposedLot): Lot => ({
  id: proposed.lotId,
  title: proposed.title,
  description: proposed.reason,
  scope: [{ serviceLineId: proposed.serviceLineId, localityIds: proposed.localityIds }],
  population: proposed.population,
  estimatedAnnualValuePence: proposed.annualValuePence,
});

export const wholeContractLot = (terms: {
  title: string;
  services: readonly ServiceLine[];
  population: number;
  estimatedAnnualValuePence: Pence;
}): Lot => ({
  id: WHOLE_CONTRACT_LOT_ID,
  title: terms.title,
  description: 'The whole contract as one lot: the commissioner recorded why it is not split.',
  scope: terms.services.map((line) => ({ serviceLineId: line.id, localityIds: [] })),
  population: terms.population,
  estimatedAnnualValuePence: terms.estimatedAnnualValuePence,
});

/**
 * The first thing wrong with a list of lots, as a sentence, or null: ids unique, figures whole numbers,
 * every scope names the tender's own service lines and localities, and no locality sits in two lots.
 */
export function lotsProblem(lots: readonly Lot[], services: readonly ServiceLine[]): string | null {
  if (lots.length === 0) return 'Give at least one lot.';
  const ids = new Set<string>();
  const claimed = new Map<string, 'whole' | Set<string>>();
  for (const lot of lots) {
    if (lot.id.trim() === '' || lot.title.trim() === '') return 'Every lot needs an id and a title.';
    if (ids.has(lot.id)) return `Lot id "${lot.id}" is used twice.`;
    ids.add(lot.id);
    if (!Number.isSafeInteger(lot.population) || lot.population < 1) return `Lot "${lot.title}" needs a population of at least one patient.`;
    if (!isPence(lot.estimatedAnnualValuePence)) return `Lot "${lot.title}" needs an estimated annual value in whole pence, not negative.`;
    if (lot.scope.length === 0) return `Lot "${lot.title}" must cover at least one service line.`;
    for (const part of lot.scope) {
      const line = services.find((s) => s.id === part.serviceLineId);
      if (!line) return `Lot "${lot.title}" names service line "${part.serviceLineId}", which this tender does not buy.`;
      const already = claimed.get(line.id);
      if (already === 'whole' || (already && part.localityIds.length === 0))
        return `Service line "${line.name}" is in more than one lot as a whole: split it by locality instead.`;
      if (part.localityIds.length === 0) {
        claimed.set(line.id, 'whole');
        continue;
      }
      const taken = already ?? new Set<string>();
      for (const id of part.localityIds) {
        if (!line.localities.some((l) => l.id === id)) return `Lot "${lot.title}" names locality "${id}", which "${line.name}" does not cover.`;
        if (taken.has(id)) return `Locality "${id}" of "${line.name}" is in more than one lot.`;
        taken.add(id);
      }
      claimed.set(line.id, taken);
    }
  }
  return null;
}
