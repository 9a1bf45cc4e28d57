import type { SqlExecutor } from '@tenderledger/event-store';

/**
 * The relay's checkpoint lives in the events' own database: the position of the last event the
 * broker acknowledged. It is written only after an ack, so a crash re-sends at most the batch
 * in flight (at-least-once), and there is no second store to disagree with (no dual write).
 */
export const RELAY_SCHEMA_SQL = `
create table if not exists tl_relay_checkpoints (
  name        text primary key,
  position    bigint not null default 0,
  updated_at  timestamptz not null default now()
);
`;

export class RelayCheckpoints {
  constructor(private readonly sql: SqlExecutor) {}

  async install(): Promise<void> {
    await this.sql.runScript(RELAY_SCHEMA_SQL);
  }

  /** The stored position for this relay (0 the first time, and then the row exists). */
  async load(name: string): Promise<number> {
    await this.sql.query('insert into tl_relay_checkpoints (name) values ($1) on conflict (name) do nothing', [name]);
    const [row] = await this.sql.query<{ position: string | number }>('select position from tl_relay_checkpoints where name = $1', [name]);
    return Number(row?.position ?? 0);
  }

  /** Never moves backwards, whatever a late writer with the same name says. */
  async save(name: string, position: number): Promise<void> {
    await this.sql.query('update tl_relay_checkpoints set position = greatest(position, $2), updated_at = now() where name = $1', [name, position]);
  }
}
