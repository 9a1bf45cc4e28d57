import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithKafka, describeWithPostgres } from '../support/infra';
import { buildApps, startDistributedShape, type DistributedShape } from '../support/distributed';
import { platformTarget, startTestPlatform, type TestPlatform } from '../support/platform';
import { lifecycleScenario, SCENARIO_START, TENDER, type ScenarioRun, type ScenarioTarget } from '../support/scenario';

/**
 * Issue 6: the distributed shape end to end. Every service is its own Node process (tendering twice,
 * to prove Kafka request–reply survives scaling out) on a fresh PostgreSQL database and its own
 * Kafka topics, with the relay; the lifecycle scenario is driven over HTTP through the gateway, and
 * its audit trail and turnover statistics are compared with the one-process platform's for the
 * same scenario (ids, positions and correlation ids differ legitimately; everything else must not).
 */
type AuditEntry = { streamId: string; streamVersion: number; type: string; actor: { userId: string; role: string }; occurredAt: string; summary: string; reason: string | null };

/** The trail per stream, in stream order, with run-specific ids replaced by the bidder they belong to. */
function comparableTrail(timeline: AuditEntry[], run: ScenarioRun): Record<string, string[]> {
  // Bid ids are named by bidder; other generated ids (challenges) and salted commitments differ per run by design.
  const named = (text: string | null): string | null =>
    text === null
      ? null
      : Object.entries(run.bids)
          .reduce((s, [who, id]) => s.split(id).join(`<bid:${who}>`), text)
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
          .replace(/\(commitment [0-9a-f]+…\)/g, '(commitment …)');
  const byStream: Record<string, string[]> = {};
  for (const entry of [...timeline].sort((a, b) => a.streamVersion - b.streamVersion)) {
    const stream = named(entry.streamId)!;
    (byStream[stream] ??= []).push(`${entry.streamVersion} ${entry.type} by ${entry.actor.userId} (${entry.actor.role}) at ${entry.occurredAt}: ${named(entry.summary)}${entry.reason ? ` — ${named(entry.reason)}` : ''}`);
  }
  return byStream;
}

async function outcome(target: ScenarioTarget, run: ScenarioRun) {
  const auditor = run.tokens.auditor!;
  const trail = await target.as(auditor).get(`/api/audit/tenders/${TENDER}`);
  expect(trail.status).toBe(200);
  const statistics: Record<string, unknown> = {};
  for (const year of [2026, 2027]) {
    const res = await target.as(auditor).get(`/api/statistics/turnover?year=${year}`);
    expect(res.status).toBe(200);
    statistics[year] = res.body;
  }
  return { trail: comparableTrail(trail.body.timeline as AuditEntry[], run), decisions: (trail.body.timeline as AuditEntry[]).length, statistics };
}

/** jest-circus's state: whether the test that just ran failed (to print the children's logs then). */
const currentTestFailed = (): boolean => {
  const state = (globalThis as Record<symbol, { currentlyRunningTest?: { errors?: unknown[] } } | undefined>)[Symbol.for('JEST_STATE_SYMBOL')];
  return (state?.currentlyRunningTest?.errors?.length ?? 0) > 0;
};

describeWithPostgres('distributed shape (PostgreSQL)', () => {
  describeWithKafka('distributed shape: gateway, five context services (tendering ×2), projector and relay as separate processes over Kafka', () => {
    let platform: TestPlatform;
    let reference: ScenarioTarget;
    let shape: DistributedShape | null = null;
    let distributed: ScenarioTarget;
    let expectedOutcome: Awaited<ReturnType<typeof outcome>> | undefined;

    afterAll(async () => {
      await platform?.close();
      if (shape) {
        const file = join(tmpdir(), `${shape.prefix}.log`);
        writeFileSync(file, shape.children.map((c) => `----- ${c.name} -----\n${c.lines.join('\n')}`).join('\n'));
        process.stdout.write(`distributed shape logs: ${file}\n`);
        await shape.stop();
      }
    }, 120_000);

    describe('reference: the one-process platform', () => {
      beforeAll(async () => {
        platform = await startTestPlatform(SCENARIO_START);
        reference = platformTarget(platform);
      });
      const referenceRun = lifecycleScenario(() => reference);
      it('leaves its outcome for the comparison', async () => {
        expectedOutcome = await outcome(reference, referenceRun);
        expect(expectedOutcome.decisions).toBeGreaterThan(30);
      });
    });

    describe('the distributed shape, driven through the gateway', () => {
      beforeAll(async () => {
        buildApps();
        shape = await startDistributedShape({ clockStart: SCENARIO_START });
        distributed = shape.target();
      }, 300_000);
      afterEach(() => {
        if (currentTestFailed() && shape) process.stdout.write(`\n${shape.tails(30)}\n`);
      });

      const run = lifecycleScenario(() => distributed);

      it('ran tender commands on both tendering instances (Kafka request–reply with a service scaled out)', () => {
        const handled = (name: string) => shape!.children.find((c) => c.name === name)!.lines.filter((l) => l.includes('DecideTender done in')).length;
        expect([handled('tendering-1') > 0, handled('tendering-2') > 0]).toEqual([true, true]);
      });

      it('gives the same audit trail (every decision, in order per stream) and turnover statistics as the platform', async () => {
        expect(expectedOutcome).toBeDefined();
        const actual = await outcome(distributed, run);
        expect(actual.trail).toEqual(expectedOutcome!.trail);
        expect(actual.decisions).toBe(expectedOutcome!.decisions);
        expect(actual.statistics).toEqual(expectedOutcome!.statistics);
      });
    });
  });
});
