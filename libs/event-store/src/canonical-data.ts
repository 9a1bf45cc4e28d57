/**
 * The canonical JSON of what a store keeps for a value, in one pass: exactly
 * `canonicalJson(JSON.parse(JSON.stringify(value)))` (domain-kit's canonicalJson over the JSON
 * round trip the stores apply), without building the intermediate copy. The append path spends
 * most of its client CPU here (docs/PERFORMANCE.md), and the hash chain depends on every byte, so
 * canonical-data.spec.ts checks the identity against that reference on generated values.
 *
 * JSON.stringify's rules, followed here: `toJSON` first (dates become ISO strings); undefined,
 * functions and symbols are dropped from objects and become null in arrays; non-finite numbers
 * become null; boxed primitives unwrap; bigint throws. Keys are sorted by UTF-16 code units.
 */
export function canonicalJsonView(value: unknown): string {
  const text = view(value);
  // JSON.stringify(undefined) is undefined and JSON.parse then throws: keep that refusal.
  if (text === undefined) throw new SyntaxError('the value has no JSON form');
  return text;
}

function view(raw: unknown): string | undefined {
  let value = raw;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON('');
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return view(value.valueOf());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += view(value[i]) ?? 'null';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = view(record[key]);
    if (member === undefined) continue;
    out += first ? `${JSON.stringify(key)}:${member}` : `,${JSON.stringify(key)}:${member}`;
    first = false;
  }
  return `${out}}`;
}
