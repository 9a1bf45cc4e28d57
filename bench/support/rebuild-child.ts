/**
 * A projector process for the SIGKILL rebuild test (test/infra/projection-rebuild-sigkill.spec.ts).
 *
 *   node dist/bench/support/rebuild-child.js pglite <dataDir> <version> <pageSize>
 *   node dist/bench/support/rebuild-child.js postgres <url> <schema> <version> <pageSize>
 *
 * Opens the store, registers EventRowsProjection at <version> and rebuilds it (page by page,
 * printing `started <suffix> <from>` then `progress <position> <processed>` after each committed
 * page and `swapped <position>` at the end). The test kills it with SIGKILL part-way through.
 */
import { lockDataFolder, openPgliteEventStore, openPostgresEventStore, type SqlEventStore } from '@tenderledger/event-store';
import { SqlProjectionRunner } from '../../libs/projections/src/runtime/sql-projection-runner';
import { EventRowsProjection } from './rebuild-projection';

async function main(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  let store: SqlEventStore;
  let version: number;
  let pageSize: number;
  if (kind === 'pglite') {
    const [dataDir, v, p] = args as [string, string, string];
    lockDataFolder(dataDir, { kind: 'cli' });
    store = (await openPgliteEventStore({ dataDir })).store;
    version = Number(v);
    pageSize = Number(p);
  } else if (kind === 'postgres') {
    const [url, schema, v, p] = args as [string, string, string, string];
    store = (await openPostgresEventStore({ connectionString: url, pool: { options: `-c search_path=${schema}` } })).store;
    version = Number(v);
    pageSize = Number(p);
  } else {
    throw new Error(`unknown store kind ${kind}`);
  }
  const runner = new SqlProjectionRunner(store, { pageSize });
  const projection = new EventRowsProjection(version);
  runner.register(projection);
  await runner.install();
  let announced = false;
  const done = await runner.rebuild(projection.name, (status) => {
    if (!announced) {
      announced = true;
      process.stdout.write(`started ${status.toSuffix} ${status.position}\n`);
    }
    if (status.state === 'running') process.stdout.write(`progress ${status.position} ${status.processed}\n`);
  });
  process.stdout.write(`swapped ${done.position}\n`);
  await store.close();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
