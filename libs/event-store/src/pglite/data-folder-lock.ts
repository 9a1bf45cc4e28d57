import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is one process's database: two processes must never open the same data folder.
 * The holder writes `tenderledger.lock` (pid, what it is, where it answers); another process
 * reads it and either talks to the holder (the CLI uses the platform's HTTP API) or stops.
 * A lock whose pid is gone is stale and is taken over.
 */
export interface FolderHolder {
  readonly pid: number;
  readonly kind: 'platform' | 'cli';
  /** Where the holder answers HTTP, if it does. */
  readonly url?: string;
  readonly since: string;
}

const LOCK_FILE = 'tenderledger.lock';

export function currentHolder(dataDir: string): FolderHolder | null {
  let holder: FolderHolder;
  try {
    holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as FolderHolder;
  } catch {
    return null;
  }
  return isAlive(holder.pid) && holder.pid !== process.pid ? holder : null;
}

export class FolderLockedError extends Error {
  constructor(readonly holder: FolderHolder, dataDir: string) {
    super(`the data folder ${dataDir} is open in another process (${holder.kind}, pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}); PGlite allows one process per folder`);
  }
}

/** Takes the folder for this process; returns the release function. */
export function lockDataFolder(dataDir: string, holder: Omit<FolderHolder, 'pid' | 'since'>): () => void {
  const existing = currentHolder(dataDir);
  if (existing) throw new FolderLockedError(existing, dataDir);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, JSON.stringify({ ...holder, pid: process.pid, since: new Date().toISOString() }));
  return () => {
    const now = currentHolderRaw(file);
    if (now?.pid === process.pid) rmSync(file, { force: true });
  };
}

/** Records where the holder answers once it listens (the port may be chosen at bind time). */
export function announceUrl(dataDir: string, url: string): void {
  const file = join(dataDir, LOCK_FILE);
  const holder = currentHolderRaw(file);
  if (holder?.pid === process.pid) writeFileSync(file, JSON.stringify({ ...holder, url }));
}

function currentHolderRaw(file: string): FolderHolder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as FolderHolder;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
