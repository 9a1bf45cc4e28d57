import type { StoredEvent } from '@tenderledger/event-store';

/** A query bound to one transaction (the executor's `transaction` callback argument). */
export type SqlQuery = <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>;

/** Maps a logical table name (`tlp_audit_index`) to the physical one of a generation (`tlp_audit_index__v3_2`). */
export type TableName = (base: string) => string;

/**
 * A read model kept in SQL tables in the same database as the events (PGlite or PostgreSQL).
 *
 * The runner owns the physical tables: each generation gets its own suffix, and every logical
 * name in `tables` is a view over the active generation's table, recreated when a rebuild
 * swaps generations. Queries read the views (the logical names) and so always see the active
 * generation; `applyPage` and `createTables` use the physical names they are handed.
 */
export interface SqlProjection {
  readonly name: string;
  /** Bump it when the rows' meaning or shape changes: the next start rebuilds from position 0. */
  readonly version: number;
  /** Event types it reads. The checkpoint still advances over every event. */
  readonly handles: readonly string[];
  /** Logical table names; each becomes a view over the active generation's physical table. */
  readonly tables: readonly string[];
  /** DDL creating this generation's tables (and indexes) under `table(base)`. */
  createTables(table: TableName): string;
  /**
   * Applies one page of events (only types in `handles`, in global order; possibly empty) inside
   * the runner's transaction, with batched statements. Must be idempotent for a page.
   */
  applyPage(events: readonly StoredEvent[], query: SqlQuery, table: TableName): Promise<void>;
}
