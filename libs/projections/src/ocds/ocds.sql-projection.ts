import type { StoredEvent } from '@tenderledger/event-store';
import { SqlDocuments } from '../runtime/sql-documents';
import type { SqlProjection, SqlQuery, TableName } from '../runtime/sql-projection';
import type { OrganisationFacts } from './build-release';
import { foldOcds, OCDS_EVENT_TYPES, type OcdsDirectAwardEntry, type OcdsReleaseMade, type OcdsTenderEntry } from './ocds-fold';
import type { AnyOcdsRelease } from './ocds-types';

interface OcdsDocuments {
  tenders: OcdsTenderEntry;
  organisations: OrganisationFacts;
  directAwards: OcdsDirectAwardEntry;
}

/** Bump when the rows' meaning or shape changes (the runner then rebuilds them from position 0). */
const ROWS_VERSION = 2; // 2: direct awards are contracting processes of their own

/**
 * Release ids and ocids carry the publisher's prefix, so rows made under another prefix mean
 * something else: the prefix is folded into the version, and changing OCDS_PREFIX rebuilds the
 * read model at the next start (the old rows keep serving until the swap).
 */
export const ocdsProjectionVersion = (prefix: string): number => {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (const char of prefix) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return ROWS_VERSION * 1_000_000 + (hash % 1_000_000);
};

/**
 * The OCDS export as a SQL read model: `tlp_ocds_documents` holds, as `json` documents, each
 * tender's (and each direct award's) public facts with the ids of its releases so far, and each organisation's name and ODS
 * code; `tlp_ocds_releases` holds every release as made at its moment (append-only, `json` so the
 * text comes back exactly as built). A page loads the tenders and organisations it touches in one
 * query, folds them with the same pure fold as the in-memory `OcdsProjection`, and writes the
 * changed documents and the new releases with one statement each.
 */
export class OcdsSqlProjection implements SqlProjection {
  static readonly DOCUMENTS = 'tlp_ocds_documents';
  static readonly RELEASES = 'tlp_ocds_releases';
  readonly name = 'ocds';
  readonly version: number;
  readonly handles = OCDS_EVENT_TYPES;
  readonly tables = [OcdsSqlProjection.DOCUMENTS, OcdsSqlProjection.RELEASES];
  private readonly documents = new SqlDocuments<OcdsDocuments>(OcdsSqlProjection.DOCUMENTS, ['tenders', 'organisations', 'directAwards']);

  constructor(readonly prefix: string) {
    this.version = ocdsProjectionVersion(prefix);
  }

  createTables(table: TableName): string {
    return `${this.documents.createTable(table)};
      create table ${table(OcdsSqlProjection.RELEASES)} (
        tender_id  text not null,
        position   bigint not null,
        release_id text not null,
        release    json not null,
        primary key (tender_id, release_id)
      )`;
  }

  async applyPage(events: readonly StoredEvent[], query: SqlQuery, table: TableName): Promise<void> {
    const made = await this.documents.foldPage<OcdsReleaseMade>(events, query, table, (maps, event) => foldOcds(maps, event, this.prefix));
    if (made.length === 0) return;
    await query(
      `insert into ${table(OcdsSqlProjection.RELEASES)} (tender_id, position, release_id, release)
       select tender_id, position, release_id, release::json from unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) as page(tender_id, position, release_id, release)
       on conflict (tender_id, release_id) do nothing`,
      [made.map((m) => m.processId), made.map((m) => m.position), made.map((m) => m.release.id), made.map((m) => JSON.stringify(m.release))],
    );
  }

  /** One contracting process's releases (a tender id, or `direct-award-{id}`) from the active generation, in the order they were made. */
  async releasesOf(query: SqlQuery, tenderId: string): Promise<AnyOcdsRelease[]> {
    const rows = await query<{ release: unknown }>(`select release from ${OcdsSqlProjection.RELEASES} where tender_id = $1 order by position, release_id`, [tenderId]);
    return rows.map((row) => (typeof row.release === 'string' ? JSON.parse(row.release) : row.release) as AnyOcdsRelease);
  }
}
