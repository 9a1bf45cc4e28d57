import { performance } from 'node:perf_hooks';
import type { BenchAdapter } from './adapters';
import type { AppendWorkload } from './config';
import { makeEvent, plan, type AppendStep } from './fixtures';

export interface Measurement {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Per-call latency (append lines only), milliseconds. */
  readonly p50Ms?: number;
  readonly p99Ms?: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Runs the writers' plans concurrently (each writer awaits its own appends one by one). */
export async function runPlan(adapter: BenchAdapter, plans: AppendStep[][]): Promise<Measurement> {
  const latencies: number[] = [];
  let events = 0;
  for (const steps of plans) for (const step of steps) events += step.events.length;
  const started = performance.now();
  await Promise.all(
    plans.map(async (steps, writer) => {
      for (const step of steps) {
        const t0 = performance.now();
        await adapter.append(step.streamId, step.events, step.expectedVersion, writer);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { events, seconds, eventsPerSecond: events / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

/** Plans (events generated up front, outside the timing) and runs an append workload. */
export const runAppends = (adapter: BenchAdapter, workload: AppendWorkload): Promise<Measurement> =>
  runPlan(adapter, plan(workload));

/** Seeds history with batch appends, generating events as it goes (not timed; memory stays small). */
export async function seed(adapter: BenchAdapter, workload: AppendWorkload, total: number): Promise<number> {
  let written = 0;
  await Promise.all(
    Array.from({ length: workload.writers }, async (_, writer) => {
      const streams = Array.from({ length: workload.streamsPerWriter }, (_, k) => ({ id: `tender-seed-${writer}-${k}-${process.pid}`, version: 0 }));
      for (let i = 0; ; i++) {
        const size = Math.min(workload.eventsPerAppend, total - written);
        if (size <= 0) return;
        written += size;
        const stream = streams[i % streams.length]!;
        const events = Array.from({ length: size }, makeEvent);
        await adapter.append(stream.id, events, stream.version, writer);
        stream.version += size;
      }
    }),
  );
  return written;
}

/**
 * Reads `limit` events from the start of the global order, touching each event's data. A reader
 * that delivers fewer events than the history holds is reported (`events` < `expected`), not hidden.
 */
export async function runReplay(adapter: BenchAdapter, limit: number, pageSize: number): Promise<Measurement & { checksum: number; expected: number }> {
  let checksum = 0;
  const touch = (data: unknown): void => {
    checksum = (checksum + ((data as { amountPence: number }).amountPence % 1009)) % 1_000_000_007;
  };
  const started = performance.now();
  const events = await adapter.replay(limit, pageSize, touch);
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: events / seconds, checksum, expected: limit };
}
