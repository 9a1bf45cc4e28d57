import { Pool, type PoolConfig } from 'pg';
import type { SqlExecutor } from '../sql/sql-executor';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';

export interface PostgresEventStoreOptions extends SqlEventStoreOptions {
  readonly connectionString: string;
  readonly poolSize?: number;
  readonly pool?: Omit<PoolConfig, 'connectionString' | 'max'>;
}

/** Serialises schema set-up between processes starting at once ("tuple concurrently updated"). */
const MIGRATION_LOCK = 7_355_001;

/** A `pg` pool as a SqlExecutor: also what a service hands IdempotentEventConsumer for its read-model database. */
export class PostgresExecutor implements SqlExecutor {
  constructor(readonly pool: Pool) {}

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as Row[];
  }

  async transaction<T>(work: (query: <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(async <Row>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as Row[]);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async runScript(sql: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query(sql);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** PostgreSQL through a `pg` pool: the durable choice for real deployments. */
export async function openPostgresEventStore(options: PostgresEventStoreOptions): Promise<{ store: SqlEventStore; pool: Pool }> {
  const pool = new Pool({ ...options.pool, connectionString: options.connectionString, max: options.poolSize ?? 10 });
  pool.on('error', () => undefined); // an idle client's socket error must not crash the process; the next query reports it
  const store = new SqlEventStore('postgres', new PostgresExecutor(pool), options);
  await store.migrate();
  return { store, pool };
}
