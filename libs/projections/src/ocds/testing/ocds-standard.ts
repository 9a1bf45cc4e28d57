import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import { jsonMergePatch } from '../json-merge-patch';
import type { Json, JsonObject } from '../ocds-types';

// Test support: the OCDS 1.1.5 schemas and codelists from ../shared/ocds, the release schema patched
// by the lots and bids extensions, and validators for release and record packages.

export const OCDS_DIR = process.env['OCDS_SCHEMA_DIR'] ?? resolve(__dirname, '../../../../..', '../shared/ocds');
export const ocdsAvailable = (): boolean => existsSync(join(OCDS_DIR, '1.1.5', 'release-schema.json'));

const readJson = (...parts: string[]): JsonObject => JSON.parse(readFileSync(join(OCDS_DIR, ...parts), 'utf8')) as JsonObject;
const EXTENSIONS = ['lots', 'bids'] as const;

/** Core release schema with each extension's release-schema.json applied as a JSON Merge Patch. */
export function patchedReleaseSchema(): JsonObject {
  let schema: Json = readJson('1.1.5', 'release-schema.json');
  for (const extension of EXTENSIONS) schema = jsonMergePatch(schema, readJson('extensions', extension, 'release-schema.json'));
  return schema as JsonObject;
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((cell) => cell !== ''));
}

/** The codes of one CSV (its "Code" column), by path under the OCDS folder. */
export function codelist(path: string): Set<string> {
  const [header, ...rows] = parseCsv(readFileSync(join(OCDS_DIR, path), 'utf8'));
  const column = header!.indexOf('Code');
  if (column < 0) throw new Error(`${path} has no Code column`);
  return new Set(rows.map((r) => r[column]!));
}

/** A schema's codelist file, from the core codelists or one of the extensions'. */
function codelistByName(name: string): Set<string> {
  for (const dir of ['1.1.5/codelists', ...EXTENSIONS.map((e) => `extensions/${e}/codelists`)]) {
    if (existsSync(join(OCDS_DIR, dir, name))) return codelist(`${dir}/${name}`);
  }
  throw new Error(`codelist ${name} not found under ${OCDS_DIR}`);
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every value in `data` whose schema field names a codelist and is not in that CSV (open codelists
 * included: TenderLedger adds no codes of its own). Walks the patched release schema beside the data.
 */
export function codelistProblems(release: unknown, schema: JsonObject = patchedReleaseSchema()): string[] {
  const definitions = (schema['definitions'] ?? {}) as JsonObject;
  const cache = new Map<string, Set<string>>();
  const problems: string[] = [];
  const resolveRef = (s: JsonObject): JsonObject => {
    const ref = s['$ref'];
    return typeof ref === 'string' && ref.startsWith('#/definitions/') ? resolveRef(definitions[ref.slice(14)] as JsonObject) : s;
  };
  const walk = (node: Json, raw: JsonObject, path: string): void => {
    const s = resolveRef(raw);
    const name = s['codelist'];
    if (typeof name === 'string') {
      const codes = cache.get(name) ?? codelistByName(name);
      cache.set(name, codes);
      for (const value of Array.isArray(node) ? node : [node]) {
        if (typeof value === 'string' && !codes.has(value)) problems.push(`${path}: "${value}" is not in ${name}`);
      }
    }
    if (Array.isArray(node) && isObject(s['items'])) node.forEach((item: Json, i: number) => walk(item, s['items'] as JsonObject, `${path}[${i}]`));
    if (isObject(node) && isObject(s['properties'])) {
      const properties = s['properties'] as JsonObject;
      for (const [key, value] of Object.entries(node)) if (isObject(properties[key])) walk(value, properties[key] as JsonObject, `${path}.${key}`);
    }
  };
  walk(release as Json, schema, '$');
  return problems;
}

// Deliberately simple format checks (ajv-formats is not installed): enough to catch a date or URL
// that is plainly not one, which is what the export could get wrong.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const URI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type PackageValidator = (document: unknown) => string[];

/** Ajv draft-04 validators for the release and record packages, with the patched release schema. */
export function packageValidators(): { releasePackage: PackageValidator; recordPackage: PackageValidator } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('uri', (value: string) => URI.test(value));
  ajv.addFormat('email', (value: string) => EMAIL.test(value));
  // The package schemas $ref the release schema by its absolute id: registering the patched schema
  // (it keeps the core's `id`) makes them resolve to it. The record package also refers to the
  // versioned-release schema, which we never emit but must be present to compile.
  ajv.addSchema(patchedReleaseSchema());
  ajv.addSchema(readJson('1.1.5', 'versioned-release-validation-schema.json'));
  const wrap = (schema: JsonObject): PackageValidator => {
    const validate = ajv.compile(schema);
    return (document) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
  };
  return { releasePackage: wrap(readJson('1.1.5', 'release-package-schema.json')), recordPackage: wrap(readJson('1.1.5', 'record-package-schema.json')) };
}

/**
 * `describe` when the OCDS schemas are present; otherwise a visibly skipped suite whose body is
 * never run (a plain describe.skip would still run the body, and the body reads the schemas).
 */
export const describeIfOcds = (name: string, body: () => void): void => {
  if (ocdsAvailable()) describe(name, body);
  else describe.skip(`${name} [SKIPPED: ${OCDS_DIR} is absent]`, () => it.skip('needs the OCDS schemas', () => undefined));
};
