import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import request from 'supertest';
import { openPostgresEventStore, type SqlEventStore } from '@tenderledger/event-store';
import { collect } from '../../libs/event-store/src/testing/contract';
import { KAFKA_BROKERS, PG_URL } from './infra';
import type { ScenarioTarget } from './scenario';

const root = join(__dirname, '..', '..');

/** One child process of the distributed shape, with the tail of its output for post-mortems. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly port: number;
  readonly lines: string[];
}

export interface DistributedShape {
  readonly gatewayUrl: string;
  readonly databaseUrl: string;
  readonly prefix: string;
  readonly store: SqlEventStore;
  readonly children: Child[];
  /** The instances that run deadline jobs and acknowledge clock moves. */
  readonly tickingInstances: string[];
  target(): ScenarioTarget;
  /** Every child's last output lines (printed when something failed). */
  tails(lines?: number): string;
  stop(): Promise<void>;
}

export interface DistributedOptions {
  /** The scenario's first instant: every process's shared dev clock is pinned here. */
  readonly clockStart: string;
  readonly brokers?: string[];
  readonly log?: (line: string) => void;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Compiles the apps with swc (scripts/build.cjs) so the children run plain `node dist/...`. */
export function buildApps(): void {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.cjs')], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr || built.stdout}`);
}

/**
 * Starts the distributed shape as separate Node processes on a fresh PostgreSQL database (created
 * from the tenderledger_test connection, dropped by stop()) and unique Kafka topics and groups:
 * projector, registry, tendering ×2, bidding, evaluation, award, the relay, and the gateway.
 */
export async function startDistributedShape(options: DistributedOptions): Promise<DistributedShape> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const run = randomBytes(4).toString('hex');
  const database = `tl_dist_${run}`;
  const prefix = `tl-dist-${run}`;
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const brokers = options.brokers ?? KAFKA_BROKERS;

  const children: Child[] = [];
  const common: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    EVENT_STORE: 'postgres',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    TOPIC_PREFIX: prefix,
    SEALING_KEY: randomBytes(32).toString('base64'),
    AUTH_MODE: 'dev',
    DEV_CLOCK: 'shared',
    DEV_CLOCK_START: options.clockStart,
    // Deadline jobs run when the clock moves (and at start); no surprise ticks in between.
    TICK_INTERVAL_MS: '600000',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  };

  const start = async (name: string, app: string, extra: NodeJS.ProcessEnv = {}): Promise<Child> => {
    const port = await freePort();
    const env = { ...common, PORT: String(port), RELAY_PORT: String(port), INSTANCE_ID: name, RELAY_NAME: `relay-${run}`, ...extra };
    const child = spawn(process.execPath, [join(root, 'dist', 'apps', app, 'src', 'main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const entry: Child = { name, process: child, port, lines: [] };
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        entry.lines.push(line);
        if (entry.lines.length > 400) entry.lines.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', (code, signal) => entry.lines.push(`[${name} exited code=${code} signal=${signal}]`));
    children.push(entry);
    return entry;
  };

  const healthy = async (child: Child, timeoutMs = 120_000): Promise<void> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (child.process.exitCode !== null) throw new Error(`${child.name} exited before it was healthy:\n${child.lines.slice(-30).join('\n')}`);
      const ok = await fetch(`http://127.0.0.1:${child.port}/health`).then((r) => r.ok, () => false);
      if (ok) return;
      if (Date.now() > until) throw new Error(`${child.name} not healthy after ${timeoutMs} ms:\n${child.lines.slice(-30).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  let store: SqlEventStore | null = null;
  const shape: DistributedShape = {
    gatewayUrl: '',
    databaseUrl,
    prefix,
    get store() {
      if (!store) throw new Error('store not open');
      return store;
    },
    children,
    tickingInstances: ['registry', 'tendering-1', 'tendering-2', 'bidding', 'award'],
    target: () => {
      throw new Error('not started');
    },
    tails: (lines = 25) => children.map((c) => `----- ${c.name} (last ${lines} lines) -----\n${c.lines.slice(-lines).join('\n')}`).join('\n'),
    stop: async () => {
      await Promise.all(children.map((c) => stopChild(c)));
      await store?.close();
      const cleanup = new Client({ connectionString: PG_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${database} with (force)`).catch((error: Error) => log(`could not drop ${database}: ${error.message}`));
      await cleanup.end();
      await deleteTopics(brokers, prefix).catch((error: Error) => log(`could not delete topics ${prefix}.*: ${error.message}`));
    },
  };

  try {
    // The first process installs the store's schema; the others start once it is there.
    const projector = await start('projector', 'projector');
    await healthy(projector);
    store = (await openPostgresEventStore({ connectionString: databaseUrl })).store;
    log(`distributed shape ${prefix}: projector up, starting the services`);
    const services = await Promise.all([
      start('relay', 'relay'),
      start('registry', 'registry'),
      start('tendering-1', 'tendering'),
      start('tendering-2', 'tendering'),
      start('bidding', 'bidding'),
      start('evaluation', 'evaluation'),
      start('award', 'award'),
    ]);
    await Promise.all(services.map((child) => healthy(child)));
    const gateway = await start('gateway', 'gateway');
    await healthy(gateway);
    log(`distributed shape ${prefix}: all ${children.length} processes healthy`);
    const gatewayUrl = `http://127.0.0.1:${gateway.port}`;
    Object.assign(shape, { gatewayUrl, target: () => gatewayTarget(shape, gatewayUrl) });
    return shape;
  } catch (error) {
    log(shape.tails());
    await shape.stop();
    throw error;
  }
}

/** SIGTERM (graceful: consumers commit), then SIGKILL if it does not go. */
async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: `${prefix}-cleanup`, brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** The distributed shape as a ScenarioTarget: HTTP to the gateway, the shared dev clock, the store read directly. */
function gatewayTarget(shape: DistributedShape, gatewayUrl: string): ScenarioTarget {
  const http = () => request(gatewayUrl);
  let adminToken: string | null = null;
  const token = async (role: string, organisationId: string, userId?: string): Promise<string> => {
    const res = await http().post('/api/dev/tokens').send({ role, organisationId, ...(userId ? { userId } : {}) });
    if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };
  const asAdmin = async (): Promise<string> => (adminToken ??= await token('admin', 'org-platform', 'clock.keeper'));
  const sql = shape.store.executor;
  const poll = async (what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> => {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    token,
    as: (bearer) => {
      const client = {} as ReturnType<ScenarioTarget['as']>;
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) client[method] = (url: string) => http()[method](url).set('Authorization', `Bearer ${bearer}`);
      return client;
    },
    async setClock(to) {
      const res = await http().post('/api/dev/clock').set('Authorization', `Bearer ${await asAdmin()}`).send({ to });
      if (res.status !== 200) throw new Error(`clock: ${res.status} ${JSON.stringify(res.body)}`);
      // The gateway answers before its write lands: wait until the row shows the new instant.
      await poll(`the shared clock at ${to}`, async () => {
        const [row] = await sql.query<{ pinned_at: Date | string }>('select pinned_at from tl_dev_clock where id = 1');
        return !!row && new Date(row.pinned_at).getTime() >= Date.parse(to);
      });
    },
    async settle() {
      const [row] = await sql.query<{ version: string }>('select version from tl_dev_clock where id = 1');
      const version = Number(row!.version);
      await poll(`every service acting on clock version ${version}`, async () => {
        const acks = await sql.query<{ instance: string }>('select instance from tl_dev_clock_ticks where version >= $1', [version]);
        const done = new Set(acks.map((a) => a.instance));
        return shape.tickingInstances.every((instance) => done.has(instance));
      });
      const head = await shape.store.headPosition();
      await poll(`the gateway's read models at position ${head}`, async () => {
        const res = await http().get('/api/projections').set('Authorization', `Bearer ${await asAdmin()}`);
        const projections = (res.body.projections ?? []) as { kind: string; position: number }[];
        return res.status === 200 && projections.filter((p) => p.kind === 'in-memory').every((p) => p.position >= head);
      });
    },
    readStream: (streamId) => collect(shape.store.readStream(streamId)),
    async eventCount() {
      const [row] = await sql.query<{ n: string }>('select count(*) as n from tl_events');
      return Number(row!.n);
    },
    patienceMs: 30_000,
  };
}
