/**
 * One child process per system under test, driven over IPC by run.ts. Separate processes keep
 * the systems from sharing a heap, a JIT state or process-wide `pg` type parsers (Emmett's
 * driver installs its own json/jsonb parsers globally).
 */
import { ourPglite, ourPostgres, rawPglite, rawPostgres, type BenchAdapter } from './adapters';
import { DATABASES, PAGE_SIZE, PGLITE_WORKLOADS, REPLAY_SEED, REPLAY_WARMUP_EVENTS, WARMUPS, WORKLOADS, urlFor } from './config';
import { runAppends, runReplay, seed } from './workloads';

export type SystemName = 'ours' | 'raw' | 'emmett' | 'pglite-ours' | 'pglite-raw';
export type AppendLine = keyof typeof WORKLOADS;

export type Request =
  | { id: number; op: 'open' }
  | { id: number; op: 'seed'; total: number; eventsPerAppend?: number }
  | { id: number; op: 'settle' }
  | { id: number; op: 'replay'; limit: number; warmup: boolean }
  | { id: number; op: 'append'; line: AppendLine; pglite?: boolean; warmup: boolean }
  | { id: number; op: 'count' }
  | { id: number; op: 'close' };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

async function makeAdapter(system: SystemName): Promise<BenchAdapter> {
  switch (system) {
    case 'ours':
      return ourPostgres(urlFor(DATABASES.ours));
    case 'raw':
      return rawPostgres(urlFor(DATABASES.raw), 8);
    case 'emmett': {
      // Loaded here only, so the other children never load Emmett's driver layer.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { EmmettAdapter } = require('./emmett-adapter') as typeof import('./emmett-adapter');
      return new EmmettAdapter(urlFor(DATABASES.emmett));
    }
    case 'pglite-ours':
      return ourPglite();
    case 'pglite-raw':
      return rawPglite();
  }
}

export async function runChild(system: SystemName): Promise<void> {
  const adapter = await makeAdapter(system);
  const handle = async (request: Request): Promise<unknown> => {
    switch (request.op) {
      case 'open':
        return adapter.open();
      case 'seed':
        return seed(adapter, request.eventsPerAppend ? { ...REPLAY_SEED, eventsPerAppend: request.eventsPerAppend } : REPLAY_SEED, request.total);
      case 'settle':
        return adapter.settle();
      case 'replay':
        if (request.warmup) await runReplay(adapter, Math.min(REPLAY_WARMUP_EVENTS, request.limit), PAGE_SIZE);
        return runReplay(adapter, request.limit, PAGE_SIZE);
      case 'append': {
        const workloads = request.pglite ? (PGLITE_WORKLOADS as Record<string, typeof WORKLOADS.single>) : WORKLOADS;
        const workload = workloads[request.line];
        if (!workload) throw new Error(`no ${request.line} workload`);
        if (request.warmup) await runAppends(adapter, request.pglite ? { ...WARMUPS[request.line], writers: workload.writers } : WARMUPS[request.line]);
        return runAppends(adapter, workload);
      }
      case 'count':
        return adapter.count();
      case 'close':
        await adapter.close();
        setImmediate(() => process.exit(0));
        return undefined;
    }
  };
  process.on('message', (request: Request) => {
    handle(request).then(
      (value) => process.send!({ id: request.id, ok: true, value } satisfies Reply),
      (error: unknown) => process.send!({ id: request.id, ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) } satisfies Reply),
    );
  });
}
