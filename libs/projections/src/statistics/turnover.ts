import { AWARD_PROCESSES } from './definitions';
import type { StatisticsFacts } from './facts';
import type { Figure } from './figure';
import { awardFigures } from './figures/awards';
import { contractFigures } from './figures/contracts';
import { lotFigures } from './figures/lots';
import { outcomeFigures } from './figures/outcomes';
import { providerFigures } from './figures/providers';
import { assessRedFlags, redFlagFigures, RED_FLAGS, type TenderRedFlags } from './figures/red-flags';
import { periodOf, type Period, type TurnoverFilter } from './scope';

/** Chart-ready: one series per chart, points in display order. */
export interface Series {
  readonly key: string;
  readonly label: string;
  readonly unit: Figure['unit'];
  readonly points: readonly { readonly x: string; readonly y: number | null }[];
}

export interface TurnoverReport {
  readonly filter: { readonly year: number; readonly region: string | null; readonly contractType: string | null; readonly shortTenderPeriodDays: number };
  readonly period: Period;
  readonly figures: readonly Figure[];
  readonly redFlags: readonly TenderRedFlags[];
  readonly series: readonly Series[];
  /** What these figures cannot tell, stated rather than guessed. */
  readonly limitations: readonly string[];
}

export const LIMITATIONS: readonly string[] = [
  'Values are annual contract values in pence, not whole-life values.',
  'A direct award without an incumbent contract has no contract type: it is left out whenever a contractType filter is set.',
  "A consortium counts as small only when its lead organisation's size band is small; members' sizes are not combined.",
  'Late bid won: the platform refuses bids after the deadline, so the flag can only fire on a record altered outside the domain; last-minute (but on-time) winning bids are not flagged.',
  'All but the winner disqualified is known only once the evaluation is completed; tenders awarded without a recorded evaluation never raise it.',
  'Contracts registered outside TenderLedger count from their start date; their earlier history (previous holders, earlier tenders) is unknown.',
];

/** Every figure for one year and filter, computed from the facts on request. Pure: no clock, no I/O. */
export function computeTurnover(facts: StatisticsFacts, filter: TurnoverFilter): TurnoverReport {
  const period = periodOf(filter);
  const redFlags = assessRedFlags(facts, filter);
  const figures = [
    ...contractFigures(facts, filter, period),
    ...outcomeFigures(facts, filter),
    ...providerFigures(facts, filter, period),
    ...lotFigures(facts, filter),
    ...awardFigures(facts, filter),
    ...redFlagFigures(redFlags),
  ];
  return {
    filter: { year: filter.year, region: filter.region ?? null, contractType: filter.contractType ?? null, shortTenderPeriodDays: filter.shortTenderPeriodDays },
    period,
    figures,
    redFlags,
    series: seriesOf(figures),
    limitations: LIMITATIONS,
  };
}

function seriesOf(figures: readonly Figure[]): Series[] {
  const value = (key: string): number | null => figures.find((f) => f.key === key)?.value ?? null;
  return [
    { key: 'awardsByProcessCount', label: 'Awards by process', unit: 'count', points: AWARD_PROCESSES.map((p) => ({ x: p, y: value(`awardsByProcess.${p}.count`) })) },
    { key: 'awardsByProcessValue', label: 'Annual value awarded by process', unit: 'pence', points: AWARD_PROCESSES.map((p) => ({ x: p, y: value(`awardsByProcess.${p}.value`) })) },
    { key: 'competitionVsRenewal', label: 'Tendered vs renewed or extended without competition', unit: 'share', points: [{ x: 'tendered', y: value('contractsTendered') }, { x: 'renewedOrExtended', y: value('renewedOrExtendedWithoutCompetition') }] },
    { key: 'redFlags', label: 'Share of tenders with each red flag', unit: 'share', points: RED_FLAGS.map((flag) => ({ x: flag, y: value(`redFlags.${flag}`) })) },
  ];
}
