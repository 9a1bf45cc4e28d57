import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor } from '../sql/sql-executor';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';

export interface PgliteEventStoreOptions extends SqlEventStoreOptions {
  /** A data folder, or undefined for an in-memory database (tests). */
  readonly dataDir?: string;
}

class PgliteExecutor implements SqlExecutor {
  constructor(private readonly db: PGlite) {}

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.db.query<Row>(sql, params as unknown[]);
    return result.rows;
  }

  transaction<T>(work: (query: <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(async <Row>(sql: string, params: readonly unknown[] = []) => (await tx.query<Row>(sql, params as unknown[])).rows));
  }

  async runScript(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

/**
 * The embedded default: PostgreSQL compiled to WASM, in this process, on a data folder.
 * PGlite runs with fsync off: a process crash loses nothing committed, an OS crash can.
 * One process only may open a folder (the CLI checks before it does).
 */
export async function openPgliteEventStore(options: PgliteEventStoreOptions = {}): Promise<{ store: SqlEventStore; db: PGlite }> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const store = new SqlEventStore('pglite', new PgliteExecutor(db), options);
  await store.migrate();
  return { store, db };
}
