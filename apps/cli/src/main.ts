import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyStore } from '@tenderledger/event-store';
import { seedDemo } from './demo/seed-demo';
import { Progress } from './progress';
import { openTarget, type Target } from './target';

const USAGE = `TenderLedger auditor and operator CLI

  npm run cli -- verify                               recompute every hash chain and opened-bid commitment
  npm run cli -- replay --tender ID [--as-of T]       a tender's state and decision timeline (T: ISO time or position)
  npm run cli -- replay --direct-award ID [--as-of T] the same for a PSR direct award decision
  npm run cli -- export ocds --out DIR [--tender ID]  OCDS release and record packages
  npm run cli -- export audit --tender ID | --direct-award ID [--format jsonl|csv]
  npm run cli -- stats turnover [--year Y] [--region R] [--contract-type T] [--format json|csv]
  npm run cli -- projections rebuild NAME            rebuild a SQL projection from position 0, then swap it in
  npm run cli -- seed-demo [--seed N] [--scale small|full] [--force]
                                                      write a synthetic 2021–2026 history into an empty DATA_DIR
                                                      through the platform's API (npm run demo); --force empties it first

Uses the platform that holds the data folder (over HTTP) if one runs, else opens the store
itself: DATA_DIR for the embedded store, or EVENT_STORE=postgres with DATABASE_URL.`;

type Options = Record<string, string>;

function parse(argv: string[]): { words: string[]; options: Options } {
  const words: string[] = [];
  const options: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const next = argv[i + 1];
      options[arg.slice(2)] = next && !next.startsWith('--') ? (i++, next) : 'true';
    } else words.push(arg);
  }
  return { words, options };
}

async function json(target: Target, path: string): Promise<unknown> {
  const res = await target.get(path);
  const body = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body}`);
  return JSON.parse(body) as unknown;
}

/** A tender's audit route, or a direct award's (`--direct-award ID`). */
function auditPath(options: Options, command: string): string {
  if (options['direct-award']) return `/api/audit/direct-awards/${encodeURIComponent(options['direct-award'])}`;
  if (options.tender) return `/api/audit/tenders/${encodeURIComponent(options.tender)}`;
  throw new Error(`${command} needs --tender ID or --direct-award ID`);
}

const commands: Record<string, (target: Target, words: string[], options: Options) => Promise<number>> = {
  projections: (target, words) => projectionsCommand(target, words),
  async verify(target) {
    if (target.store) {
      // Opened here: verify straight from the store, with progress.
      const progress = new Progress('verifying');
      const result = await verifyStore(target.store, (events, streams) => progress.update(events, `in ${streams} streams`));
      progress.finish(result.events, `in ${result.streams} streams`);
      const audit = (await json(target, '/api/audit/verify').catch(() => null)) as { commitmentMismatches?: unknown[] } | null;
      const mismatches = audit?.commitmentMismatches ?? [];
      report(result.breaks, mismatches, result.events, result.streams);
      return result.breaks.length + mismatches.length === 0 ? 0 : 2;
    }
    const result = (await json(target, '/api/audit/verify')) as { ok: boolean; streams: number; events: number; breaks: unknown[]; commitmentMismatches?: unknown[] };
    report(result.breaks, result.commitmentMismatches ?? [], result.events, result.streams);
    return result.ok ? 0 : 2;
  },

  async replay(target, _words, options) {
    const query = options['as-of'] ? `?asOf=${encodeURIComponent(options['as-of'])}` : '';
    process.stdout.write(`${JSON.stringify(await json(target, `${auditPath(options, 'replay')}${query}`), null, 2)}\n`);
    return 0;
  },

  async export(target, words, options) {
    const what = words[0];
    if (what === 'ocds') {
      const out = options.out ?? './ocds-export';
      mkdirSync(out, { recursive: true });
      const tenders = options.tender ? [options.tender] : ((await json(target, '/api/tenders')) as { tenderId: string }[]).map((t) => t.tenderId);
      let written = 0;
      for (const tenderId of tenders) {
        const releases = await json(target, `/api/ocds/releases?tenderId=${encodeURIComponent(tenderId)}`);
        writeFileSync(join(out, `${tenderId}.releases.json`), JSON.stringify(releases, null, 2));
        const ocid = (releases as { releases?: { ocid: string }[] }).releases?.[0]?.ocid;
        if (ocid) writeFileSync(join(out, `${tenderId}.record.json`), JSON.stringify(await json(target, `/api/ocds/records/${encodeURIComponent(ocid)}`), null, 2));
        process.stderr.write(`exported ${++written}/${tenders.length} tenders\r`);
      }
      process.stderr.write(`\nOCDS packages for ${written} tender(s) written to ${out}\n`);
      return 0;
    }
    if (what === 'audit') {
      const trail = (await json(target, auditPath(options, 'export audit'))) as { timeline?: Record<string, unknown>[] } | Record<string, unknown>[];
      const entries = Array.isArray(trail) ? trail : (trail.timeline ?? []);
      if ((options.format ?? 'jsonl') === 'csv') {
        const columns = ['globalPosition', 'occurredAt', 'streamId', 'type', 'actor', 'correlationId', 'summary', 'reason'];
        const cell = (v: unknown): string => `"${String(typeof v === 'object' && v !== null ? JSON.stringify(v) : (v ?? '')).replace(/"/g, '""')}"`;
        process.stdout.write(`${columns.join(',')}\n${entries.map((e) => columns.map((c) => cell(e[c])).join(',')).join('\n')}\n`);
      } else {
        process.stdout.write(entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
      }
      return 0;
    }
    throw new Error('export what? ocds or audit');
  },

  async stats(target, words, options) {
    if (words[0] !== 'turnover') throw new Error('stats what? turnover');
    const params = new URLSearchParams();
    if (options.year) params.set('year', options.year);
    if (options.region) params.set('region', options.region);
    if (options['contract-type']) params.set('contractType', options['contract-type']);
    const csv = options.format === 'csv';
    if (csv) params.set('format', 'csv');
    const res = await target.get(`/api/statistics/turnover?${params}`, csv ? 'text/csv' : 'application/json');
    const body = await res.text();
    if (!res.ok) throw new Error(`statistics: ${res.status} ${body}`);
    process.stdout.write(csv ? body : `${JSON.stringify(JSON.parse(body), null, 2)}\n`);
    return 0;
  },
};

type RebuildView = { id: string; name: string; state: 'running' | 'swapped' | 'failed'; processed: number; total: number; toSuffix: string; error: string | null };

async function projectionsCommand(target: Target, words: string[]): Promise<number> {
  const [what, name] = words;
  if (what !== 'rebuild' || !name) throw new Error('usage: projections rebuild NAME');
  const res = await target.post(`/api/projections/${encodeURIComponent(name)}/rebuild`);
  const body = await res.text();
  if (res.status !== 202) throw new Error(`rebuild ${name}: ${res.status} ${body}`);
  const { rebuildId } = JSON.parse(body) as { rebuildId: string };
  let progress: Progress | null = null;
  for (;;) {
    const status = (await json(target, '/api/projections')) as { rebuilds?: RebuildView[] };
    const rebuild = status.rebuilds?.find((r) => r.id === rebuildId);
    if (rebuild) {
      progress ??= new Progress(`rebuilding ${name}`, Math.max(1, rebuild.total));
      if (rebuild.state === 'running') progress.update(rebuild.processed, `into ${rebuild.toSuffix}`);
      else {
        progress.finish(rebuild.processed, rebuild.state === 'swapped' ? `swapped in ${rebuild.toSuffix}` : 'failed');
        if (rebuild.state === 'failed') {
          process.stderr.write(`rebuild of ${name} failed: ${rebuild.error}\n`);
          return 2;
        }
        process.stdout.write(`OK: ${name} rebuilt from position 0 (${rebuild.processed} events) and swapped in (${rebuild.toSuffix}).\n`);
        return 0;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function report(breaks: unknown[], mismatches: unknown[], events: number, streams: number): void {
  if (breaks.length + mismatches.length === 0) {
    process.stdout.write(`OK: ${events} events in ${streams} streams verified; every hash chain and opened-bid commitment matches.\n`);
    return;
  }
  process.stdout.write(`ALTERED: ${breaks.length} stream(s) with a broken hash chain, ${mismatches.length} commitment mismatch(es).\n`);
  for (const b of [...breaks, ...mismatches]) process.stdout.write(`  ${JSON.stringify(b)}\n`);
}

async function main(): Promise<number> {
  const { words, options } = parse(process.argv.slice(2));
  const [command, ...rest] = words;
  if (command === 'seed-demo' && !options.help) {
    // Not through openTarget: the demo runs its own in-process platform with a clock set to 2021.
    const result = await seedDemo({ ...(options.seed ? { seed: Number(options.seed) } : {}), ...(options.scale ? { scale: options.scale } : {}), force: options.force === 'true' });
    // One JSON line on stdout for scripts (the human account went to stderr).
    process.stdout.write(`${JSON.stringify({ seed: result.plan.seed, scale: result.plan.scale.name, seconds: result.seconds, report: result.report, counted: result.counted })}\n`);
    return 0;
  }
  const run = command ? commands[command] : undefined;
  if (!run || options.help) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 1 : 0;
  }
  const target = await openTarget();
  process.stderr.write(`using ${target.description}\n`);
  try {
    return await run(target, rest, options);
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
