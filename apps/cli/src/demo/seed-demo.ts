import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock } from '@tenderledger/domain-kit';
import { currentHolder } from '@tenderledger/event-store';
import { platformConfigFromEnv } from '../../../platform/src/infrastructure/platform-config';
import { localTarget } from '../target';
import { isoDate, yearOf } from './calendar';
import { DemoClient } from './client';
import { plannedTotals } from './expectations';
import type { DemoPlan } from './plan-types';
import { DemoRunner, type DemoReport } from './runner';
import { isScaleName, SCALES } from './scale';
import { buildPlan, DEFAULT_SEED, STORY_YEARS } from './story';

export interface SeedDemoOptions {
  readonly seed?: number;
  readonly scale?: string;
  readonly force?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Where to say what happens (stderr by default). */
  readonly say?: (line: string) => void;
}

export interface SeedDemoResult {
  readonly plan: DemoPlan;
  readonly report: DemoReport;
  /** What the platform's API returns after the story, to hold against the report. */
  readonly counted: { organisations: number; contracts: number; tenders: number; directAwards: number };
  readonly seconds: number;
}

const LOCK_FILE = 'tenderledger.lock';

/**
 * `seed-demo`: writes a synthetic history from January 2021 to November 2026 into an empty embedded
 * data folder, through the platform's own HTTP API. The platform runs in-process with its clock set
 * to the story's start; the story moves it forward through the dev clock route, and the platform's
 * own process managers close submissions, open bids, conclude awards after standstill and expire
 * contracts as it passes each moment.
 */
export async function seedDemo(options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const env = options.env ?? process.env;
  const seed = options.seed ?? DEFAULT_SEED;
  const scaleName = options.scale ?? 'full';
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number, got ${options.seed}`);
  if (!isScaleName(scaleName)) throw new Error(`--scale must be small or full, got ${scaleName}`);

  const config = platformConfigFromEnv({ ...env, PORT: '0', HOST: '127.0.0.1', AUTH_MODE: 'dev' });
  if (config.eventStore.kind !== 'pglite') throw new Error('seed-demo writes into the embedded store (DATA_DIR) only; unset EVENT_STORE=postgres');
  const dataDir = config.eventStore.dataDir;
  if (!dataDir) throw new Error('seed-demo needs a data folder (DATA_DIR)');
  const holder = currentHolder(dataDir);
  if (holder) {
    throw new Error(
      `a platform (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}) holds ${dataDir}. seed-demo writes a history that starts in January 2021, so it must run the platform itself with its clock set to then (a running platform's clock stands at today and only moves forward). Stop it, or set DATA_DIR to another folder, and run seed-demo again.`,
    );
  }
  const plan = buildPlan(seed, SCALES[scaleName]);
  if (Date.now() < plan.end) throw new Error(`this machine's clock (${new Date().toISOString()}) is before the story's end (${new Date(plan.end).toISOString()}): the platform would later see events from its future`);

  const present = existsSync(dataDir) ? readdirSync(dataDir).filter((name) => name !== LOCK_FILE) : [];
  if (present.length > 0) {
    if (!options.force) throw new Error(`${dataDir} is not empty (${present.length} entries): seed-demo writes into an empty data folder. Use another DATA_DIR, or --force to delete this folder's contents first.`);
    say(`--force: deleting the contents of ${dataDir} (${present.length} entries)`);
    for (const name of present) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });

  const totals = plannedTotals(plan);
  say(`seed-demo: seed ${seed}, scale ${scaleName}: ${totals.organisations} organisations, ${totals.contracts} contracts, ${totals.tenders} tenders (${totals.lots} lots, ${totals.bids} bids), ${totals.directAwards} direct awards, ${plan.actions.length} register decisions, ${isoDate(plan.start)} to ${isoDate(plan.end)}`);
  const started = Date.now();
  const clock = new FixedClock(new Date(plan.start));
  const target = await localTarget(config, dataDir, clock);
  say(`using ${target.description}; its clock starts at ${clock.now().toISOString()} and moves forward through POST /api/dev/clock`);
  try {
    const client = new DemoClient(target.url);
    const report = await new DemoRunner(plan, client).run();
    const auditor = await client.token('auditor', 'demo-national-audit-office', 'demo.auditor');
    const counted = {
      organisations: (await client.get<unknown[]>(auditor, '/api/organisations')).length,
      contracts: (await client.get<unknown[]>(auditor, '/api/contracts')).length,
      tenders: (await client.get<unknown[]>(auditor, '/api/tenders')).length,
      directAwards: (await client.get<unknown[]>(auditor, '/api/direct-awards')).length,
    };
    const seconds = (Date.now() - started) / 1000;
    say(`done in ${seconds.toFixed(1)} s: ${report.requests} requests, ${report.clockMoves} clock moves; the clock stands at ${clock.now().toISOString()}`);
    say(`  organisations ${report.organisations} registered (the API lists ${counted.organisations})`);
    say(`  contracts ${report.contracts} imported from CSV, ${report.registerActions} extended/renewed/terminated/bought out; the register lists ${counted.contracts} (successors of awards included)`);
    say(`  tenders ${report.tenders} (the API lists ${counted.tenders}), ${report.lots} lots, ${report.bids} bids, ${report.lotsAwarded} lots awarded and concluded, ${report.challenges} challenges and representations`);
    say(`  direct awards ${report.directAwards} (the API lists ${counted.directAwards})`);
    for (const year of STORY_YEARS) {
      const stats = await client.get<{ figures: { key: string; value: number | null; numerator?: number; denominator?: number }[] }>(auditor, `/api/statistics/turnover?year=${year}`);
      const f = (key: string) => stats.figures.find((x) => x.key === key);
      const share = (key: string) => (f(key)?.value === null || f(key)?.value === undefined ? '—' : `${(f(key)!.value! * 100).toFixed(1)}%`);
      say(`  ${year}: tendered ${share('contractsTendered')} of ${f('activeContracts')?.value} active contracts, renewed or extended without competition ${share('renewedOrExtendedWithoutCompetition')}, provider changed in ${f('providerChanged')?.numerator ?? 0} of ${f('providerChanged')?.denominator ?? 0} re-procurements, small providers won ${f('lotsWonBySmallProviders')?.numerator ?? 0} of ${f('lotsWonBySmallProviders')?.denominator ?? 0} lots`);
    }
    say(`now: npm start (DATA_DIR=${dataDir}), then GET /api/statistics/turnover?year=${yearOf(plan.end)}`);
    return { plan, report, counted, seconds };
  } finally {
    await target.close();
  }
}
