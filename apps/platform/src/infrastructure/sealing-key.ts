import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SealingKey } from '@tenderledger/bidding';

/**
 * Where the bid-sealing key comes from: SEALING_KEY (base64, 32 bytes) in real deployments; on the
 * embedded store a key file in the data folder, created once, so bids sealed before a restart can
 * still be opened after it; in memory (tests) a fresh random key.
 */
export function resolveSealingKey(env: NodeJS.ProcessEnv, where: { dataDir?: string; durableStore?: boolean }): SealingKey {
  const dataDir = where.dataDir;
  if (env.SEALING_KEY) {
    const key = Buffer.from(env.SEALING_KEY, 'base64');
    if (key.length !== 32) throw new Error('SEALING_KEY must be 32 bytes, base64-encoded');
    return { key, keyId: keyIdOf(key) };
  }
  if (where.durableStore) throw new Error('EVENT_STORE=postgres needs SEALING_KEY (32 bytes, base64): without it sealed bids could not be opened after a restart');
  if (!dataDir) {
    const key = randomBytes(32);
    return { key, keyId: keyIdOf(key) };
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'sealing.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  return { key, keyId: keyIdOf(key) };
}

/** A key's id is a fingerprint, so a bid records which key sealed it without revealing the key. */
const keyIdOf = (key: Buffer): string => `k-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
