import type { Json, JsonObject } from './ocds-types';

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const isIdentifiedList = (value: Json): value is readonly JsonObject[] =>
  Array.isArray(value) && value.length > 0 && value.every((item: Json) => isObject(item) && (typeof item['id'] === 'string' || typeof item['id'] === 'number'));

/**
 * OCDS merge of one value onto an earlier one, for the fields TenderLedger emits: objects merge
 * field by field, arrays of objects that all carry an id merge item by item on that id (new ids
 * appended in order), any other array or value replaces. Null means "remove" as in OCDS.
 */
function mergeValue(earlier: Json | undefined, later: Json): Json | undefined {
  if (later === null) return undefined;
  if (isObject(later)) {
    const result: Record<string, Json> = isObject(earlier) ? { ...earlier } : {};
    for (const [key, value] of Object.entries(later)) {
      const merged = mergeValue(result[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
    return result;
  }
  if (isIdentifiedList(later) && (earlier === undefined || isIdentifiedList(earlier))) {
    const items = new Map<string, Json>((earlier ?? []).map((item) => [String(item['id']), item]));
    for (const item of later) {
      const id = String(item['id']);
      items.set(id, mergeValue(items.get(id), item) ?? item);
    }
    return [...items.values()];
  }
  return later;
}

/**
 * The compiled release of a record: releases merged in date order (stable for equal dates), with
 * the per-release fields (id, date, tag) replaced as ocdsmerge does: tag ['compiled'], the latest
 * date, and id `${ocid}-${date}`.
 */
export function compileReleases<R extends JsonObject>(releases: readonly R[]): JsonObject {
  if (releases.length === 0) throw new Error('A record needs at least one release.');
  const ordered = [...releases].sort((a, b) => Date.parse(String(a['date'])) - Date.parse(String(b['date'])));
  let compiled: Json | undefined = {};
  for (const release of ordered) {
    const { id: _id, date: _date, tag: _tag, ...rest } = release;
    compiled = mergeValue(compiled, rest);
  }
  const last = ordered[ordered.length - 1]!;
  const ocid = String(last['ocid']);
  const date = String(last['date']);
  return { ocid, id: `${ocid}-${date}`, date, tag: ['compiled'], ...(compiled as JsonObject) };
}
