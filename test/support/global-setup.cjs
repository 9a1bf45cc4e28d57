// Jest globalSetup: probes PostgreSQL and Kafka once per run, before any worker starts.
// Workers inherit process.env, so TL_INFRA_POSTGRES / TL_INFRA_KAFKA ('1' | '0') tell
// test/support/infra.ts which suites to run and which to skip. With REQUIRE_INFRA=1 (CI)
// a missing server fails the whole run instead of silently skipping its suites.
// Also runnable as `node test/support/global-setup.cjs --probe` (prints JSON), which
// infra.ts uses as a fallback when jest was started without this globalSetup.
const { Client } = require('pg');
const { Kafka, logLevel } = require('kafkajs');

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/tenderledger_test';
const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
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

async function probe() {
  const [postgres, kafka] = await Promise.all([postgresAvailable(), kafkaAvailable()]);
  return { postgres, kafka };
}

const WHERE = { postgres: PG_URL, kafka: KAFKA_BROKERS.join(',') };

module.exports = async function globalSetup() {
  const found = await probe();
  process.env.TL_INFRA_POSTGRES = found.postgres ? '1' : '0';
  process.env.TL_INFRA_KAFKA = found.kafka ? '1' : '0';

  const missing = Object.keys(found).filter((s) => !found[s]);
  const status = Object.keys(found)
    .map((s) => `${s}: ${found[s] ? 'reachable' : 'NOT reachable'}`)
    .join('; ');
  if (missing.length === 0) {
    process.stdout.write(`\n[infra] ${status}\n`);
  } else if (process.env.REQUIRE_INFRA === '1') {
    const where = missing.map((s) => `${s} at ${WHERE[s]}`).join(', ');
    throw new Error(`[infra] REQUIRE_INFRA=1 but ${where} not reachable (run infra/up)`);
  } else {
    process.stdout.write(`\n[infra] ${status} — ${missing.join(' and ')} suites will be skipped (run infra/up)\n`);
  }
};

module.exports.postgresAvailable = postgresAvailable;
module.exports.kafkaAvailable = kafkaAvailable;

if (require.main === module && process.argv.includes('--probe')) {
  probe().then((found) => {
    process.stdout.write(JSON.stringify(found));
    process.exit(0);
  });
}
