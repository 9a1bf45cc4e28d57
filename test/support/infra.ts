// Gating for suites that need a real server. jest's describe cannot wait for a probe, so
// test/support/global-setup.cjs probes once per run and leaves the answer in
// TL_INFRA_POSTGRES / TL_INFRA_KAFKA; here those decide between describe and describe.skip.
// A skipped suite says so (in its name and on stdout), so a skip never reads as a pass.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export type InfraServer = 'postgres' | 'kafka';

const ENV_KEY: Record<InfraServer, string> = { postgres: 'TL_INFRA_POSTGRES', kafka: 'TL_INFRA_KAFKA' };

export const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger_test';
export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

// The probes themselves (3 s timeout each), for tests that want to check again at run time.
const probes = require('./global-setup.cjs') as {
  postgresAvailable(): Promise<boolean>;
  kafkaAvailable(): Promise<boolean>;
};
/** Connects to PG_URL and runs `select 1`. */
export const postgresAvailable = (): Promise<boolean> => probes.postgresAvailable();
/** Connects a kafkajs admin to KAFKA_BROKERS and lists topics. */
export const kafkaAvailable = (): Promise<boolean> => probes.kafkaAvailable();

// Fallback when jest runs without the globalSetup: probe synchronously in a child process
// (same code as the globalSetup), once per test file.
function probeNow(): void {
  const script = join(__dirname, 'global-setup.cjs');
  const out = spawnSync(process.execPath, [script, '--probe'], { encoding: 'utf8', timeout: 15000 });
  let found: Partial<Record<InfraServer, boolean>> = {};
  try {
    found = JSON.parse(out.stdout);
  } catch {
    // probe crashed: treat every server as unreachable
  }
  for (const server of Object.keys(ENV_KEY) as InfraServer[]) {
    process.env[ENV_KEY[server]] = found[server] ? '1' : '0';
  }
}

export function infraAvailable(server: InfraServer): boolean {
  if (process.env[ENV_KEY[server]] === undefined) probeNow();
  return process.env[ENV_KEY[server]] === '1';
}

function describeWith(server: InfraServer, name: string, fn: () => void): void {
  if (infraAvailable(server)) {
    describe(name, fn);
    return;
  }
  const reason = `${server} not reachable (run infra/up)`;
  if (process.env.REQUIRE_INFRA === '1') {
    // globalSetup normally fails the run first; this covers runs without it.
    throw new Error(`REQUIRE_INFRA=1 but ${reason}: cannot run suite "${name}"`);
  }
  process.stdout.write(`SKIPPED ${name}: ${reason}\n`);
  describe.skip(`${name} [SKIPPED: ${reason}]`, fn);
}

/** describe() when PostgreSQL answers at PG_URL, otherwise a visibly skipped suite. */
export function describeWithPostgres(name: string, fn: () => void): void {
  describeWith('postgres', name, fn);
}

/** describe() when Kafka answers at KAFKA_BROKERS, otherwise a visibly skipped suite. */
export function describeWithKafka(name: string, fn: () => void): void {
  describeWith('kafka', name, fn);
}

/** describe() when both PostgreSQL and Kafka answer, otherwise a visibly skipped suite. */
export function describeWithPostgresAndKafka(name: string, fn: () => void): void {
  const missing = (['postgres', 'kafka'] as const).find((server) => !infraAvailable(server));
  if (missing) describeWith(missing, name, fn);
  else describe(name, fn);
}
