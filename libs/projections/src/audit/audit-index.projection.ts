import { directAwardContractId } from '@tenderledger/award';
import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '../runtime/projection';
import type { SqlProjection, SqlQuery, TableName } from '../runtime/sql-projection';

type Data = Readonly<Record<string, unknown>>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const dataOf = (event: StoredEvent): Data => (typeof event.data === 'object' && event.data !== null ? (event.data as Data) : {});

const HANDLES = ['BidSubmitted', 'ContractMarkedForReprocurement', 'ContractAwarded', 'ContractRegistered', 'DirectAwardDecided', 'DirectAwardConcluded'] as const;

/** What an audit is asked about: a tender (with its bids, evaluation and award) or a direct award decision. */
export type ProcurementKind = 'tender' | 'direct-award';

export interface AuditIndexEntry {
  readonly procurementKind: ProcurementKind;
  /** The tender id, or the direct award's decision id. */
  readonly procurementId: string;
  readonly kind: 'bid' | 'contract';
  readonly streamId: string;
}

const tenderEntry = (tenderId: string | null, kind: AuditIndexEntry['kind'], streamId: string): AuditIndexEntry | null =>
  tenderId ? { procurementKind: 'tender', procurementId: tenderId, kind, streamId } : null;

/**
 * The register stream a direct award writes to: the incumbent's contract (renewed, or ended as
 * replaced) when it names one, else the new contract registered under the decision's name.
 */
function directAwardEntry(event: StoredEvent, data: Data): AuditIndexEntry | null {
  const decisionId = text(data['decisionId']);
  if (!decisionId) return null;
  const incumbent = typeof data['incumbent'] === 'object' && data['incumbent'] !== null ? (data['incumbent'] as Data) : {};
  const incumbentContract = text(incumbent['contractId']);
  const contract = event.type === 'DirectAwardDecided' ? incumbentContract : data['incumbentRetained'] === true ? null : directAwardContractId(decisionId);
  return contract ? { procurementKind: 'direct-award', procurementId: decisionId, kind: 'contract', streamId: `contract-${contract}` } : null;
}

/**
 * Which procurement an event links a stream to: bids by BidSubmitted.tenderId, register events by
 * the tender that caused them, and a direct award's register contracts by its decision.
 */
export function auditIndexEntry(event: StoredEvent): AuditIndexEntry | null {
  const data = dataOf(event);
  if (event.type === 'BidSubmitted') return tenderEntry(text(data['tenderId']), 'bid', event.streamId);
  if (event.type === 'DirectAwardDecided' || event.type === 'DirectAwardConcluded') return directAwardEntry(event, data);
  if (!(HANDLES as readonly string[]).includes(event.type)) return null;
  // Register events name the tender that caused them (a successor names it as predecessor).
  const predecessor = typeof data['predecessor'] === 'object' && data['predecessor'] !== null ? (data['predecessor'] as Data) : {};
  return tenderEntry(text(data['tenderId']) ?? text(predecessor['tenderId']), 'contract', event.streamId);
}

const keyOf = (kind: ProcurementKind, id: string): string => `${kind}\u0000${id}`;

/**
 * Which streams beyond the procurement's own (tender-/evaluation-/award-{id}, direct-award-{id})
 * belong to it: a tender's bids (found from BidSubmitted.tenderId) and the register contracts a
 * tender or a direct award touched. Kept so an audit request reads a handful of streams instead of
 * scanning the whole store; holds ids only, never content.
 *
 * This in-memory form is what `loadProcurement` reads; the platform keeps the index in SQL
 * (`AuditIndexSqlProjection`) and hands `loadProcurement` one procurement's slice of it (`AuditIndex.of`).
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
    return this.bids.get(keyOf('tender', tenderId)) ?? [];
  }

  contractStreams(procurementId: string, procurementKind: ProcurementKind = 'tender'): readonly string[] {
    return this.contracts.get(keyOf(procurementKind, procurementId)) ?? [];
  }

  private add({ procurementKind, procurementId, kind, streamId }: AuditIndexEntry): void {
    const index = kind === 'bid' ? this.bids : this.contracts;
    const key = keyOf(procurementKind, procurementId);
    const streams = index.get(key) ?? [];
    if (!streams.includes(streamId)) streams.push(streamId);
    index.set(key, streams);
  }
}

/**
 * The audit index as a SQL read model:
 * `tlp_audit_index(procurement_kind, procurement_id, kind, stream_id, first_position)`, one row per
 * (procurement, stream), written per page with one multi-row `unnest` upsert. Queries read the view
 * `tlp_audit_index` (always the active generation). Version 2 keys rows by procurement (tender or
 * direct award) instead of by tender id.
 */
export class AuditIndexSqlProjection implements SqlProjection {
  static readonly TABLE = 'tlp_audit_index';
  readonly name = 'audit-index';
  readonly version = 2;
  readonly handles = HANDLES;
  readonly tables = [AuditIndexSqlProjection.TABLE];

  createTables(table: TableName): string {
    const t = table(AuditIndexSqlProjection.TABLE);
    return `create table ${t} (
      procurement_kind text not null,
      procurement_id   text not null,
      kind             text not null,
      stream_id        text not null,
      first_position   bigint not null,
      primary key (procurement_kind, procurement_id, kind, stream_id)
    )`;
  }

  async applyPage(events: readonly StoredEvent[], query: SqlQuery, table: TableName): Promise<void> {
    const seen = new Set<string>();
    const procurementKinds: string[] = [];
    const procurements: string[] = [];
    const kinds: string[] = [];
    const streams: string[] = [];
    const positions: number[] = [];
    for (const event of events) {
      const entry = auditIndexEntry(event);
      if (!entry) continue;
      const key = `${entry.procurementKind}\u0000${entry.procurementId}\u0000${entry.kind}\u0000${entry.streamId}`;
      if (seen.has(key)) continue; // one row per key per statement (on conflict cannot touch a row twice)
      seen.add(key);
      procurementKinds.push(entry.procurementKind);
      procurements.push(entry.procurementId);
      kinds.push(entry.kind);
      streams.push(entry.streamId);
      positions.push(event.globalPosition);
    }
    if (procurements.length === 0) return;
    await query(
      `insert into ${table(AuditIndexSqlProjection.TABLE)} (procurement_kind, procurement_id, kind, stream_id, first_position)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])
       on conflict (procurement_kind, procurement_id, kind, stream_id) do nothing`,
      [procurementKinds, procurements, kinds, streams, positions],
    );
  }

  /** One procurement's slice of the index, as the in-memory form `loadProcurement` reads. */
  async lookup(query: SqlQuery, procurementId: string, procurementKind: ProcurementKind = 'tender'): Promise<AuditIndex> {
    const rows = await query<{ kind: 'bid' | 'contract'; stream_id: string }>(
      `select kind, stream_id from ${AuditIndexSqlProjection.TABLE} where procurement_kind = $1 and procurement_id = $2 order by first_position, stream_id`,
      [procurementKind, procurementId],
    );
    return AuditIndex.of(rows.map((row) => ({ procurementKind, procurementId, kind: row.kind, streamId: row.stream_id })));
  }
}
