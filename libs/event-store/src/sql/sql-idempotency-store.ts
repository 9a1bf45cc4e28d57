import type { IdempotencyClaim, IdempotencyStore, IdempotentAnswer } from '../idempotency';
import type { SqlExecutor } from './sql-executor';

export const IDEMPOTENCY_SCHEMA_SQL = `
create table if not exists tl_idempotency (
  scope       text not null,
  key         text not null,
  fingerprint text not null,
  status      integer,
  body        jsonb,
  created_at  timestamptz not null default now(),
  primary key (scope, key)
);
`;

interface Row {
  fingerprint: string;
  status: number | null;
  body: unknown;
}

export class SqlIdempotencyStore implements IdempotencyStore {
  constructor(private readonly sql: SqlExecutor) {}

  async claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const inserted = await this.sql.query<{ key: string }>(
      'insert into tl_idempotency (scope, key, fingerprint) values ($1, $2, $3) on conflict do nothing returning key',
      [scope, key, fingerprint],
    );
    if (inserted.length === 1) return { outcome: 'claimed' };
    const [row] = await this.sql.query<Row>('select fingerprint, status, body from tl_idempotency where scope = $1 and key = $2', [scope, key]);
    if (!row) return this.claim(scope, key, fingerprint); // released in between: try again
    if (row.status === null) return { outcome: 'in-progress' };
    const body = typeof row.body === 'string' ? (JSON.parse(row.body) as unknown) : row.body;
    return { outcome: 'answered', answer: { status: row.status, body }, fingerprint: row.fingerprint };
  }

  async complete(scope: string, key: string, answer: IdempotentAnswer): Promise<void> {
    await this.sql.query('update tl_idempotency set status = $3, body = $4::jsonb where scope = $1 and key = $2', [
      scope,
      key,
      answer.status,
      JSON.stringify(answer.body ?? null),
    ]);
  }

  async release(scope: string, key: string): Promise<void> {
    await this.sql.query('delete from tl_idempotency where scope = $1 and key = $2 and status is null', [scope, key]);
  }
}
