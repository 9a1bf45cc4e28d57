import { companyName, federationName, PlaceNames, practiceName } from './names';
import type { Prng } from './prng';
import type { Scale } from './scale';

/** NHS England's seven regions: every ICB sits in one. */
export const REGIONS = ['North East and Yorkshire', 'North West', 'Midlands', 'East of England', 'London', 'South East', 'South West'] as const;

export type ContractType = 'GMS' | 'PMS' | 'APMS';

export interface Commissioner {
  readonly id: string;
  readonly name: string;
  readonly region: string;
}

export interface Practice {
  readonly id: string;
  readonly name: string;
  readonly odsCode: string;
  readonly listSize: number;
  readonly icbId: string;
  /** Size band as the platform derives it from the list size alone (below 10,000 patients: small). */
  readonly small: boolean;
}

export interface Federation {
  readonly id: string;
  readonly name: string;
  readonly icbId: string;
  readonly members: readonly string[];
  readonly staff: number;
}

export interface Company {
  readonly id: string;
  readonly name: string;
  readonly staff: number;
}

export interface Organisations {
  readonly commissioners: readonly Commissioner[];
  readonly practices: readonly Practice[];
  readonly federations: readonly Federation[];
  readonly companies: readonly Company[];
}

/** A practice's registered list: most between 4,000 and 12,000, a long tail of large practices. */
function listSize(prng: Prng): number {
  const base = prng.weighted([
    [[1_800, 5_000], 25],
    [[5_000, 9_999], 40],
    [[10_000, 16_000], 25],
    [[16_000, 32_000], 10],
  ] as const);
  return Math.round(prng.int(base[0], base[1]) / 10) * 10;
}

export function planOrganisations(prng: Prng, scale: Scale): Organisations {
  const places = new PlaceNames(prng.fork('places'));
  const commissioners: Commissioner[] = Array.from({ length: scale.icbs }, (_, i) => {
    const place = places.next();
    return { id: `demo-icb-${String(i + 1).padStart(2, '0')}`, name: `NHS ${place} Integrated Care Board`, region: REGIONS[i % REGIONS.length]! };
  });

  const names = prng.fork('practice-names');
  const sizes = prng.fork('list-sizes');
  const practices: Practice[] = Array.from({ length: scale.practices }, (_, i) => {
    const size = listSize(sizes);
    const icb = commissioners[i % commissioners.length]!;
    // ODS practice codes: a letter for the area, five digits.
    const odsCode = `${String.fromCharCode(65 + (i % 26))}${String(81_000 + i).padStart(5, '0')}`;
    return { id: `demo-practice-${String(i + 1).padStart(4, '0')}`, name: practiceName(names, places.next()), odsCode, listSize: size, icbId: icb.id, small: size < 10_000 };
  });

  // Federations and networks group neighbouring practices of one ICB (none belongs to two).
  const fed = prng.fork('federations');
  const federations: Federation[] = [];
  for (let i = 0; i < scale.federations; i++) {
    const icb = commissioners[i % commissioners.length]!;
    const free = practices.filter((p) => p.icbId === icb.id && !federations.some((f) => f.members.includes(p.id)));
    const members = fed.shuffled(free).slice(0, fed.int(3, 6)).map((p) => p.id).sort();
    if (members.length < 2) break;
    federations.push({ id: `demo-federation-${String(i + 1).padStart(3, '0')}`, name: federationName(fed, places.next()), icbId: icb.id, members, staff: fed.int(30, 140) });
  }

  const co = prng.fork('companies');
  const companies: Company[] = Array.from({ length: scale.companies }, (_, i) => ({ id: `demo-company-${String(i + 1).padStart(2, '0')}`, name: companyName(i), staff: co.int(250, 2_500) }));
  return { commissioners, practices, federations, companies };
}
