#!/usr/bin/env node
// Waits until a Kafka broker answers a real client request (admin listTopics), which is
// what the tests need: an open port alone is not enough while a KRaft broker is starting.
//   node infra/wait-kafka.cjs [--timeout <seconds>] [--pid <broker pid>]
// Exits 0 when the broker answers; 1 on timeout, or at once if the given pid has died
// (so infra/up does not sit out the whole timeout after a broker crash).
const { Kafka, logLevel } = require('kafkajs');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const timeoutMs = Number(arg('timeout', '90')) * 1000;
const pid = arg('pid') ? Number(arg('pid')) : undefined;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

const alive = (p) => {
  try {
    process.kill(p, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const kafka = new Kafka({
    clientId: 'tenderledger-wait',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  });
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt made';
  while (Date.now() < deadline) {
    if (pid !== undefined && !alive(pid)) {
      console.error(`kafka broker process ${pid} exited before answering`);
      return 1;
    }
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.listTopics();
      return 0;
    } catch (e) {
      lastError = e && e.message ? e.message : String(e);
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(500);
  }
  console.error(`kafka at ${brokers.join(',')} did not answer within ${timeoutMs / 1000}s (${lastError})`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
