import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** SHA-256 of a string, hex. Deterministic, so deciders may use it (commitments, fingerprints). */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of a value's canonical JSON: the same value gives the same hash whatever its key order. */
export const canonicalHash = (value: unknown): string => sha256Hex(canonicalJson(value));
