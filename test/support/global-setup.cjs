// Jest globalSetup: probes PostgreSQL, Kafka and EventStoreDB once per run, before any worker starts.
// Workers inherit process.env, so TL_INFRA_POSTGRES / TL_INFRA_KAFKA / TL_INFRA_EVENTSTOREDB ('1' | '0')
// tell test/support/infra.ts which suites to run and which to skip. With REQUIRE_INFRA=1 (CI)
// a missing PostgreSQL or Kafka fails the whole run instead of silently skipping its suites.
// EventStoreDB is apart: no server can run where `infra/up` runs (no Docker, no binary), so only
// REQUIRE_EVENTSTORE=1 turns a missing EventStoreDB into a failure.
// Also runnable as `node test/support/global-setup.cjs --probe` (prints JSON), which
// infra.ts uses as a fallback when jest was started without this globalSetup.
const { Client } = require('pg');
const { Kafka, logLevel } = require('kafkajs');

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger_test';
const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const EVENTSTORE_URL = process.env.EVENTSTORE_URL ?? 'kurrentdb://127.0.0.1:2113?tls=false';
const TIMEOUT_MS = 3000;

// Rejects after ms, so one hung server cannot stall the probe.
const within = (ms, promise) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms).unref())]);

async function postgresAvailable() {
  const client = new Client({ connectionString: PG_URL, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await within(TIMEOUT_MS, client.connect().then(() => client.query('select 1')));
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function kafkaAvailable() {
  const kafka = new Kafka({
    clientId: 'tenderledger-probe',
    brokers: KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
    connectionTimeout: TIMEOUT_MS,
    requestTimeout: TIMEOUT_MS,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await within(TIMEOUT_MS, admin.connect().then(() => admin.listTopics()));
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function eventStoreAvailable() {
  let client;
  try {
    // Loaded only here: the client (gRPC + a native bridge) costs about half a second to load.
    const { KurrentDBClient } = require('@kurrent/kurrentdb-client');
    client = KurrentDBClient.connectionString(EVENTSTORE_URL);
    await within(
      TIMEOUT_MS,
      (async () => {
        for await (const _ of client.readAll({ maxCount: 1, deadline: TIMEOUT_MS })) break;
      })(),
    );
    return true;
  } catch {
    return false;
  } finally {
    await client?.dispose().catch(() => {});
  }
}

async function probe() {
  const [postgres, kafka, eventstoredb] = await Promise.all([postgresAvailable(), kafkaAvailable(), eventStoreAvailable()]);
  return { postgres, kafka, eventstoredb };
}

const WHERE = { postgres: PG_URL, kafka: KAFKA_BROKERS.join(','), eventstoredb: EVENTSTORE_URL };
/** Which switch makes a missing server fail the run (EventStoreDB has its own: see the top). */
const REQUIRED_BY = { postgres: 'REQUIRE_INFRA', kafka: 'REQUIRE_INFRA', eventstoredb: 'REQUIRE_EVENTSTORE' };

module.exports = async function globalSetup() {
  const found = await probe();
  process.env.TL_INFRA_POSTGRES = found.postgres ? '1' : '0';
  process.env.TL_INFRA_KAFKA = found.kafka ? '1' : '0';
  process.env.TL_INFRA_EVENTSTOREDB = found.eventstoredb ? '1' : '0';

  const missing = Object.keys(found).filter((s) => !found[s]);
  const status = Object.keys(found)
    .map((s) => `${s}: ${found[s] ? 'reachable' : 'NOT reachable'}`)
    .join('; ');
  const required = missing.filter((s) => process.env[REQUIRED_BY[s]] === '1');
  if (missing.length === 0) {
    process.stdout.write(`\n[infra] ${status}\n`);
  } else if (required.length > 0) {
    const where = required.map((s) => `${REQUIRED_BY[s]}=1 but ${s} at ${WHERE[s]} is not reachable`).join('; ');
    throw new Error(`[infra] ${where} (infra/up starts PostgreSQL and Kafka; EventStoreDB needs Docker: docker compose up -d eventstoredb)`);
  } else {
    const hint = missing.some((s) => REQUIRED_BY[s] === 'REQUIRE_INFRA') ? ' (run infra/up)' : '';
    process.stdout.write(`\n[infra] ${status} — ${missing.join(' and ')} suites will be skipped${hint}\n`);
  }
};

module.exports.postgresAvailable = postgresAvailable;
module.exports.kafkaAvailable = kafkaAvailable;
module.exports.eventStoreAvailable = eventStoreAvailable;
module.exports.EVENTSTORE_URL = EVENTSTORE_URL;

if (require.main === module && process.argv.includes('--probe')) {
  probe().then((found) => {
    process.stdout.write(JSON.stringify(found));
    process.exit(0);
  });
}
