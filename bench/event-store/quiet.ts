import { readdirSync, readFileSync } from 'node:fs';

/**
 * The bench machine is shared (2 cores; other people's builds and tests come and go), so
 * before each measurement we wait, briefly, for the other processes to go quiet, and we
 * record how much CPU they used while we measured (a lower bound: a process that ends inside
 * the window is not counted). "Other" = every process that is neither
 * PostgreSQL nor one of the bench's own processes. Linux only; elsewhere it does nothing.
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU ticks so far of every other process, by pid. */
function otherTicks(ours: ReadonlySet<number>): Map<number, number> | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const ticks = new Map<number, number>();
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || ours.has(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (comm === 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime + stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/** Ticks used between two snapshots (processes that ended in between are not counted; new ones count whole). */
function usedBetween(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, t] of after) used += t - (before.get(pid) ?? 0);
  return used;
}

export class OtherLoad {
  private readonly ours = new Set<number>([process.pid]);

  /** Children of the bench count as ours. */
  addOwn(pid: number | undefined): void {
    if (pid !== undefined) this.ours.add(pid);
  }

  /** Starts a measurement window; the returned function gives the cores other processes used in it. */
  start(): () => number | undefined {
    const t0 = Date.now();
    const before = otherTicks(this.ours);
    return () => {
      const after = otherTicks(this.ours);
      const seconds = (Date.now() - t0) / 1000;
      if (before === undefined || after === undefined || seconds <= 0) return undefined;
      return usedBetween(before, after) / TICKS_PER_SECOND / seconds;
    };
  }

  /**
   * Waits (at most maxWaitMs) until other processes use less than `cores` over a 0.5 s sample.
   * Returns the last sample and how long it waited.
   */
  async settle(cores = 0.25, maxWaitMs = 10_000): Promise<{ cores: number | undefined; waitedMs: number }> {
    const t0 = Date.now();
    for (;;) {
      const stop = this.start();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const used = stop();
      if (used === undefined || used < cores || Date.now() - t0 >= maxWaitMs) return { cores: used, waitedMs: Date.now() - t0 - 500 };
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
