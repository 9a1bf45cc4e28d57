import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteEventStore } from '@tenderledger/event-store';
import { appendProcurements } from './testing/read-model-history';
import { expectSameAnswers, inMemoryAnswers, readModels, sqlReadModelsContract } from './testing/sql-read-models-contract';

sqlReadModelsContract('pglite', { open: async () => (await openPgliteEventStore()).store });

describe('turnover statistics and OCDS in a PGlite data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tl-read-models-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keep their rows and checkpoints across closing and reopening the folder, and the reopened runner replays nothing', async () => {
    const first = (await openPgliteEventStore({ dataDir })).store;
    await appendProcurements(first, 0, 5, true);
    const models = readModels(first, 30);
    await models.runner.install();
    await models.runner.catchUp();
    const answers = await models.answers(5);
    const head = await first.headPosition();
    await models.runner.stop();
    await first.close();

    const store = (await openPgliteEventStore({ dataDir })).store;
    try {
      const reopened = readModels(store, 30);
      await reopened.runner.install();
      const checkpoints = await store.executor.query<{ name: string; position: number }>("select name, position from tl_projections where name in ('turnover-statistics', 'ocds') order by name");
      expect(checkpoints.map((c) => [c.name, Number(c.position)])).toEqual([['ocds', head], ['turnover-statistics', head]]);
      await reopened.runner.catchUp();
      expect(reopened.counted.statistics.events + reopened.counted.ocds.events).toBe(0);
      expectSameAnswers(await reopened.answers(5), answers);
      expectSameAnswers(answers, await inMemoryAnswers(store, 5));

      await appendProcurements(store, 5, 1);
      await reopened.runner.catchUp();
      expect(reopened.counted.ocds.events).toBeGreaterThan(0);
      expect(reopened.counted.ocds.events).toBeLessThan(20);
      expectSameAnswers(await reopened.answers(6), await inMemoryAnswers(store, 6));
      await reopened.runner.stop();
    } finally {
      await store.close();
    }
  });
});

describe('the OCDS read model under a new publisher prefix', () => {
  it('is frozen at the next start (the old rows answer at once, without waiting for new events), then rebuilt and swapped', async () => {
    const store = (await openPgliteEventStore()).store;
    try {
      await appendProcurements(store, 0, 3, true);
      const before = readModels(store, 10);
      await before.runner.install();
      await before.runner.catchUp();
      const old = await before.releases.releasesOf('tender-1');
      expect(old[0]!.ocid).toBe('ocds-test00-tender-1');
      await before.runner.stop();
      await appendProcurements(store, 3, 1);

      const after = readModels(store, 10, 'ocds-other1');
      await after.runner.install();
      await after.runner.catchUp();
      const [row] = await store.executor.query<{ active_table_suffix: string }>("select active_table_suffix from tl_projections where name = 'ocds'");
      expect(row!.active_table_suffix).toBe(`v${before.counted.ocds.version}_1`);
      // Frozen: the old generation answers as it stood (tender-3 is not in it), at once rather than after a timeout.
      expect(await after.releases.releasesOf('tender-1')).toEqual(old);
      expect(await after.releases.releasesOf('tender-3')).toEqual([]);

      expect((await after.runner.rebuild('ocds')).state).toBe('swapped');
      const releases = (await after.answers(4)).releases;
      expect(releases['tender-1']![0]!.ocid).toBe('ocds-other1-tender-1');
      expect(releases).toEqual((await inMemoryAnswers(store, 4, 'ocds-other1')).releases);
      expect(releases['tender-3']!.length).toBeGreaterThan(0);
      await after.runner.stop();
    } finally {
      await store.close();
    }
  });
});
