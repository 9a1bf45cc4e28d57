import { randomBytes } from 'node:crypto';

/**
 * UUID v7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Time-ordered, so event ids
 * sort roughly by creation and index well. A counter keeps ids from one process monotonic
 * within the same millisecond.
 */
let lastMs = 0;
let sequence = 0;

export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  if (nowMs <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1; // 4096 ids in one ms: borrow the next millisecond
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    sequence = bytes[6]! & 0x07; // small random start leaves room to count up
  }
  bytes[0] = (nowMs / 2 ** 40) & 0xff;
  bytes[1] = (nowMs / 2 ** 32) & 0xff;
  bytes[2] = (nowMs >>> 24) & 0xff;
  bytes[3] = (nowMs >>> 16) & 0xff;
  bytes[4] = (nowMs >>> 8) & 0xff;
  bytes[5] = nowMs & 0xff;
  bytes[6] = 0x70 | ((sequence >>> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Source of new ids, injected so tests can be deterministic. */
export interface IdGenerator {
  next(): string;
}

export const uuidv7Generator: IdGenerator = { next: () => uuidv7() };
