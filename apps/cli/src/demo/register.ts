import { addMonths, dayAfter } from './calendar';
import type { Commissioner, ContractType, Organisations, Practice } from './organisations';
import type { PlannedContract } from './plan-types';
import type { Prng } from './prng';

/**
 * Every practice holds one core contract: GMS (most, long-running), PMS (locally agreed, ending on
 * 31 March of some year) or APMS (fixed-term). Contracts the story acts on are cut to measure by
 * the story (see story.ts); the rest get end dates spread over the years.
 */
export const CORE_SERVICES = ['core general practice'] as const;

const perPatientPence = (prng: Prng): number => prng.int(10_500, 14_500);

export function coreContract(prng: Prng, practice: Practice, icb: Commissioner, shape: { type: ContractType; endDate: string } | null): PlannedContract {
  const type = shape?.type ?? prng.weighted<ContractType>([['GMS', 60], ['PMS', 25], ['APMS', 15]]);
  const endDate =
    shape?.endDate ??
    (type === 'GMS' ? `${prng.int(2031, 2036)}-03-31` : type === 'PMS' ? `${prng.int(2027, 2031)}-03-31` : prng.pick([`${prng.int(2022, 2030)}-03-31`, `${prng.int(2022, 2030)}-09-30`]));
  const startDate = type === 'APMS' ? dayAfter(addMonths(endDate, -60)) : `${prng.int(2004, 2016)}-04-01`;
  return {
    reference: `${type}-${practice.odsCode}`,
    contractType: type,
    holderId: practice.id,
    commissionerId: icb.id,
    region: icb.region,
    listSize: practice.listSize,
    annualValuePence: practice.listSize * perPatientPence(prng),
    startDate,
    endDate,
    services: type === 'GMS' ? CORE_SERVICES : [...CORE_SERVICES, prng.pick(['extended access', 'enhanced services', 'care home support'])],
  };
}

/** A larger APMS contract (several sites, a merged list) that the story re-procures: five years ending on `endDate`. */
export function apmsContract(prng: Prng, reference: string, holderId: string, icb: Commissioner, population: number, endDate: string): PlannedContract {
  return {
    reference,
    contractType: 'APMS',
    holderId,
    commissionerId: icb.id,
    region: icb.region,
    listSize: population,
    annualValuePence: population * perPatientPence(prng),
    startDate: dayAfter(addMonths(endDate, -60)),
    endDate,
    services: [...CORE_SERVICES, 'extended access'],
  };
}

const CSV_HEADER = 'reference,contract_type,holder_id,commissioner_id,region,list_size,annual_value,start_date,end_date,services';
const cell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const pounds = (pence: number): string => `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;

/** The register as the CSV import route reads it (annual value in pounds), in chunks of `size` rows. */
export function registerCsvChunks(contracts: readonly PlannedContract[], size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < contracts.length; i += size) {
    const rows = contracts.slice(i, i + size).map((c) =>
      [c.reference, c.contractType, c.holderId, c.commissionerId, c.region, String(c.listSize), pounds(c.annualValuePence), c.startDate, c.endDate, c.services.join(';')].map(cell).join(','),
    );
    chunks.push([CSV_HEADER, ...rows].join('\n'));
  }
  return chunks;
}

export const commissionerOf = (organisations: Organisations, id: string): Commissioner => {
  const found = organisations.commissioners.find((c) => c.id === id);
  if (!found) throw new Error(`no commissioner ${id} in the plan`);
  return found;
};
