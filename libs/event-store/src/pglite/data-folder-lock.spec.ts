import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentHolder, FolderLockedError, lockDataFolder } from './data-folder-lock';

describe('one process per PGlite data folder', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tl-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a folder held by another live process, naming it', async () => {
    const other = spawn('sleep', ['10']);
    try {
      writeFileSync(join(dir, 'tenderledger.lock'), JSON.stringify({ pid: other.pid, kind: 'platform', url: 'http://localhost:3000', since: '2026-01-01T00:00:00Z' }));
      expect(currentHolder(dir)).toMatchObject({ pid: other.pid, url: 'http://localhost:3000' });
      expect(() => lockDataFolder(dir, { kind: 'cli' })).toThrow(FolderLockedError);
      expect(() => lockDataFolder(dir, { kind: 'cli' })).toThrow(/open in another process \(platform, pid \d+, http:\/\/localhost:3000\)/);
    } finally {
      other.kill();
    }
  });

  it('takes over a stale lock and releases only its own', async () => {
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(join(dir, 'tenderledger.lock'), JSON.stringify({ pid: gone.pid, kind: 'platform', since: '2026-01-01T00:00:00Z' }));
    expect(currentHolder(dir)).toBeNull();
    const release = lockDataFolder(dir, { kind: 'cli' });
    expect(JSON.parse(readFileSync(join(dir, 'tenderledger.lock'), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'cli' });
    release();
    expect(existsSync(join(dir, 'tenderledger.lock'))).toBe(false);
  });
});
