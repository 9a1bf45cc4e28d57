/** JSON-compatible value: what the audit answers are made of. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Keys that never leave the audit: the encrypted envelope of a bid. */
const ALWAYS_HIDDEN = new Set(['sealed']);
/** Keys only readers allowed to see opened bid content get (auditors, the tender's commissioner). */
const CONTENT_KEYS = new Set(['content', 'nonce']);

export interface RedactionOptions {
  /** Whether opened bid content (`content`, `nonce`) may be shown. */
  readonly content: boolean;
}

/**
 * Deep copy to plain JSON (Maps become objects, Sets arrays, Dates ISO strings, bigints strings,
 * undefined dropped) that drops every `sealed` key at any depth, and `content`/`nonce` unless
 * allowed. Applied to every event payload and folded state the audit returns, so a new event
 * shape carrying sealed content cannot leak through by default.
 */
export function toAuditJson(value: unknown, options: RedactionOptions): Json {
  return walk(value, options, new WeakSet());
}

function walk(value: unknown, options: RedactionOptions, seen: WeakSet<object>): Json {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return null;
  }
  const object = value as object;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
  if (seen.has(object)) return null; // a cycle cannot be JSON
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.map((item) => walk(item, options, seen));
    if (object instanceof Set) return [...object].map((item) => walk(item, options, seen));
    const entries: [string, unknown][] = object instanceof Map ? [...object.entries()].map(([k, v]) => [String(k), v]) : Object.entries(object);
    const out: { [key: string]: Json } = {};
    for (const [key, item] of entries) {
      if (ALWAYS_HIDDEN.has(key) || (!options.content && CONTENT_KEYS.has(key)) || item === undefined || typeof item === 'function') continue;
      out[key] = walk(item, options, seen);
    }
    return out;
  } finally {
    seen.delete(object);
  }
}
