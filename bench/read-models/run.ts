/**
 * Statistics and OCDS read models (issue 5): what a start costs now that they are SQL projections,
 * beside what it cost when they were folded in memory from position 0 at every start. One run,
 * one store, ratios against the in-memory fold:
 *
 *   in-memory fold   readAll from 0 + TurnoverStatistics + OcdsProjection (the old start path)
 *   first build      a new runner applies everything into fresh tables (install + catch up)
 *   restart          a new runner on the same tables (install + catch up): nothing to replay
 *   rebuild stats    SqlProjectionRunner.rebuild('turnover-statistics'), swap included
 *   rebuild ocds     SqlProjectionRunner.rebuild('ocds'), swap included
 *   turnover cold    TurnoverReader.turnover: load every fact + compute (first read after a commit)
 *   turnover warm    the same question again (facts cached per checkpoint)
 *
 *   node scripts/build.cjs && node dist/bench/read-models/run.js
 *
 *   BENCH_STORE     postgres (default) or pglite (in memory)
 *   BENCH_PG_URL    server (default postgres://postgres@127.0.0.1:5432/tenderledger); a schema of its own, dropped after
 *   BENCH_TENDERS   procurements to seed (default 500, about 17 events each)
 *   BENCH_PAGE      events per page (default 1000)
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openPgliteEventStore, openPostgresEventStore, type SqlEventStore } from '@tenderledger/event-store';
import { appendProcurements } from '../../libs/projections/src/testing/read-model-history';
import { inMemoryAnswers, readModels } from '../../libs/projections/src/testing/sql-read-models-contract';
import { TurnoverReader } from '../../libs/projections/src/statistics/turnover-reader';
import { TurnoverFactsSqlProjection } from '../../libs/projections/src/statistics/turnover-facts.sql-projection';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger';
const KIND = process.env.BENCH_STORE === 'pglite' ? 'pglite' : 'postgres';
const TENDERS = Math.max(10, Number(process.env.BENCH_TENDERS ?? '500') || 500);
const PAGE = Math.max(10, Number(process.env.BENCH_PAGE ?? '1000') || 1000);
const SCHEMA = `tl_bench_models_${randomUUID().replace(/-/g, '').slice(0, 8)}`;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function open(): Promise<SqlEventStore> {
  if (KIND === 'pglite') return (await openPgliteEventStore()).store;
  await admin(`create schema ${SCHEMA}`);
  return (await openPostgresEventStore({ connectionString: PG_URL, pool: { options: `-c search_path=${SCHEMA}` } })).store;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ label: string; seconds: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(`  ${label}: ${seconds.toFixed(3)} s\n`);
  return { label, seconds, value };
}

async function main(): Promise<void> {
  const store = await open();
  try {
    process.stderr.write(`seeding ${TENDERS} procurements on ${KIND}…\n`);
    for (let from = 0; from < TENDERS; from += 50) {
      await appendProcurements(store, from, Math.min(50, TENDERS - from), from === 0);
      process.stderr.write(`  ${Math.min(from + 50, TENDERS)}/${TENDERS}\r`);
    }
    let events = 0;
    for await (const _ of store.readAll({ raw: true })) events++;
    process.stderr.write(`\n${events} events; page ${PAGE}\n`);

    const rows = [];
    rows.push(await timed('in-memory fold', () => inMemoryAnswers(store, 1)));
    const first = readModels(store, PAGE);
    rows.push(await timed('first build', async () => (await first.runner.install(), await first.runner.catchUp())));
    await first.runner.stop();
    const again = readModels(store, PAGE);
    rows.push(await timed('restart', async () => (await again.runner.install(), await again.runner.catchUp())));
    const replayed = again.counted.statistics.events + again.counted.ocds.events;
    rows.push(await timed('rebuild stats', () => again.runner.rebuild('turnover-statistics')));
    rows.push(await timed('rebuild ocds', () => again.runner.rebuild('ocds')));
    const reader = new TurnoverReader(again.runner, store, new TurnoverFactsSqlProjection());
    const filter = { year: 2026, today: '2027-06-01', shortTenderPeriodDays: 30 };
    rows.push(await timed('turnover cold', () => reader.turnover(filter)));
    rows.push(await timed('turnover warm', () => reader.turnover(filter)));
    await again.runner.stop();

    const base = rows[0]!.seconds;
    console.log(`\nStatistics + OCDS read models, ${KIND}, ${events} events, page ${PAGE} (ratios: time ÷ in-memory fold)\n`);
    console.log('| phase | seconds | × in-memory fold |');
    console.log('|---|---:|---:|');
    for (const row of rows) console.log(`| ${row.label} | ${row.seconds.toFixed(3)} | ${(row.seconds / base).toFixed(2)} |`);
    console.log(`\nrestart handed ${replayed} events to the projections (nothing replayed).`);
  } finally {
    await store.close();
    if (KIND === 'postgres') await admin(`drop schema if exists ${SCHEMA} cascade`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
