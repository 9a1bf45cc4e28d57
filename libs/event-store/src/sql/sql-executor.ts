/** The little the shared SQL store needs from a driver; PGlite and `pg` both fit it. */
export interface SqlExecutor {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction on one connection; commits if it resolves, rolls back if it throws. */
  transaction<T>(work: (query: <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (schema set-up) on one connection. */
  runScript(sql: string): Promise<void>;
  close(): Promise<void>;
}
