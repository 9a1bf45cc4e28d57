import type { LocalityId, ServiceLineId } from './ids';

/** Money is integer PENCE everywhere in this context: exact sums, no rounding drift in value conservation. */
export type Pence = number;

export interface Locality {
  readonly id: LocalityId;
  readonly name: string;
  /** Registered patients (list size) in this locality for the service line. */
  readonly population: number;
}

/** One service the tender buys (e.g. core GMS, extended access), over one or more localities. */
export interface ServiceLine {
  readonly id: ServiceLineId;
  readonly name: string;
  readonly population: number;
  readonly annualValuePence: Pence;
  /** May be empty (the service line is one area); otherwise the populations add up to the line's. */
  readonly localities: readonly Locality[];
}

const isPositiveInteger = (n: number): boolean => Number.isSafeInteger(n) && n > 0;
export const isPence = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** The first thing wrong with the service lines, as a sentence, or null. */
export function serviceLinesProblem(services: readonly ServiceLine[]): string | null {
  if (services.length === 0) return 'A tender needs at least one service line.';
  const ids = new Set<string>();
  for (const line of services) {
    if (line.id.trim() === '' || line.name.trim() === '') return 'Every service line needs an id and a name.';
    if (ids.has(line.id)) return `Service line id "${line.id}" is used twice.`;
    ids.add(line.id);
    if (!isPositiveInteger(line.population)) return `Service line "${line.name}" needs a population of at least one patient.`;
    if (!isPence(line.annualValuePence)) return `Service line "${line.name}" needs an annual value in whole pence, not negative.`;
    const localityIds = new Set<string>();
    for (const locality of line.localities) {
      if (locality.id.trim() === '' || locality.name.trim() === '') return `Every locality of "${line.name}" needs an id and a name.`;
      if (localityIds.has(locality.id)) return `Locality id "${locality.id}" is used twice in "${line.name}".`;
      localityIds.add(locality.id);
      if (!isPositiveInteger(locality.population)) return `Locality "${locality.name}" of "${line.name}" needs a population of at least one patient.`;
    }
    const sum = line.localities.reduce((total, locality) => total + locality.population, 0);
    if (line.localities.length > 0 && sum !== line.population)
      return `The localities of "${line.name}" cover ${sum} patients but the service line says ${line.population}.`;
  }
  return null;
}
