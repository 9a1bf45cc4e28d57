import { randomUUID } from 'node:crypto';
import type { SqlExecutor, StoredEvent } from '@tenderledger/event-store';
import type { ProjectionProgress } from './projection-runner';
import type { SqlProjection, SqlQuery, TableName } from './sql-projection';

/** What the runner needs from the store: its SQL executor (same database) and the gap-safe global order. */
export interface SqlProjectionStore {
  readonly executor: SqlExecutor;
  readAll(options: { fromPosition?: number; limit?: number; pageSize?: number }): AsyncIterable<StoredEvent>;
  headPosition(): Promise<number>;
}

export interface SqlProjectionRunnerOptions {
  /** Events per page (and per transaction). */
  readonly pageSize?: number;
  /** How often an idle projection looks for new events (waitFor wakes it at once). */
  readonly pollIntervalMs?: number;
  readonly onError?: (projection: string, error: unknown) => void;
  /**
   * 'write' (default) applies pages; 'follow' only tracks the checkpoints another process writes
   * (the distributed shape's gateway reads the tables the projector keeps), so waitFor still works.
   */
  readonly role?: 'write' | 'follow';
}

export interface RebuildProgress {
  readonly id: string;
  readonly name: string;
  readonly state: 'running' | 'swapped' | 'failed';
  /** Events replayed into the new generation so far (this run; a resumed rebuild starts from its checkpoint). */
  readonly processed: number;
  /** Events in the store when the rebuild started (what the progress bar aims at). */
  readonly total: number;
  readonly fromSuffix: string | null;
  readonly toSuffix: string;
  readonly position: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

interface Row {
  name: string;
  active_table_suffix: string;
  position: string | number;
  last_recorded_at: string | Date | null;
  rebuilding_suffix: string | null;
  rebuild_position: string | number | null;
}

/** Told after each rebuild page commits (outside any transaction); the rebuild waits for a returned promise. */
export type RebuildListener = (progress: RebuildProgress) => void | Promise<void>;

class CheckpointMoved extends Error {}

const CHECKPOINT_DDL = [
  `create table if not exists tl_projections (
    name                text primary key,
    active_table_suffix text not null,
    position            bigint not null default 0,
    last_recorded_at    timestamptz,
    updated_at          timestamptz not null default now(),
    rebuilding_suffix   text,
    rebuild_position    bigint
  )`,
];

const physical = (suffix: string): TableName => (base) => `${base}__${suffix}`;
const versionOf = (suffix: string): number => Number(/^v(\d+)_/.exec(suffix)?.[1] ?? NaN);
const generationOf = (suffix: string | null): number => Number(/_(\d+)$/.exec(suffix ?? '')?.[1] ?? 0);
const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());
/** DDL scripts are split on `;` (no function bodies), so they run through a parameterless `query` on both drivers. */
const statements = (ddl: string): string[] => ddl.split(';').map((s) => s.trim()).filter((s) => s.length > 0);

/**
 * Runs SQL projections (DESIGN §7) off the store's global order.
 *
 * Exactly-once effect: each page (up to `pageSize` events after the checkpoint) is applied in ONE
 * transaction that first locks the projection's `tl_projections` row, checks the checkpoint is
 * still where the page was read from (another runner on the same database may have moved it:
 * then nothing is written and the page is read again), writes the rows, and moves the checkpoint
 * over the whole page — handled or not. A crash leaves either the page and its checkpoint, or neither.
 *
 * Rebuild: a new generation of tables (suffix `v{version}_{n}`) is filled from position 0 in page
 * transactions with its own checkpoint (`rebuilding_suffix`, `rebuild_position`) while the live
 * loop keeps the active generation current and queries keep reading it through the views. Once
 * the rebuild has caught up, the live loop of this process pauses and one transaction applies the
 * last page, repoints the views (the logical table names) at the new tables, moves the active
 * suffix and checkpoint, and drops the old tables. A rebuild interrupted by a crash resumes from
 * its checkpoint at the next start. Bumping `version` rebuilds at the next start.
 */
export class SqlProjectionRunner {
  private readonly projections = new Map<string, SqlProjection>();
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly progressByName = new Map<string, { position: number; lastRecordedAt: string | null }>();
  /** Serialises the live pages and the swap of one projection within this process. */
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly rebuilds = new Map<string, RebuildProgress>();
  /** Projections whose active generation is of an older version: serving as they stood until a rebuild swaps. */
  private readonly frozen = new Set<string>();
  /** The rebuild in flight per projection, with its id (known before its first progress report). */
  private readonly running = new Map<string, { id: string; done: Promise<RebuildProgress> }>();
  /** `name` set: waits for that projection only; otherwise for every one. */
  private waiters: { position: number; name: string | null; resolve: () => void }[] = [];
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly store: SqlProjectionStore,
    private readonly options: SqlProjectionRunnerOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
  }

  /** Reads outside any page transaction, in the events' database (queries name the views, i.e. the active generation). */
  readonly query: SqlQuery = <Row,>(sql: string, params?: readonly unknown[]) => this.store.executor.query<Row>(sql, params);

  register(projection: SqlProjection): void {
    if (this.loop) throw new Error(`projection ${projection.name} registered after start`);
    if (this.projections.has(projection.name)) throw new Error(`projection ${projection.name} registered twice`);
    this.projections.set(projection.name, projection);
  }

  get names(): string[] {
    return [...this.projections.keys()];
  }

  /** Creates missing tables, resumes interrupted rebuilds (or starts one after a version bump) and starts the live loop. */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.install();
    this.stopping = false;
    this.loop = this.run();
    // A follower leaves resuming and version-bump rebuilds to the writer.
    for (const projection of this.options.role === 'follow' ? [] : this.projections.values()) {
      const row = await this.row(projection.name);
      if (row.rebuilding_suffix || versionOf(row.active_table_suffix) !== projection.version) {
        this.startRebuild(projection.name);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  /** Creates tl_projections and, for a projection seen for the first time, its first generation and views. */
  async install(): Promise<void> {
    for (const ddl of CHECKPOINT_DDL) await this.store.executor.query(ddl);
    for (const projection of this.projections.values()) {
      await this.store.executor.transaction(async (query) => {
        await query(`select pg_advisory_xact_lock(hashtext('tl_projections'))`);
        const [existing] = await query<Row>('select * from tl_projections where name = $1', [projection.name]);
        if (existing) return;
        const suffix = `v${projection.version}_1`;
        for (const ddl of statements(projection.createTables(physical(suffix)))) await query(ddl);
        await this.pointViews(query, projection, suffix);
        await query('insert into tl_projections (name, active_table_suffix, position) values ($1, $2, 0)', [projection.name, suffix]);
      });
      const row = await this.row(projection.name);
      this.progressByName.set(projection.name, { position: Number(row.position), lastRecordedAt: iso(row.last_recorded_at) });
    }
  }

  /** Applies pages until every projection has reached the horizon (tests, and read-your-writes). */
  async catchUp(name?: string): Promise<void> {
    for (const projection of name ? [this.get(name)] : this.projections.values()) {
      while (await this.step(projection)) {
        // next page
      }
    }
  }

  /** Looks for new events now instead of at the next poll (e.g. when the store reports an append). */
  kick(): void {
    this.wake?.();
  }

  /** Resolves once every projection has applied everything up to `position`. */
  waitFor(position: number | null, timeoutMs = 10_000): Promise<void> {
    return this.waitUntil(null, position, timeoutMs);
  }

  /**
   * Resolves once `name` has applied everything up to `position` (read-your-writes for one read
   * model, not held back by another projection that is slower). A projection frozen by a version
   * bump resolves at once: its old generation serves as it stood until the rebuild swaps, and
   * waiting for the swap would turn every read into a timeout.
   */
  waitForProjection(name: string, position: number | null, timeoutMs = 10_000): Promise<void> {
    this.get(name);
    return this.waitUntil(name, position, timeoutMs);
  }

  /** The active generation's suffix and checkpoint: what a reader caching rows keys its cache on. */
  async generation(name: string): Promise<{ suffix: string; position: number }> {
    const row = await this.row(name);
    return { suffix: row.active_table_suffix, position: Number(row.position) };
  }

  /** Where each projection's checkpoint stands (from tl_projections, so other processes' progress shows too). */
  async progress(name: string): Promise<ProjectionProgress> {
    const row = await this.row(name);
    return { name, position: Number(row.position), lastRecordedAt: iso(row.last_recorded_at), kind: 'checkpointed' };
  }

  /** The physical table of a logical one in the active generation (queries can also read the view `base`). */
  async activeTable(name: string, base: string): Promise<string> {
    return physical((await this.row(name)).active_table_suffix)(base);
  }

  rebuildStatus(): RebuildProgress[] {
    return [...this.rebuilds.values()];
  }

  /** Starts (or joins) a rebuild in the background and returns its id at once. */
  startRebuild(name: string, onProgress?: RebuildListener): { id: string; done: Promise<RebuildProgress> } {
    this.get(name);
    const current = this.running.get(name);
    if (current) return current;
    const id = randomUUID();
    const done = this.rebuildNow(name, id, onProgress).finally(() => this.running.delete(name));
    done.catch((error) => this.options.onError?.(name, error));
    this.running.set(name, { id, done });
    return { id, done };
  }

  /** Rebuilds from position 0 into a new generation, then swaps it in; resolves when swapped. */
  rebuild(name: string, onProgress?: RebuildListener): Promise<RebuildProgress> {
    return this.startRebuild(name, onProgress).done;
  }

  // ---- live loop ----

  private async run(): Promise<void> {
    while (!this.stopping) {
      let moved = false;
      for (const projection of this.projections.values()) {
        if (this.stopping) break;
        try {
          moved = (this.options.role === 'follow' ? await this.follow(projection) : await this.step(projection)) || moved;
        } catch (error) {
          if (this.stopping) break;
          this.options.onError?.(projection.name, error);
        }
      }
      if (!moved && !this.stopping) await this.idle();
    }
  }

  /** Follower: takes the checkpoint the writing process reached; then idles a poll interval. */
  private async follow(projection: SqlProjection): Promise<boolean> {
    const row = await this.row(projection.name);
    this.advanced(projection.name, Number(row.position), iso(row.last_recorded_at));
    return false;
  }

  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => ((this.wake = null), resolve()), this.pollIntervalMs);
      this.wake = () => (clearTimeout(timer), (this.wake = null), resolve());
    });
  }

  /** One live page: true if the checkpoint moved. */
  private step(projection: SqlProjection): Promise<boolean> {
    return this.exclusive(projection.name, async () => {
      const row = await this.row(projection.name);
      // After a version bump the old generation keeps serving, frozen, until the rebuild swaps (its shape may differ).
      if (versionOf(row.active_table_suffix) !== projection.version) {
        this.freeze(projection.name);
        return false;
      }
      this.frozen.delete(projection.name);
      const from = Number(row.position);
      const page = await this.readPage(from);
      if (page.length === 0) {
        this.advanced(projection.name, from, iso(row.last_recorded_at));
        return false;
      }
      const last = page[page.length - 1]!;
      try {
        await this.store.executor.transaction(async (query) => {
          const [locked] = await query<Row>('select * from tl_projections where name = $1 for update', [projection.name]);
          if (!locked || Number(locked.position) !== from) throw new CheckpointMoved();
          await projection.applyPage(this.handled(projection, page), query, physical(locked.active_table_suffix));
          await query('update tl_projections set position = $2, last_recorded_at = $3, updated_at = now() where name = $1', [projection.name, last.globalPosition, last.recordedAt]);
        });
      } catch (error) {
        if (error instanceof CheckpointMoved) return true; // another runner applied it: read again from there
        throw error;
      }
      this.advanced(projection.name, last.globalPosition, last.recordedAt);
      return true;
    });
  }

  // ---- rebuild ----

  private async rebuildNow(name: string, id: string, onProgress?: RebuildListener): Promise<RebuildProgress> {
    const projection = this.get(name);
    const total = await this.countEvents();
    const { suffix, from: startAt, previous } = await this.beginRebuild(projection);
    let status: RebuildProgress = { id, name, state: 'running', processed: 0, total, fromSuffix: previous, toSuffix: suffix, position: startAt, startedAt: new Date().toISOString(), finishedAt: null, error: null };
    const report = async (patch: Partial<RebuildProgress>): Promise<void> => {
      status = { ...status, ...patch };
      this.rebuilds.set(name, status);
      await onProgress?.(status);
    };
    await report({});
    try {
      let position = startAt;
      let processed = 0;
      // Replay while the active generation keeps serving (and being kept current by the live loop).
      for (;;) {
        if (this.stopping) throw new Error('runner stopped during rebuild (it resumes at the next start)');
        const page = await this.readPage(position);
        if (page.length < this.pageSize) break;
        position = await this.applyRebuildPage(projection, suffix, position, page, false);
        processed += page.length;
        await report({ processed, position });
      }
      // Caught up: pause this process's live loop for the projection, apply the tail and swap in one transaction.
      await this.exclusive(name, async () => {
        for (;;) {
          const page = await this.readPage(position);
          const swap = page.length < this.pageSize;
          position = await this.applyRebuildPage(projection, suffix, position, page, swap);
          processed += page.length;
          if (swap) break;
          await report({ processed, position });
        }
      });
      const row = await this.row(name);
      this.frozen.delete(name);
      this.advanced(name, position, iso(row.last_recorded_at));
      await report({ state: 'swapped', processed, position, finishedAt: new Date().toISOString() });
    } catch (error) {
      await report({ state: 'failed', error: (error as Error)?.message ?? String(error), finishedAt: new Date().toISOString() });
      throw error;
    }
    return status;
  }

  /** Claims the rebuild slot: resumes a same-version rebuild in progress, or creates a new generation's tables. */
  private async beginRebuild(projection: SqlProjection): Promise<{ suffix: string; from: number; previous: string }> {
    return this.store.executor.transaction(async (query) => {
      const [row] = await query<Row>('select * from tl_projections where name = $1 for update', [projection.name]);
      if (!row) throw new Error(`projection ${projection.name} is not installed`);
      if (row.rebuilding_suffix && versionOf(row.rebuilding_suffix) === projection.version) {
        return { suffix: row.rebuilding_suffix, from: Number(row.rebuild_position ?? 0), previous: row.active_table_suffix };
      }
      if (row.rebuilding_suffix) await this.dropTables(query, projection, row.rebuilding_suffix); // an older version's half-built generation
      const suffix = `v${projection.version}_${Math.max(generationOf(row.active_table_suffix), generationOf(row.rebuilding_suffix)) + 1}`;
      for (const ddl of statements(projection.createTables(physical(suffix)))) await query(ddl);
      await query('update tl_projections set rebuilding_suffix = $2, rebuild_position = 0, updated_at = now() where name = $1', [projection.name, suffix]);
      return { suffix, from: 0, previous: row.active_table_suffix };
    });
  }

  /** One rebuild page into `suffix` with its rebuild checkpoint; with `swap`, also makes `suffix` the active generation. */
  private async applyRebuildPage(projection: SqlProjection, suffix: string, from: number, page: StoredEvent[], swap: boolean): Promise<number> {
    const last = page[page.length - 1];
    const to = last?.globalPosition ?? from;
    await this.store.executor.transaction(async (query) => {
      const [row] = await query<Row>('select * from tl_projections where name = $1 for update', [projection.name]);
      if (!row || row.rebuilding_suffix !== suffix || Number(row.rebuild_position) !== from) {
        throw new Error(`rebuild of ${projection.name} into ${suffix} was taken over elsewhere`);
      }
      if (page.length > 0) await projection.applyPage(this.handled(projection, page), query, physical(suffix));
      if (!swap) {
        await query('update tl_projections set rebuild_position = $2, updated_at = now() where name = $1', [projection.name, to]);
        return;
      }
      await this.pointViews(query, projection, suffix);
      await query(
        `update tl_projections set active_table_suffix = $2, position = $3, last_recorded_at = coalesce($4::timestamptz, last_recorded_at),
           rebuilding_suffix = null, rebuild_position = null, updated_at = now() where name = $1`,
        [projection.name, suffix, to, last?.recordedAt ?? null],
      );
      await this.dropTables(query, projection, row.active_table_suffix);
    });
    return to;
  }

  private async pointViews(query: SqlQuery, projection: SqlProjection, suffix: string): Promise<void> {
    for (const base of projection.tables) {
      await query(`drop view if exists ${base}`);
      await query(`create view ${base} as select * from ${physical(suffix)(base)}`);
    }
  }

  private async dropTables(query: SqlQuery, projection: SqlProjection, suffix: string): Promise<void> {
    for (const base of projection.tables) await query(`drop table if exists ${physical(suffix)(base)}`);
  }

  // ---- helpers ----

  private get(name: string): SqlProjection {
    const projection = this.projections.get(name);
    if (!projection) throw new UnknownProjectionError(name);
    return projection;
  }

  private async row(name: string): Promise<Row> {
    const [row] = await this.store.executor.query<Row>('select * from tl_projections where name = $1', [name]);
    if (!row) throw new Error(`projection ${name} is not installed (start the runner first)`);
    return row;
  }

  private async readPage(after: number): Promise<StoredEvent[]> {
    const page: StoredEvent[] = [];
    for await (const event of this.store.readAll({ fromPosition: after, limit: this.pageSize, pageSize: this.pageSize })) page.push(event);
    return page;
  }

  private handled(projection: SqlProjection, page: readonly StoredEvent[]): StoredEvent[] {
    return page.filter((event) => projection.handles.includes(event.type));
  }

  private async countEvents(): Promise<number> {
    const [row] = await this.store.executor.query<{ n: string | number }>('select count(*) as n from tl_events where global_position < tl_horizon()');
    return Number(row?.n ?? 0);
  }

  private exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.locks.set(name, next.catch(() => undefined));
    return next;
  }

  private waitUntil(name: string | null, position: number | null, timeoutMs: number): Promise<void> {
    if (position === null || this.reached(name) >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const what = name ?? 'SQL projections';
      const timer = setTimeout(() => reject(new Error(`${what} did not reach position ${position} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ position, name, resolve: () => (clearTimeout(timer), resolve()) });
      this.wake?.();
    });
  }

  private advanced(name: string, position: number, lastRecordedAt: string | null): void {
    this.progressByName.set(name, { position, lastRecordedAt });
    const ready = this.waiters.filter((w) => w.position <= this.reached(w.name));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    ready.forEach((w) => w.resolve());
  }

  private reached(name: string | null): number {
    if (name !== null && this.frozen.has(name)) return Number.MAX_SAFE_INTEGER;
    return name === null ? this.lowest() : (this.progressByName.get(name)?.position ?? 0);
  }

  private freeze(name: string): void {
    this.frozen.add(name);
    const ready = this.waiters.filter((w) => w.name === name);
    this.waiters = this.waiters.filter((w) => w.name !== name);
    ready.forEach((w) => w.resolve());
  }

  private lowest(): number {
    if (this.projections.size === 0) return Number.MAX_SAFE_INTEGER;
    let lowest = Number.MAX_SAFE_INTEGER;
    for (const name of this.projections.keys()) lowest = Math.min(lowest, this.progressByName.get(name)?.position ?? 0);
    return lowest;
  }
}

export class UnknownProjectionError extends Error {
  constructor(readonly projection: string) {
    super(`there is no SQL projection ${projection}`);
  }
}
