import type { StoredEvent } from '@tenderledger/event-store';
import type { SqlQuery, TableName } from './sql-projection';

/**
 * Folded state kept in SQL as JSON documents keyed by (kind, key), for SQL projections that reuse
 * an in-memory fold written against `Map`s (the statistics' fact book, the OCDS tender facts).
 *
 * A page is applied with a constant number of statements, whatever its size: the fold runs once
 * over empty maps to learn which keys the page touches, those rows are loaded in one query, the
 * fold runs again over them for real, and every document it changed is written back in one
 * multi-row upsert. A key the real run asks for that was not loaded (a lookup that depends on
 * loaded state, e.g. the organisations a release names) is loaded and the page folded again.
 *
 * Documents are `json`, not `jsonb`: `json` keeps the text as written, so object keys come back in
 * the order the fold produced them (jsonb reorders them, which would reorder bids in a release).
 * Each row remembers when its key was first created (global position, then order within the
 * event), so reading a whole kind back yields the same order as the in-memory `Map` had.
 */
export type DocumentMaps<Docs> = { readonly [K in keyof Docs]: Map<string, Docs[K]> };

/** What the fold does per event; `Out` values it returns (e.g. OCDS releases) are collected in order. */
export type DocumentFold<Docs, Out> = (maps: DocumentMaps<Docs>, event: StoredEvent) => Out | null | void;

interface DocumentRow {
  kind: string;
  key: string;
  doc: unknown;
  created_position: string | number;
  created_seq: number;
}

type Stamp = readonly [position: number, seq: number];

const SEP = '\u0000';
const id = (kind: string, key: string): string => `${kind}${SEP}${key}`;
const split = (value: string): [string, string] => {
  const at = value.indexOf(SEP);
  return [value.slice(0, at), value.slice(at + 1)];
};
/** Drivers hand `json` back parsed (pg, PGlite); a text value is parsed here so both paths agree. */
const parsed = (doc: unknown): unknown => (typeof doc === 'string' ? JSON.parse(doc) : doc);

/** Pages that keep asking for keys they were not given beyond this are a fold bug, not a big page. */
const MAX_LOAD_ROUNDS = 5;

/**
 * A Map that notes every key read or written, which keys changed, and when each new key was first
 * created. Scanning is refused: a fold that iterates a map would need every row, not a page's.
 */
class TrackingMap<V> extends Map<string, V> {
  readonly touched = new Set<string>();
  readonly changed = new Set<string>();
  readonly deleted = new Set<string>();
  readonly stamps = new Map<string, Stamp>();

  constructor(private readonly now: () => Stamp) {
    super();
  }

  /** Seeds a loaded row without marking it touched or changed. */
  seed(key: string, value: V, stamp: Stamp): void {
    super.set(key, value);
    this.stamps.set(key, stamp);
  }

  override get(key: string): V | undefined {
    this.touched.add(key);
    return super.get(key);
  }

  override has(key: string): boolean {
    this.touched.add(key);
    return super.has(key);
  }

  override set(key: string, value: V): this {
    this.touched.add(key);
    // A new key is stamped now; a loaded one keeps its stamp (a Map keeps an updated key in place, and puts a re-added one last).
    if (!super.has(key)) this.stamps.set(key, this.now());
    this.changed.add(key);
    this.deleted.delete(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.touched.add(key);
    this.changed.delete(key);
    this.deleted.add(key);
    this.stamps.delete(key);
    return super.delete(key);
  }

  /** The value as it stands, without noting a read. */
  peek(key: string): V | undefined {
    return super.get(key);
  }

  override forEach(): void {
    throw new Error('a page fold may not scan a document map (it holds only the rows the page touches)');
  }
  override entries(): MapIterator<[string, V]> {
    return this.forEach() as never;
  }
  override keys(): MapIterator<string> {
    return this.forEach() as never;
  }
  override values(): MapIterator<V> {
    return this.forEach() as never;
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.forEach() as never;
  }
}

export class SqlDocuments<Docs extends object> {
  constructor(
    /** The logical table name (the view queries read). */
    readonly base: string,
    readonly kinds: readonly (keyof Docs & string)[],
  ) {}

  createTable(table: TableName): string {
    return `create table ${table(this.base)} (
      kind             text not null,
      key              text not null,
      doc              json not null,
      created_position bigint not null,
      created_seq      integer not null,
      primary key (kind, key)
    )`;
  }

  /**
   * Folds one page of events over the documents it touches and writes back what changed, in the
   * caller's transaction. Returns what the fold returned per event, in order.
   */
  async foldPage<Out>(events: readonly StoredEvent[], query: SqlQuery, table: TableName, fold: DocumentFold<Docs, Out>): Promise<Out[]> {
    if (events.length === 0) return [];
    const t = table(this.base);
    // A dry run over empty maps names the keys the page touches (errors there only mean it needs rows).
    const wanted = new Set(this.run(events, new Map(), fold, true).touched);
    const asked = new Set<string>();
    const loaded = new Map<string, DocumentRow>();
    for (let round = 0; ; round++) {
      const missing = [...wanted].filter((k) => !asked.has(k));
      if (missing.length > 0) {
        for (const row of await this.load(query, t, missing)) loaded.set(id(row.kind, row.key), row);
        missing.forEach((k) => asked.add(k));
      }
      const pass = this.run(events, loaded, fold, false);
      const unseen = [...pass.touched].filter((k) => !wanted.has(k));
      if (unseen.length === 0) {
        if (pass.error !== undefined) throw pass.error;
        await this.save(query, t, pass.maps);
        return pass.outputs;
      }
      if (round >= MAX_LOAD_ROUNDS) throw new Error(`${this.base}: the fold kept asking for keys it was not given (${unseen.slice(0, 3).join(', ')})`);
      unseen.forEach((k) => wanted.add(k));
    }
  }

  /** Every document of the given kinds, from the active generation, in the order their keys were created. */
  async readAll(query: SqlQuery, kinds: readonly (keyof Docs & string)[] = this.kinds): Promise<{ [K in keyof Docs]: Map<string, Docs[K]> }> {
    const rows = await query<DocumentRow>(
      `select kind, key, doc from ${this.base} where kind = any($1::text[]) order by created_position, created_seq`,
      [kinds],
    );
    const maps = Object.fromEntries(this.kinds.map((kind) => [kind, new Map<string, unknown>()])) as { [K in keyof Docs]: Map<string, Docs[K]> };
    for (const row of rows) (maps[row.kind as keyof Docs] as Map<string, unknown>).set(row.key, parsed(row.doc));
    return maps;
  }

  private run<Out>(events: readonly StoredEvent[], loaded: ReadonlyMap<string, DocumentRow>, fold: DocumentFold<Docs, Out>, probing: boolean) {
    let stamp: Stamp = [0, 0];
    const now = (): Stamp => (stamp = [stamp[0], stamp[1] + 1]);
    const maps = Object.fromEntries(this.kinds.map((kind) => [kind, new TrackingMap<unknown>(now)])) as unknown as Record<string, TrackingMap<unknown>>;
    // A copy per run: a run that is retried must not see what an earlier run did to the same rows.
    for (const row of loaded.values()) maps[row.kind]?.seed(row.key, structuredClone(parsed(row.doc)), [Number(row.created_position), Number(row.created_seq)]);
    const outputs: Out[] = [];
    let error: unknown;
    try {
      for (const event of events) {
        stamp = [event.globalPosition, 0];
        const out = fold(maps as unknown as DocumentMaps<Docs>, event);
        if (out !== null && out !== undefined) outputs.push(out);
      }
    } catch (caught) {
      if (!probing) error = caught;
    }
    const touched = new Set<string>();
    for (const [kind, map] of Object.entries(maps)) for (const key of map.touched) touched.add(id(kind, key));
    return { maps, outputs, touched, error };
  }

  private load(query: SqlQuery, table: string, keys: readonly string[]): Promise<DocumentRow[]> {
    const pairs = keys.map(split);
    return query<DocumentRow>(
      `select kind, key, doc, created_position, created_seq from ${table}
       where (kind, key) in (select * from unnest($1::text[], $2::text[]))`,
      [pairs.map(([kind]) => kind), pairs.map(([, key]) => key)],
    );
  }

  private async save(query: SqlQuery, table: string, maps: Record<string, TrackingMap<unknown>>): Promise<void> {
    const kinds: string[] = [];
    const keys: string[] = [];
    const docs: string[] = [];
    const positions: number[] = [];
    const seqs: number[] = [];
    const goneKinds: string[] = [];
    const goneKeys: string[] = [];
    for (const [kind, map] of Object.entries(maps)) {
      for (const key of map.changed) {
        const [position, seq] = map.stamps.get(key)!;
        kinds.push(kind);
        keys.push(key);
        docs.push(JSON.stringify(map.peek(key)));
        positions.push(position);
        seqs.push(seq);
      }
      for (const key of map.deleted) {
        goneKinds.push(kind);
        goneKeys.push(key);
      }
    }
    if (goneKeys.length > 0) {
      await query(`delete from ${table} where (kind, key) in (select * from unnest($1::text[], $2::text[]))`, [goneKinds, goneKeys]);
    }
    if (keys.length === 0) return;
    await query(
      `insert into ${table} (kind, key, doc, created_position, created_seq)
       select kind, key, doc::json, created_position, created_seq from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::int[])
         as page(kind, key, doc, created_position, created_seq)
       on conflict (kind, key) do update set doc = excluded.doc, created_position = excluded.created_position, created_seq = excluded.created_seq`,
      [kinds, keys, docs, positions, seqs],
    );
  }
}
