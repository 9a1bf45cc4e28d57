// Issue 5 acceptance: kill the projector mid-rebuild (a real process, SIGKILL), restart, and the
// result equals a clean rebuild, row for row.
//
// The projector is bench/support/rebuild-child.ts, compiled to dist/ by scripts/build.cjs in
// beforeAll and run with plain `node`. It rebuilds EventRowsProjection (one key-less row per
// handled event, so a page applied twice shows as duplicates and a lost page as missing rows)
// page by page and prints each committed page; the test SIGKILLs it part-way, checks what the
// crash left behind, restarts the runner in this process (the resume), and compares the active
// rows with the rows computed from the events and with a clean rebuild from position 0.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { lockDataFolder, openPgliteEventStore, openPostgresEventStore, type SqlEventStore, type StoredEvent } from '@tenderledger/event-store';
import { newEvent } from '../../libs/event-store/src/testing/contract';
import { SqlProjectionRunner } from '../../libs/projections/src/runtime/sql-projection-runner';
import { EventRowsProjection, eventRows, type EventRow } from '../../bench/support/rebuild-projection';
import { describeWithPostgres, PG_URL } from '../support/infra';

const ROOT = resolve(__dirname, '../..');
const CHILD = join(ROOT, 'dist/bench/support/rebuild-child.js');
const EVENTS = 20_000;
const PER_APPEND = 100;
const CHILD_PAGE = 100;
/** Kill once the child has committed rebuild pages past this position (of ~EVENTS). */
const KILL_AFTER = 3_000;
const NAME = 'event-rows';

interface Opened {
  store: SqlEventStore;
  close(): Promise<void>;
}

interface Target {
  /** Opens the store in this process (PGlite: the folder must not be open anywhere else). */
  open(): Promise<Opened>;
  /** argv for the child after the script path. */
  childArgs(version: number, pageSize: number): string[];
}

interface Checkpoint {
  active_table_suffix: string;
  position: string | number;
  rebuilding_suffix: string | null;
  rebuild_position: string | number | null;
}

const checkpoint = async (store: SqlEventStore): Promise<Checkpoint> =>
  (await store.executor.query<Checkpoint>('select active_table_suffix, position, rebuilding_suffix, rebuild_position from tl_projections where name = $1', [NAME]))[0]!;

const query = (store: SqlEventStore) => <Row,>(sql: string, params?: readonly unknown[]) => store.executor.query<Row>(sql, params);

async function seed(store: SqlEventStore): Promise<void> {
  for (let i = 0; i < EVENTS; i += PER_APPEND) {
    const batch = Array.from({ length: PER_APPEND }, (_, j) => {
      const n = i + j;
      return newEvent(n % 7 === 3 ? 'Ignored' : n % 5 === 0 ? 'Tallied' : 'Counted', { n });
    });
    await store.append(`thing-${randomUUID()}`, batch, 'no-stream');
  }
}

async function allEvents(store: SqlEventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const e of store.readAll({ pageSize: 5000 })) events.push(e);
  return events;
}

/** What the projection must contain, computed straight from the events. */
function expectedRows(events: readonly StoredEvent[], version: number, upTo = Number.MAX_SAFE_INTEGER): EventRow[] {
  const handles = new EventRowsProjection(version).handles;
  return events
    .filter((e) => handles.includes(e.type) && e.globalPosition <= upTo)
    .map((e) => ({ global_position: e.globalPosition, stream_id: e.streamId, type: e.type, n: (e.data as { n: number }).n, version }));
}

interface ChildRun {
  lines: string[];
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last position the child reported as committed before it was killed. */
  lastReported: number;
}

/** Spawns the projector, SIGKILLs it once it has committed pages past KILL_AFTER, and waits for it to die. */
function runAndKill(args: string[]): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { lines: [], stderr: '', code: null, signal: null, lastReported: 0 };
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child made no progress past ${KILL_AFTER} in 60 s:\n${run.lines.join('\n')}\n${run.stderr}`));
    }, 60_000);
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (killed) return;
      run.lines.push(line);
      const m = /^progress (\d+) /.exec(line);
      if (m) run.lastReported = Number(m[1]);
      if (run.lastReported >= KILL_AFTER) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      run.code = code;
      run.signal = signal;
      resolvePromise(run);
    });
  });
}

function sigkillScenario(label: string, target: () => Target): void {
  it(`${label}: a rebuild SIGKILLed mid-way resumes at the next start and equals a clean rebuild, row for row`, async () => {
    const t = target();

    // 1. 20k events, projected once at version 1 (the active generation the rebuild replaces).
    let opened = await t.open();
    await seed(opened.store);
    const events = await allEvents(opened.store);
    expect(events).toHaveLength(EVENTS);
    const head = await opened.store.headPosition();
    {
      const runner = new SqlProjectionRunner(opened.store, { pageSize: 2000 });
      runner.register(new EventRowsProjection(1));
      await runner.install();
      await runner.catchUp();
      expect(await eventRows(query(opened.store))).toEqual(expectedRows(events, 1));
      expect(await checkpoint(opened.store)).toMatchObject({ active_table_suffix: 'v1_1', rebuilding_suffix: null });
      expect(Number((await checkpoint(opened.store)).position)).toBe(head);
    }
    await opened.close(); // PGlite: one process per folder, so the parent lets go before the child opens it

    // 2. A real projector process rebuilds at version 2 in pages of 100; it is SIGKILLed part-way.
    const run = await runAndKill(t.childArgs(2, CHILD_PAGE));
    expect({ signal: run.signal, stderr: run.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    expect(run.lines[0]).toBe('started v2_2 0');
    expect(run.lines.some((l) => l.startsWith('swapped'))).toBe(false);
    expect(run.lastReported).toBeGreaterThanOrEqual(KILL_AFTER);

    // 3. What the crash left: the half-built generation holds exactly the pages its checkpoint covers
    //    (at least those the child reported committed, never the whole log), the old one still serves.
    opened = await t.open();
    const crashed = await checkpoint(opened.store);
    expect(crashed).toMatchObject({ active_table_suffix: 'v1_1', rebuilding_suffix: 'v2_2' });
    expect(Number(crashed.position)).toBe(head);
    const resumeFrom = Number(crashed.rebuild_position);
    expect(resumeFrom).toBeGreaterThanOrEqual(run.lastReported);
    expect(resumeFrom).toBeLessThan(head);
    expect(await eventRows(query(opened.store), 'tlp_test_event_rows__v2_2')).toEqual(expectedRows(events, 2, resumeFrom));
    expect(await eventRows(query(opened.store))).toEqual(expectedRows(events, 1));

    // 4. Restart: the runner resumes the rebuild from its checkpoint (not from 0) and swaps it in.
    const runner = new SqlProjectionRunner(opened.store, { pageSize: CHILD_PAGE, pollIntervalMs: 10 });
    runner.register(new EventRowsProjection(2));
    try {
      await runner.start();
      const resumed = await runner.rebuild(NAME); // joins the rebuild start() resumed
      expect(resumed).toMatchObject({ state: 'swapped', fromSuffix: 'v1_1', toSuffix: 'v2_2', position: head });
      expect(resumed.processed).toBe(events.filter((e) => e.globalPosition > resumeFrom).length);
      expect(await checkpoint(opened.store)).toMatchObject({ active_table_suffix: 'v2_2', rebuilding_suffix: null, rebuild_position: null });
      expect(Number((await checkpoint(opened.store)).position)).toBe(head);
      await runner.waitFor(head);
      expect((await runner.progress(NAME)).position).toBe(head);
      const afterResume = await eventRows(query(opened.store));
      expect(afterResume).toEqual(expectedRows(events, 2)); // no page lost, none applied twice
      expect(await opened.store.executor.query(`select 1 from information_schema.tables where table_name = 'tlp_test_event_rows__v1_1'`)).toHaveLength(0);

      // 5. A clean rebuild from position 0 over the same events gives the same rows, row for row.
      const clean = await runner.rebuild(NAME);
      expect(clean).toMatchObject({ state: 'swapped', fromSuffix: 'v2_2', toSuffix: 'v2_3', position: head, processed: EVENTS });
      expect(await eventRows(query(opened.store))).toEqual(afterResume);
      expect(Number((await checkpoint(opened.store)).position)).toBe(head);
    } finally {
      await runner.stop();
      await opened.close();
    }
  }, 300_000); // 20k events seeded, projected three times and replayed by a child: ~10-30 s alone, more on a loaded machine
}

beforeAll(() => {
  // The child runs from dist/ with plain node; scripts/build.cjs compiles bench/ (≈1 s).
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.cjs')], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(CHILD)) throw new Error(`${CHILD} was not built`);
});

describe('SQL projection rebuild survives SIGKILL (PGlite data folder)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  sigkillScenario('pglite', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tl-rebuild-sigkill-'));
    dirs.push(dataDir);
    return {
      async open() {
        // The killed child's lock is stale (its pid is gone) and is taken over; a live holder would throw.
        const release = lockDataFolder(dataDir, { kind: 'cli' });
        const { store } = await openPgliteEventStore({ dataDir });
        return { store, close: async () => (await store.close(), release()) };
      },
      childArgs: (version, pageSize) => ['pglite', dataDir, String(version), String(pageSize)],
    };
  });
});

describeWithPostgres('SQL projection rebuild survives SIGKILL (PostgreSQL)', () => {
  const schemas: string[] = [];
  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  afterAll(async () => {
    for (const schema of schemas) await admin(`drop schema if exists ${schema} cascade`);
  });

  sigkillScenario('postgres', () => {
    const schema = `tl_test_sigkill_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    schemas.push(schema);
    let created = false;
    return {
      async open() {
        if (!created) await admin(`create schema ${schema}`);
        created = true;
        const { store } = await openPostgresEventStore({ connectionString: PG_URL, pool: { options: `-c search_path=${schema}` } });
        return { store, close: () => store.close() };
      },
      childArgs: (version, pageSize) => ['postgres', PG_URL, schema, String(version), String(pageSize)],
    };
  });
});
