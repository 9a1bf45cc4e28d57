/**
 * Sizes and connection settings of the event-store bench, all overridable from the environment.
 *
 *   BENCH_PG_URL   PostgreSQL server (a database name in it is ignored: the bench makes its own)
 *   BENCH_SCALE    multiplies every workload size (default 1; 0.1 for a smoke run)
 *   BENCH_ROUNDS   measured repetitions per line, the median is reported (default 3)
 *   BENCH_PGLITE   0 to skip the PGlite lines
 *   BENCH_PGLITE_ROUNDS  repetitions of the PGlite lines (default 2)
 *   BENCH_SETTLE_BUDGET_MS  total time the bench may wait for other processes to go quiet (default 30000)
 *   BENCH_KEEP_DBS 1 to keep the tl_bench_* databases afterwards (for EXPLAIN and friends)
 *   BENCH_JSON     a file to write the raw results to
 */
export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger';

const scale = Number(process.env.BENCH_SCALE ?? '1');
export const SCALE = Number.isFinite(scale) && scale > 0 ? scale : 1;
export const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? '3')) || 3);
export const PGLITE_ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_PGLITE_ROUNDS ?? '2')) || 2);
export const WITH_PGLITE = process.env.BENCH_PGLITE !== '0';
export const KEEP_DBS = process.env.BENCH_KEEP_DBS === '1';
export const JSON_OUT = process.env.BENCH_JSON;

const scaled = (n: number, min = 1): number => Math.max(min, Math.round(n * SCALE));

export interface AppendWorkload {
  readonly writers: number;
  readonly appendsPerWriter: number;
  readonly eventsPerAppend: number;
  /** Each writer rotates over its own streams, always with the exact expected version. */
  readonly streamsPerWriter: number;
}

export const WORKLOADS = {
  single: { writers: 1, appendsPerWriter: scaled(2000, 20), eventsPerAppend: 1, streamsPerWriter: scaled(200, 2) },
  concurrent: { writers: 8, appendsPerWriter: scaled(500, 5), eventsPerAppend: 1, streamsPerWriter: scaled(50, 1) },
  batch: { writers: 1, appendsPerWriter: scaled(200, 4), eventsPerAppend: 100, streamsPerWriter: scaled(20, 1) },
} satisfies Record<string, AppendWorkload>;

export const WARMUPS = {
  single: { writers: 1, appendsPerWriter: scaled(200, 10), eventsPerAppend: 1, streamsPerWriter: scaled(20, 2) },
  concurrent: { writers: 8, appendsPerWriter: scaled(40, 4), eventsPerAppend: 1, streamsPerWriter: scaled(5, 1) },
  batch: { writers: 1, appendsPerWriter: scaled(20, 2), eventsPerAppend: 100, streamsPerWriter: scaled(5, 1) },
} satisfies Record<string, AppendWorkload>;

/** The replay history: seeded with batch appends (not timed), then read once per round. */
export const REPLAY_EVENTS = scaled(100_000, 1000);
export const REPLAY_SEED: AppendWorkload = {
  writers: 2,
  appendsPerWriter: Math.ceil(REPLAY_EVENTS / 200),
  eventsPerAppend: 100,
  streamsPerWriter: Math.max(1, Math.ceil(REPLAY_EVENTS / 2000)),
};
export const REPLAY_WARMUP_EVENTS = Math.min(REPLAY_EVENTS, scaled(2_000, 200));
export const PAGE_SIZE = 1000;

/** PGlite reference lines (in-process WASM, fsync off): smaller, it is slower per call. */
export const PGLITE_WORKLOADS = {
  single: { writers: 1, appendsPerWriter: scaled(1000, 20), eventsPerAppend: 1, streamsPerWriter: scaled(100, 2) },
  batch: { writers: 1, appendsPerWriter: scaled(100, 4), eventsPerAppend: 100, streamsPerWriter: scaled(10, 1) },
} satisfies Record<string, AppendWorkload>;

export const DATABASES = { ours: 'tl_bench_ours', raw: 'tl_bench_raw', emmett: 'tl_bench_emmett' } as const;

/** The same server URL with another database name. */
export function urlFor(database: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}
