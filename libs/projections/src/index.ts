export type { Projection } from './runtime/projection';
export { ProjectionRunner, type EventListener, type ProjectionProgress, type ProgressSource } from './runtime/projection-runner';
export { projectionStatuses, LAG_COUNT_BOUND, type ProjectionStatus } from './runtime/projection-status';
export { registerProjectionGauges } from './runtime/projection-metrics';

// Audit (DESIGN §7): trail with "as of" replay, store verification, projection status routes.
export { AuditModule } from './audit.module';
export { AuditService, type AuditTrail, type AuditReplay } from './audit/audit.service';
export { AuditIndex } from './audit/audit-index.projection';
export { verifyEverything, type VerificationReport, type CommitmentMismatch } from './audit/verification';
export { parseAsOf, cutStream, type AsOf } from './audit/as-of';
export { loadProcurement, type ProcurementHistory } from './audit/procurement-history';
export { cutHistory, cutDirectAward, timeline, directAwardTimeline, correlationGroups, type AuditEntry, type CorrelationGroup } from './audit/audit-trail';
export { replay, type ReplayedStates } from './audit/replay';
export { summarise, reasonOf } from './audit/summaries';
export { toAuditJson, type Json } from './audit/redaction';

// OCDS (DESIGN §7): release and record packages per tender, valid against OCDS 1.1.5 with the lots and bids extensions.
export { OcdsModule } from './ocds';

// Turnover statistics (DESIGN §7): the figures with their definitions, JSON and CSV.
export { StatisticsModule } from './statistics/statistics.module';
export { computeTurnover } from './statistics/turnover';

// SQL projection runtime (DESIGN §7): read models in the events' database, checkpoint in the same transaction, rebuild and swap.
export type { SqlProjection, SqlQuery, TableName } from './runtime/sql-projection';
export { SqlProjectionRunner, UnknownProjectionError, type SqlProjectionStore, type SqlProjectionRunnerOptions, type RebuildProgress } from './runtime/sql-projection-runner';
export { AuditIndexSqlProjection, auditIndexEntry, type AuditIndexEntry, type ProcurementKind } from './audit/audit-index.projection';
export { loadDirectAward, type DirectAwardHistory } from './audit/direct-award-history';
export { SqlProjectionsModule, SQL_PROJECTIONS_ROLE } from './runtime/sql-projections.module';
export { SqlDocuments, type DocumentMaps, type DocumentFold } from './runtime/sql-documents';
export { TurnoverFactsSqlProjection } from './statistics/turnover-facts.sql-projection';
export { OcdsSqlProjection } from './ocds/ocds.sql-projection';
