// Gating for suites that need a real server. jest's describe cannot wait for a probe, so
// test/support/global-setup.cjs probes once per run and leaves the answer in
// TL_INFRA_POSTGRES / TL_INFRA_KAFKA / TL_INFRA_EVENTSTOREDB; here those decide between describe
// and describe.skip. A skipped suite says so (in its name and on stdout), so a skip never reads as a pass.
// REQUIRE_INFRA=1 turns a missing PostgreSQL or Kafka into a failure; EventStoreDB cannot run where
// infra/up runs (no Docker, no binary), so only REQUIRE_EVENTSTORE=1 does that for it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export type InfraServer = 'postgres' | 'kafka' | 'eventstoredb';

const ENV_KEY: Record<InfraServer, string> = { postgres: 'TL_INFRA_POSTGRES', kafka: 'TL_INFRA_KAFKA', eventstoredb: 'TL_INFRA_EVENTSTOREDB' };
/** The switch that makes a missing server fail the run instead of skipping its suites. */
const REQUIRED_BY: Record<InfraServer, string> = { postgres: 'REQUIRE_INFRA', kafka: 'REQUIRE_INFRA', eventstoredb: 'REQUIRE_EVENTSTORE' };

export const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger_test';
export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const EVENTSTORE_URL = process.env.EVENTSTORE_URL ?? 'kurrentdb://127.0.0.1:2113?tls=false';

// The probes themselves (3 s timeout each), for tests that want to check again at run time.
const probes = require('./global-setup.cjs') as {
  postgresAvailable(): Promise<boolean>;
  kafkaAvailable(): Promise<boolean>;
  eventStoreAvailable(): Promise<boolean>;
};
/** Connects to PG_URL and runs `select 1`. */
export const postgresAvailable = (): Promise<boolean> => probes.postgresAvailable();
/** Connects a kafkajs admin to KAFKA_BROKERS and lists topics. */
export const kafkaAvailable = (): Promise<boolean> => probes.kafkaAvailable();
/** Reads one event of $all at EVENTSTORE_URL. */
export const eventStoreAvailable = (): Promise<boolean> => probes.eventStoreAvailable();

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
  const reason = server === 'eventstoredb' ? `EventStoreDB not reachable at ${EVENTSTORE_URL} (docker compose up -d eventstoredb)` : `${server} not reachable (run infra/up)`;
  describeWhen(infraAvailable(server), reason, name, fn, REQUIRED_BY[server]);
}

/**
 * describe() when `available`, otherwise a visibly skipped suite (a SKIPPED line naming the
 * reason), or a failure when the `required` switch (REQUIRE_INFRA by default) is 1.
 * For anything a suite needs from the machine.
 */
export function describeWhen(available: boolean, reason: string, name: string, fn: () => void, required = 'REQUIRE_INFRA'): void {
  if (available) {
    describe(name, fn);
    return;
  }
  if (process.env[required] === '1') {
    // For servers, globalSetup normally fails the run first; this covers the rest and runs without it.
    throw new Error(`${required}=1 but ${reason}: cannot run suite "${name}"`);
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

/**
 * describe() when EventStoreDB answers at EVENTSTORE_URL, otherwise a visibly skipped suite —
 * even with REQUIRE_INFRA=1 (no EventStoreDB can run on machines without Docker); REQUIRE_EVENTSTORE=1
 * makes a missing server fail instead.
 */
export function describeWithEventStoreDb(name: string, fn: () => void): void {
  describeWith('eventstoredb', name, fn);
}

/** describe() when both PostgreSQL and Kafka answer, otherwise a visibly skipped suite. */
export function describeWithPostgresAndKafka(name: string, fn: () => void): void {
  const missing = (['postgres', 'kafka'] as const).find((server) => !infraAvailable(server));
  if (missing) describeWith(missing, name, fn);
  else describe(name, fn);
}
