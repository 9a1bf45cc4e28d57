import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteEventStore } from './pglite-event-store';
import { collect, eventStoreContract, newEvent } from '../testing/contract';
import { verifyStream } from '../verify';

const folders: string[] = [];
const freshFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-pglite-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A data folder rather than memory: the 100k-event test would otherwise live in WASM memory.
eventStoreContract('pglite', {
  open: async (options) => (await openPgliteEventStore({ dataDir: freshFolder(), ...options })).store,
});

describe('pglite: the embedded store survives a restart', () => {
  it('keeps every event, hash and stream head across close and reopen', async () => {
    const dataDir = freshFolder();
    const first = (await openPgliteEventStore({ dataDir })).store;
    await first.append('tender-restart', [newEvent('TenderDrafted', { title: 'A' }), newEvent('LotAdded', { lot: 1 })], 'no-stream');
    const before = await collect(first.readStream('tender-restart'));
    await first.close();

    const second = (await openPgliteEventStore({ dataDir })).store;
    try {
      const after = await collect(second.readStream('tender-restart'));
      expect(after).toEqual(before);
      expect((await verifyStream(second, 'tender-restart')).firstBreak).toBeNull();
      const result = await second.append('tender-restart', [newEvent('TenderPublished', {})], 2);
      expect(result.nextExpectedVersion).toBe(3);
      expect(result.firstPosition!).toBeGreaterThan(after[1]!.globalPosition);
    } finally {
      await second.close();
    }
  });
});
