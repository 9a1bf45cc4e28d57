/** How big a history to write: `small` for tests (tens of practices, a handful of tenders), `full` for a demo. */
export interface Scale {
  readonly name: 'small' | 'full';
  readonly icbs: number;
  readonly practices: number;
  readonly federations: number;
  readonly companies: number;
  /** Competitive tenders published per year, per ICB (rounded over the ICBs). */
  readonly tendersPerYear: number;
  /** PSR direct awards per year (mostly C, keeping the incumbent). */
  readonly directAwardsPerYear: number;
  /** Register actions per year: extensions, renewals under a contract option, terminations, buy-outs. */
  readonly extensionsPerYear: number;
  readonly renewalsPerYear: number;
  readonly terminationsPerYear: number;
  readonly buyOutsPerYear: number;
  /** Contract register rows per CSV import request. */
  readonly importChunk: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  small: { name: 'small', icbs: 2, practices: 40, federations: 3, companies: 2, tendersPerYear: 1, directAwardsPerYear: 1.34, extensionsPerYear: 1, renewalsPerYear: 1, terminationsPerYear: 0.34, buyOutsPerYear: 0.34, importChunk: 25 },
  full: { name: 'full', icbs: 10, practices: 2_000, federations: 50, companies: 8, tendersPerYear: 10, directAwardsPerYear: 8, extensionsPerYear: 20, renewalsPerYear: 12, terminationsPerYear: 4, buyOutsPerYear: 3, importChunk: 500 },
};

export const isScaleName = (name: string): name is Scale['name'] => name === 'small' || name === 'full';
