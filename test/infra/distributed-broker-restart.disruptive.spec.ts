import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithKafka, describeWithPostgres } from '../support/infra';
import { buildApps, startDistributedShape, type DistributedShape } from '../support/distributed';
import { lifecycleScenario, SCENARIO_START, type ScenarioTarget } from '../support/scenario';

/**
 * Issue 6: the distributed shape rides out a Kafka broker restart. The lifecycle scenario runs
 * through the gateway; after step 3 (bids opened) infra/kafka-restart stops the broker, leaves it
 * down 5 s and starts it again on the same data; once every process reports healthy again, the
 * scenario carries on to the register and must complete.
 *
 * Disruptive: every client of that broker sees it go away. jest.config.cjs skips *.disruptive.spec.ts
 * unless TL_DISRUPTIVE=1. To aim it at a broker of your own:
 * KAFKA_BROKERS=127.0.0.1:19092 KAFKA_PID_FILE=<its state dir>/kafka.pid.
 */
const ROOT = join(__dirname, '..', '..');
const PID_FILE = process.env.KAFKA_PID_FILE ?? join(ROOT, '.infra/kafka.pid');

function restartableBroker(): boolean {
  if (!existsSync(PID_FILE)) return false;
  try {
    return readFileSync(`/proc/${readFileSync(PID_FILE, 'utf8').trim()}/cmdline`, 'utf8').includes('kafka.Kafka');
  } catch {
    return false;
  }
}

const restartBroker = (): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile('bash', [join(ROOT, 'infra/kafka-restart')], { env: { ...process.env, KAFKA_PID_FILE: PID_FILE, KAFKA_DOWN_SECONDS: '5' } }, (error, stdout, stderr) =>
      error ? reject(new Error(`infra/kafka-restart failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );

const currentTestFailed = (): boolean => {
  const state = (globalThis as Record<symbol, { currentlyRunningTest?: { errors?: unknown[] } } | undefined>)[Symbol.for('JEST_STATE_SYMBOL')];
  return (state?.currentlyRunningTest?.errors?.length ?? 0) > 0;
};

const suite = restartableBroker()
  ? (name: string, fn: () => void) => describeWithPostgres(`${name} (PostgreSQL)`, () => describeWithKafka(name, fn))
  : (name: string, fn: () => void): void => {
      process.stdout.write(`SKIPPED ${name}: no broker started by infra/up behind ${PID_FILE}\n`);
      describe.skip(`${name} [SKIPPED: no broker started by infra/up behind ${PID_FILE}]`, fn);
    };

suite('distributed shape survives a Kafka broker restart mid-scenario (disruptive: restarts the broker)', () => {
  let shape: DistributedShape | null = null;
  let target: ScenarioTarget;

  beforeAll(async () => {
    buildApps();
    shape = await startDistributedShape({ clockStart: SCENARIO_START });
    target = shape.target();
  }, 300_000);
  afterEach(() => {
    if (currentTestFailed() && shape) process.stdout.write(`\n${shape.tails(30)}\n`);
  });
  afterAll(async () => {
    await shape?.stop();
  }, 120_000);

  lifecycleScenario(() => target, [
    {
      after: '3',
      name: 'interlude: the Kafka broker is stopped for 5 s and started again; every process is healthy again',
      run: async () => {
        await restartBroker();
        const until = Date.now() + 120_000;
        for (const child of shape!.children) {
          for (;;) {
            const ok = await fetch(`http://127.0.0.1:${child.port}/health`).then((r) => r.ok, () => false);
            if (ok) break;
            if (Date.now() > until) throw new Error(`${child.name} not healthy after the broker restart`);
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      },
    },
  ]);
});
