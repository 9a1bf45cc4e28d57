import type { StoredEvent } from '@tenderledger/event-store';
import { SqlDocuments, type DocumentMaps } from '../runtime/sql-documents';
import type { SqlProjection, SqlQuery, TableName } from '../runtime/sql-projection';
import type { FactBook } from './fact-book';
import type { BidFact, ChallengeFact, ContractFact, DirectAwardFact, OrganisationFact, ReprocurementOutcome, StatisticsFacts, TenderFact } from './facts';
import { recordStatistics, STATISTICS_EVENT_TYPES } from './statistics-projection';

/** One document kind per map of the fact book, named as the map is. */
interface FactDocuments {
  organisations: OrganisationFact;
  contracts: ContractFact;
  outcomes: ReprocurementOutcome;
  tenders: TenderFact;
  bids: BidFact;
  directAwards: DirectAwardFact;
  challenges: ChallengeFact;
}

const KINDS = ['organisations', 'contracts', 'outcomes', 'tenders', 'bids', 'directAwards', 'challenges'] as const satisfies readonly (keyof FactDocuments)[];

/** The recorders write a FactBook: the page's document maps are one (it has nothing but its maps). */
const bookOf = (maps: DocumentMaps<FactDocuments>): FactBook => ({ ...maps });

/**
 * The turnover statistics' facts as a SQL read model (DESIGN §7): `tlp_turnover_facts`, one `json`
 * document per organisation, contract, re-procurement outcome, tender, bid, direct award and
 * challenge, folded per page by the same recorders as the in-memory `TurnoverStatistics` (one
 * query loads the facts a page touches, one upsert writes back those it changed). The figures are
 * computed on request from every fact, as before: they need whole histories (providers that left,
 * new entrants), so there is no per-year table to keep.
 */
export class TurnoverFactsSqlProjection implements SqlProjection {
  static readonly TABLE = 'tlp_turnover_facts';
  readonly name = 'turnover-statistics';
  readonly version = 1;
  readonly handles = STATISTICS_EVENT_TYPES;
  readonly tables = [TurnoverFactsSqlProjection.TABLE];
  private readonly documents = new SqlDocuments<FactDocuments>(TurnoverFactsSqlProjection.TABLE, KINDS);

  createTables(table: TableName): string {
    return this.documents.createTable(table);
  }

  async applyPage(events: readonly StoredEvent[], query: SqlQuery, table: TableName): Promise<void> {
    await this.documents.foldPage<never>(events, query, table, (maps, event) => recordStatistics(bookOf(maps), event));
  }

  /** Every fact of the active generation, in the order the in-memory fold would hold them. */
  async facts(query: SqlQuery): Promise<StatisticsFacts> {
    return this.documents.readAll(query);
  }
}
