import type { SqlEventStore, StoredEvent } from '@tenderledger/event-store';
import { OcdsProjection } from '../ocds/ocds-projection';
import { OcdsReleases } from '../ocds/ocds-releases';
import { OcdsSqlProjection } from '../ocds/ocds.sql-projection';
import type { AnyOcdsRelease } from '../ocds/ocds-types';
import type { SqlProjection, SqlQuery, TableName } from '../runtime/sql-projection';
import { SqlProjectionRunner } from '../runtime/sql-projection-runner';
import type { RebuildProgress } from '../runtime/sql-projection-runner';
import { untilVisible } from '../runtime/sql-projection-contract';
import type { StatisticsFacts } from '../statistics/facts';
import { TurnoverStatistics } from '../statistics/statistics-projection';
import { DEFAULT_SHORT_TENDER_PERIOD_DAYS, type TurnoverFilter } from '../statistics/scope';
import { computeTurnover } from '../statistics/turnover';
import { TurnoverFactsSqlProjection } from '../statistics/turnover-facts.sql-projection';
import { TurnoverReader } from '../statistics/turnover-reader';
import { appendProcurements } from './read-model-history';

/**
 * The turnover statistics and OCDS read models on the SQL projection runtime, run on PGlite (unit)
 * and on PostgreSQL (test/infra). `open` must hand out a fresh, empty store each time.
 */
export interface SqlReadModelsContractOptions {
  open(): Promise<SqlEventStore>;
}

const PREFIX = 'ocds-test00';
const FILTERS: TurnoverFilter[] = [
  { year: 2026, today: '2027-06-01', shortTenderPeriodDays: DEFAULT_SHORT_TENDER_PERIOD_DAYS },
  { year: 2026, today: '2026-04-01', region: 'north east and yorkshire', contractType: 'GMS', shortTenderPeriodDays: 45 },
  { year: 2031, today: '2032-01-01', shortTenderPeriodDays: DEFAULT_SHORT_TENDER_PERIOD_DAYS },
];
const KINDS = ['organisations', 'contracts', 'outcomes', 'tenders', 'bids', 'directAwards', 'challenges'] as const;

/** What a reader gets: every fact in order, the figures for a few filters, and each tender's releases. */
type Answers = { facts: Record<string, [string, unknown][]>; reports: unknown[]; releases: Record<string, readonly AnyOcdsRelease[]> };

const answersOf = (facts: StatisticsFacts, releasesOf: (tenderId: string) => readonly AnyOcdsRelease[], tenders: number): Answers => ({
  facts: Object.fromEntries(KINDS.map((kind) => [kind, [...facts[kind].entries()]])),
  reports: FILTERS.map((filter) => computeTurnover(facts, filter)),
  releases: Object.fromEntries(Array.from({ length: tenders }, (_, i) => [`tender-${i}`, releasesOf(`tender-${i}`)])),
});

/** Delegates to a projection and notes, per page, how many events it was handed and how many statements it ran. */
class Counting implements SqlProjection {
  readonly pages: { events: number; statements: number }[] = [];
  readonly name: string;
  readonly version: number;
  readonly handles: readonly string[];
  readonly tables: readonly string[];

  constructor(readonly inner: SqlProjection) {
    ({ name: this.name, version: this.version, handles: this.handles, tables: this.tables } = inner);
  }

  createTables(table: TableName): string {
    return this.inner.createTables(table);
  }

  async applyPage(events: readonly StoredEvent[], query: SqlQuery, table: TableName): Promise<void> {
    let statements = 0;
    const counted: SqlQuery = <Row,>(sql: string, params?: readonly unknown[]) => {
      statements++;
      return query<Row>(sql, params);
    };
    await this.inner.applyPage(events, counted, table);
    this.pages.push({ events: events.length, statements });
  }

  get events(): number {
    return this.pages.reduce((sum, page) => sum + page.events, 0);
  }
}

/** The two read models on one runner, with their readers as the platform builds them. */
export function readModels(store: SqlEventStore, pageSize: number, prefix = PREFIX) {
  const runner = new SqlProjectionRunner(store, { pageSize, pollIntervalMs: 5 });
  const statistics = new TurnoverFactsSqlProjection();
  const ocds = new OcdsSqlProjection(prefix);
  const counted = { statistics: new Counting(statistics), ocds: new Counting(ocds) };
  runner.register(counted.statistics);
  runner.register(counted.ocds);
  const turnover = new TurnoverReader(runner, store, statistics);
  const releases = new OcdsReleases(runner, store, ocds);
  return {
    runner,
    counted,
    releases,
    async answers(tenders: number): Promise<Answers> {
      const facts = await turnover.facts();
      const byTender = new Map<string, readonly AnyOcdsRelease[]>();
      for (let i = 0; i < tenders; i++) byTender.set(`tender-${i}`, await releases.releasesOf(`tender-${i}`));
      return answersOf(facts, (id) => byTender.get(id)!, tenders);
    },
  };
}

/** The same history folded in memory, as the read models were before (only the types each handles, like the runners). */
export async function inMemoryAnswers(store: SqlEventStore, tenders: number, prefix = PREFIX): Promise<Answers> {
  const statistics = new TurnoverStatistics();
  const ocds = new OcdsProjection(prefix);
  for await (const event of store.readAll()) {
    if (statistics.handles.includes(event.type)) statistics.apply(event);
    if (ocds.handles.includes(event.type)) ocds.apply(event);
  }
  return answersOf(statistics.facts, (id) => ocds.releasesOf(id), tenders);
}

/** Deep equality, and the exact JSON text (key order included: a release must come back as it was built). */
export function expectSameAnswers(actual: Answers, expected: Answers): void {
  expect(actual).toEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

async function handledAfter(store: SqlEventStore, position: number, handles: readonly string[]): Promise<number> {
  let count = 0;
  for await (const event of store.readAll({ fromPosition: position })) if (handles.includes(event.type)) count++;
  return count;
}

const checkpoint = async (store: SqlEventStore, name: string) =>
  (await store.executor.query<{ position: string | number; active_table_suffix: string; rebuilding_suffix: string | null }>('select * from tl_projections where name = $1', [name]))[0]!;

export function sqlReadModelsContract(label: string, options: SqlReadModelsContractOptions): void {
  describe(`turnover statistics and OCDS as SQL projections (${label})`, () => {
    let store: SqlEventStore;
    const runners: SqlProjectionRunner[] = [];
    const open = (pageSize: number) => {
      const models = readModels(store, pageSize);
      runners.push(models.runner);
      return models;
    };

    beforeEach(async () => {
      store = await options.open();
    });
    afterEach(async () => {
      for (const runner of runners.splice(0)) await runner.stop();
      await store.close();
    });

    it('folds exactly what the in-memory read models fold, with a few statements per page whatever its size', async () => {
      await appendProcurements(store, 0, 12, true);
      await untilVisible(store);
      const models = open(25);
      await models.runner.install();
      await models.runner.catchUp();

      expectSameAnswers(await models.answers(12), await inMemoryAnswers(store, 12));
      const answers = await models.answers(12);
      expect(answers.releases['tender-1']!.map((r) => r.tag[0])).toEqual(['tender', 'tenderAmendment', 'award', 'contract', 'contract']);
      expect(answers.releases['tender-4']!.map((r) => r.tag[0])).toEqual(['tender', 'tenderCancellation']);
      expect(answers.facts['outcomes']!.length).toBeGreaterThan(5);
      // Batched: a full page of handled events costs a constant handful of statements, not one per event.
      const { statistics, ocds } = models.counted;
      expect(Math.max(...statistics.pages.map((p) => p.events))).toBeGreaterThanOrEqual(20);
      expect(Math.max(...ocds.pages.map((p) => p.events))).toBeGreaterThanOrEqual(20);
      expect(Math.max(...statistics.pages.map((p) => p.statements))).toBeLessThanOrEqual(3);
      expect(Math.max(...ocds.pages.map((p) => p.statements))).toBeLessThanOrEqual(5);
    });

    it('restarts from its checkpoint: a new runner applies only what was appended since, and answers for everything', async () => {
      await appendProcurements(store, 0, 6, true);
      await untilVisible(store);
      const first = open(25);
      await first.runner.install();
      await first.runner.catchUp();
      await first.runner.stop();
      const head = await store.headPosition();
      for (const name of ['turnover-statistics', 'ocds']) expect(Number((await checkpoint(store, name)).position)).toBe(head);

      await appendProcurements(store, 6, 4);
      await untilVisible(store);
      const second = open(25);
      await second.runner.install();
      await second.runner.catchUp();
      const { statistics, ocds } = second.counted;
      // Only the new events were handed to the projections: nothing from position 0 was replayed.
      expect(statistics.events).toBe(await handledAfter(store, head, statistics.handles));
      expect(ocds.events).toBe(await handledAfter(store, head, ocds.handles));
      expect(statistics.events).toBeLessThan(await handledAfter(store, 0, statistics.handles) / 2);
      expectSameAnswers(await second.answers(10), await inMemoryAnswers(store, 10));
    });

    it('rebuilds each into fresh tables while the old ones keep serving and follow new events, then swaps: same answers throughout', async () => {
      await appendProcurements(store, 0, 8, true);
      await untilVisible(store);
      const models = open(20);
      await models.runner.install();
      await models.runner.catchUp();
      let expected = await inMemoryAnswers(store, 10);
      expectSameAnswers(await models.answers(10), expected);

      for (const name of ['turnover-statistics', 'ocds']) {
        const before = await checkpoint(store, name);
        const checks: RebuildProgress['state'][] = [];
        let appended = false;
        const progress = await models.runner.rebuild(name, async (status) => {
          if (status.state !== 'running' || status.processed === 0) return;
          expect((await checkpoint(store, name)).rebuilding_suffix).not.toBeNull();
          if (!appended && name === 'turnover-statistics') {
            // New events mid-rebuild: the live loop keeps the serving generation current.
            appended = true;
            await appendProcurements(store, 8, 2);
            await untilVisible(store);
            await models.runner.catchUp('turnover-statistics');
            await models.runner.catchUp('ocds');
            expected = await inMemoryAnswers(store, 10);
          }
          expectSameAnswers(await models.answers(10), expected);
          checks.push(status.state);
        });
        expect(progress.state).toBe('swapped');
        expect(checks.length).toBeGreaterThan(2);
        const after = await checkpoint(store, name);
        expect(after.active_table_suffix).not.toBe(before.active_table_suffix);
        expect(after.rebuilding_suffix).toBeNull();
        const [old] = await store.executor.query<{ gone: string | null }>('select to_regclass($1)::text as gone', [`${models.counted.statistics.name === name ? TurnoverFactsSqlProjection.TABLE : OcdsSqlProjection.DOCUMENTS}__${before.active_table_suffix}`]);
        expect(old!.gone).toBeNull();
        expectSameAnswers(await models.answers(10), expected);
      }
    });
  });
}
