import type { StoredEvent } from '@tenderledger/event-store';
import type { SqlProjection, SqlQuery, TableName } from '../../libs/projections/src/runtime/sql-projection';

/**
 * A tiny SQL projection for crash tests: one row per handled event, deliberately WITHOUT a key,
 * so a page applied twice shows up as duplicate rows and a lost page as missing ones.
 * `version` is written into every row, so the rows tell which generation produced them.
 */
export class EventRowsProjection implements SqlProjection {
  readonly name = 'event-rows';
  readonly handles = ['Counted', 'Tallied'];
  readonly tables = ['tlp_test_event_rows'];

  constructor(readonly version = 1) {}

  createTables(table: TableName): string {
    return `create table ${table('tlp_test_event_rows')} (global_position bigint not null, stream_id text not null, type text not null, n integer not null, version integer not null)`;
  }

  async applyPage(events: readonly StoredEvent[], query: SqlQuery, table: TableName): Promise<void> {
    if (events.length === 0) return;
    await query(
      `insert into ${table('tlp_test_event_rows')} (global_position, stream_id, type, n, version)
       select p, s, t, n, $5 from unnest($1::bigint[], $2::text[], $3::text[], $4::int[]) as u(p, s, t, n)`,
      [events.map((e) => e.globalPosition), events.map((e) => e.streamId), events.map((e) => e.type), events.map((e) => (e.data as { n: number }).n), this.version],
    );
  }
}

export interface EventRow {
  global_position: number;
  stream_id: string;
  type: string;
  n: number;
  version: number;
}

/** The active generation's rows (through the view), in key order, with numbers normalised. */
export async function eventRows(query: SqlQuery, table = 'tlp_test_event_rows'): Promise<EventRow[]> {
  const rows = await query<EventRow>(`select global_position, stream_id, type, n, version from ${table} order by global_position, stream_id, type, n, version`);
  return rows.map((r) => ({ global_position: Number(r.global_position), stream_id: r.stream_id, type: r.type, n: Number(r.n), version: Number(r.version) }));
}
