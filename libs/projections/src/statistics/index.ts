// Public surface of the turnover statistics (re-exported from libs/projections/src/index.ts).
export { StatisticsModule } from './statistics.module';
export { TurnoverStatistics, recordStatistics, STATISTICS_EVENT_TYPES } from './statistics-projection';
export { TurnoverFactsSqlProjection } from './turnover-facts.sql-projection';
export { TurnoverReader } from './turnover-reader';
export { computeTurnover, LIMITATIONS, type TurnoverReport, type Series } from './turnover';
export { turnoverCsv, TURNOVER_CSV_HEADER } from './csv';
export { DEFINITIONS, FIGURE_KEYS, AWARD_PROCESSES, type FigureKey, type AwardProcessKey } from './definitions';
export type { Figure, FigureUnit } from './figure';
export { RED_FLAGS, type RedFlag, type TenderRedFlags } from './figures/red-flags';
export { DEFAULT_SHORT_TENDER_PERIOD_DAYS, type TurnoverFilter, type Period } from './scope';
export type * from './facts';
