import type { Pool } from 'pg';
import type { SqlExecutor } from '@tenderledger/event-store';

/**
 * Where SqlEventStore's `select * from tl_append(…)` goes instead: `many` for every append, and
 * `one` (a function with scalar parameters, tl_append_one) for appends of exactly one event.
 */
export interface AppendRouting {
  readonly many: string;
  readonly one?: string;
  /** many is a tl_append_json-style function: send the events as one jsonb array. */
  readonly json?: boolean;
}

/**
 * The ten text[] columns SqlEventStore builds, as one JSON array of objects. Data and actor are
 * already JSON text: they are embedded as they are, not escaped again.
 */
export function eventsJson(params: readonly unknown[]): string {
  const [ids, types, versions, data, occurred, actors, correlations, causations, heads, tails] = params.slice(2, 12) as [
    string[], string[], number[], string[], string[], string[], string[], (string | null)[], string[], string[],
  ];
  const parts: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    parts.push(
      `{"id":"${ids[i]}","type":${JSON.stringify(types[i])},"sv":${versions[i]},"data":${data[i]},"occ":"${occurred[i]}",` +
        `"actor":${actors[i]},"cor":${JSON.stringify(correlations[i])},"cau":${JSON.stringify(causations[i] ?? null)},` +
        `"head":${JSON.stringify(heads[i])},"tail":${JSON.stringify(tails[i])}}`,
    );
  }
  return `[${parts.join(',')}]`;
}

const oneSql = (fn: string): string =>
  `select * from ${fn}($1, $2, $3, $4, $5::int, $6, $7, $8, $9, $10, $11, $12, $13::int)`;

/** Rewrites one SqlEventStore query for the routing; everything but tl_append passes through. */
export function route(sql: string, params: readonly unknown[], routing: AppendRouting): [string, unknown[]] {
  if (!sql.includes('tl_append(')) return [sql, [...params]];
  const ids = params[2];
  if (routing.one && Array.isArray(ids) && ids.length === 1) {
    const scalars = params.slice(2, 12).map((column) => (column as unknown[])[0]);
    return [oneSql(routing.one), [params[0], params[1], ...scalars, params[12] ?? 0]];
  }
  if (routing.json) {
    return [`select * from ${routing.many}($1, $2, $3::jsonb, $4::int)`, [params[0], params[1], eventsJson(params), params[12] ?? 0]];
  }
  return [routing.many === 'tl_append' ? sql : sql.replace('tl_append(', `${routing.many}(`), [...params]];
}

/** A `pg` pool executor (like the postgres adapter's) that routes appends to prototype functions. */
export class RoutingPoolExecutor implements SqlExecutor {
  constructor(
    private readonly pool: Pool,
    private readonly routing: AppendRouting,
    private readonly ownsPool = false,
  ) {}

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const [text, values] = route(sql, params, this.routing);
    return (await this.pool.query(text, values)).rows as Row[];
  }

  async transaction<T>(work: (query: <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(async <Row>(sql: string, params: readonly unknown[] = []) => {
        const [text, values] = route(sql, params, this.routing);
        return (await client.query(text, values)).rows as Row[];
      });
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
    await this.pool.query(sql);
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
