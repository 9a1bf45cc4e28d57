import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '../runtime/projection';
import type { SqlProjection, SqlQuery, TableName } from '../runtime/sql-projection';

type Data = Readonly<Record<string, unknown>>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const dataOf = (event: StoredEvent): Data => (typeof event.data === 'object' && event.data !== null ? (event.data as Data) : {});

const HANDLES = ['BidSubmitted', 'ContractMarkedForReprocurement', 'ContractAwarded', 'ContractRegistered'] as const;

export interface AuditIndexEntry {
  readonly tenderId: string;
  readonly kind: 'bid' | 'contract';
  readonly streamId: string;
}

/** Which procurement an event links a stream to: bids by BidSubmitted.tenderId, register events by the tender that caused them. */
export function auditIndexEntry(event: StoredEvent): AuditIndexEntry | null {
  const data = dataOf(event);
  if (event.type === 'BidSubmitted') {
    const tenderId = text(data['tenderId']);
    return tenderId ? { tenderId, kind: 'bid', streamId: event.streamId } : null;
  }
  if (!(HANDLES as readonly string[]).includes(event.type)) return null;
  // Register events name the tender that caused them (a successor names it as predecessor).
  const predecessor = typeof data['predecessor'] === 'object' && data['predecessor'] !== null ? (data['predecessor'] as Data) : {};
  const tenderId = text(data['tenderId']) ?? text(predecessor['tenderId']);
  return tenderId ? { tenderId, kind: 'contract', streamId: event.streamId } : null;
}

/**
 * Which streams beyond tender-/evaluation-/award-{id} belong to a procurement: its bids (found
 * from BidSubmitted.tenderId) and the register contracts it touched. Kept so an audit request
 * reads a handful of streams instead of scanning the whole store; holds ids only, never content.
 *
 * This in-memory form is what `loadProcurement` reads; the platform keeps the index in SQL
 * (`AuditIndexSqlProjection`) and hands `loadProcurement` one tender's slice of it (`AuditIndex.of`).
 */
export class AuditIndex implements Projection {
  readonly name = 'audit-index';
  readonly handles = HANDLES;

  private readonly bids = new Map<string, string[]>();
  private readonly contracts = new Map<string, string[]>();

  /** An index holding the given entries (first-seen order). */
  static of(entries: readonly AuditIndexEntry[]): AuditIndex {
    const index = new AuditIndex();
    for (const entry of entries) index.add(entry);
    return index;
  }

  apply(event: StoredEvent): void {
    const entry = auditIndexEntry(event);
    if (entry) this.add(entry);
  }

  bidStreams(tenderId: string): readonly string[] {
    return this.bids.get(tenderId) ?? [];
  }

  contractStreams(tenderId: string): readonly string[] {
    return this.contracts.get(tenderId) ?? [];
  }

  private add({ tenderId, kind, streamId }: AuditIndexEntry): void {
    const index = kind === 'bid' ? this.bids : this.contracts;
    const streams = index.get(tenderId) ?? [];
    if (!streams.includes(streamId)) streams.push(streamId);
    index.set(tenderId, streams);
  }
}

/**
 * The audit index as a SQL read model: `tlp_audit_index(tender_id, kind, stream_id, first_position)`,
 * one row per (tender, stream), written per page with one multi-row `unnest` upsert. Queries read
 * the view `tlp_audit_index` (always the active generation).
 */
export class AuditIndexSqlProjection implements SqlProjection {
  static readonly TABLE = 'tlp_audit_index';
  readonly name = 'audit-index';
  readonly version = 1;
  readonly handles = HANDLES;
  readonly tables = [AuditIndexSqlProjection.TABLE];

  createTables(table: TableName): string {
    const t = table(AuditIndexSqlProjection.TABLE);
    return `create table ${t} (
      tender_id      text not null,
      kind           text not null,
      stream_id      text not null,
      first_position bigint not null,
      primary key (tender_id, kind, stream_id)
    )`;
  }

  async applyPage(events: readonly StoredEvent[], query: SqlQuery, table: TableName): Promise<void> {
    const seen = new Set<string>();
    const tenders: string[] = [];
    const kinds: string[] = [];
    const streams: string[] = [];
    const positions: number[] = [];
    for (const event of events) {
      const entry = auditIndexEntry(event);
      if (!entry) continue;
      const key = `${entry.tenderId}\u0000${entry.kind}\u0000${entry.streamId}`;
      if (seen.has(key)) continue; // one row per key per statement (on conflict cannot touch a row twice)
      seen.add(key);
      tenders.push(entry.tenderId);
      kinds.push(entry.kind);
      streams.push(entry.streamId);
      positions.push(event.globalPosition);
    }
    if (tenders.length === 0) return;
    await query(
      `insert into ${table(AuditIndexSqlProjection.TABLE)} (tender_id, kind, stream_id, first_position)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
       on conflict (tender_id, kind, stream_id) do nothing`,
      [tenders, kinds, streams, positions],
    );
  }

  /** One tender's slice of the index, as the in-memory form `loadProcurement` reads. */
  async lookup(query: SqlQuery, tenderId: string): Promise<AuditIndex> {
    const rows = await query<{ kind: 'bid' | 'contract'; stream_id: string }>(
      `select kind, stream_id from ${AuditIndexSqlProjection.TABLE} where tender_id = $1 order by first_position, stream_id`,
      [tenderId],
    );
    return AuditIndex.of(rows.map((row) => ({ tenderId, kind: row.kind, streamId: row.stream_id })));
  }
}
