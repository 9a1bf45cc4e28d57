import { Logger } from '@nestjs/common';
import type { AdjustableClock } from '@tenderledger/domain-kit';
import type { SqlExecutor } from '@tenderledger/event-store';

const DDL = [
  `create table if not exists tl_dev_clock (
     id int primary key check (id = 1),
     pinned_at timestamptz,
     offset_ms bigint not null default 0,
     version bigint not null default 0)`,
  `create table if not exists tl_dev_clock_ticks (
     instance text primary key,
     service text not null,
     version bigint not null,
     ticked_at timestamptz not null default now())`,
];

type Row = { pinned_at: Date | string | null; offset_ms: string | number; version: string | number };

/**
 * Dev mode only: one clock for every process of the distributed shape, kept in a row of the events'
 * database. Either pinned at an instant (tests, demos: it moves only when told) or real time plus an
 * offset. The gateway's POST /api/dev/clock moves it; every process re-reads it every `pollMs`, and a
 * service whose clock moved runs its deadline jobs at once and records that it did (tl_dev_clock_ticks),
 * so a test can wait until every service has acted on a move.
 */
export class SharedDevClock implements AdjustableClock {
  private readonly logger = new Logger('DevClock');
  private pinnedAt: number | null = null;
  private offsetMs = 0;
  private version = -1;
  private readonly listeners: ((now: Date) => void)[] = [];
  private persisting: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sql: SqlExecutor) {}

  /** Creates the row if missing (pinned at `start` when given) and reads it. */
  async init(start?: string): Promise<void> {
    for (const ddl of DDL) await this.sql.query(ddl);
    await this.sql.query('insert into tl_dev_clock (id, pinned_at) values (1, $1) on conflict (id) do nothing', [start ?? null]);
    await this.refresh();
  }

  now(): Date {
    return new Date(this.pinnedAt ?? Date.now() + this.offsetMs);
  }

  onAdvance(listener: (now: Date) => void): void {
    this.listeners.push(listener);
  }

  /** Moves every process's clock (answers at once; the row is written in order right after). */
  advance(ms: number): Date {
    if (ms < 0) throw new RangeError('a clock only moves forward');
    if (this.pinnedAt !== null) this.pinnedAt += ms;
    else this.offsetMs += ms;
    this.persisting = this.persisting.then(() =>
      this.sql
        .query(
          `update tl_dev_clock set pinned_at = pinned_at + ($1::bigint * interval '1 millisecond'),
             offset_ms = case when pinned_at is null then offset_ms + $1::bigint else offset_ms end, version = version + 1 where id = 1`,
          [ms],
        )
        .then(() => undefined, (error: unknown) => this.logger.error(`dev clock not saved: ${(error as Error)?.message}`)),
    );
    this.listeners.forEach((listener) => listener(this.now()));
    return this.now();
  }

  /** Resolves once every move asked of this process is in the database. */
  flushed(): Promise<void> {
    return this.persisting;
  }

  get currentVersion(): number {
    return this.version;
  }

  /** Re-reads the row; true when it moved since the last read. */
  async refresh(): Promise<boolean> {
    const [row] = await this.sql.query<Row>('select pinned_at, offset_ms, version from tl_dev_clock where id = 1');
    if (!row) return false;
    const version = Number(row.version);
    if (version === this.version) return false;
    this.pinnedAt = row.pinned_at === null ? null : new Date(row.pinned_at).getTime();
    this.offsetMs = Number(row.offset_ms);
    this.version = version;
    return true;
  }

  /**
   * Polls the row. A service passes `onMove` (its deadline jobs): run when the clock moved, then the
   * version is acknowledged. The gateway and the projector only keep their clock current.
   */
  follow(service: string, instance: string, pollMs: number, onMove?: () => Promise<void>): void {
    const loop = async (): Promise<void> => {
      try {
        const moved = await this.refresh();
        if (onMove && (moved || this.acked !== this.version)) {
          const version = this.version;
          await onMove();
          await this.acknowledge(service, instance, version);
        }
      } catch (error) {
        this.logger.warn(`dev clock poll failed: ${(error as Error)?.message}`);
      }
      if (this.timer !== null) this.timer = setTimeout(() => void loop(), pollMs);
    };
    this.timer = setTimeout(() => void loop(), 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private acked = -1;

  private async acknowledge(service: string, instance: string, version: number): Promise<void> {
    await this.sql.query(
      `insert into tl_dev_clock_ticks (instance, service, version) values ($1, $2, $3)
       on conflict (instance) do update set version = excluded.version, ticked_at = now()`,
      [instance, service, version],
    );
    this.acked = version;
  }
}
