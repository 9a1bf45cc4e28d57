import { Inject, Injectable } from '@nestjs/common';
import type { Identity } from '@tenderledger/auth';
import { EVENT_STORE } from '@tenderledger/domain-kit';
import type { EventStore, SqlExecutor } from '@tenderledger/event-store';
import { SqlProjectionRunner } from '../runtime/sql-projection-runner';
import { auditReader } from './audit-access';
import { AuditIndexSqlProjection } from './audit-index.projection';
import { parseAsOf, type AsOf } from './as-of';
import { correlationGroups, cutHistory, timeline, type AuditEntry, type CorrelationGroup } from './audit-trail';
import { loadProcurement } from './procurement-history';
import { replay, type ReplayedStates } from './replay';
import { verifyEverything, type VerificationReport } from './verification';

export interface AuditTrail {
  readonly tenderId: string;
  readonly asOf: AsOf | null;
  readonly timeline: AuditEntry[];
  readonly correlations: CorrelationGroup[];
}

export type AuditReplay = AuditTrail & ReplayedStates;

@Injectable()
export class AuditService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SqlProjectionRunner) private readonly runner: SqlProjectionRunner,
    @Inject(AuditIndexSqlProjection) private readonly index: AuditIndexSqlProjection,
  ) {}

  /** The trail now, or (with asOf) the trail and every aggregate rebuilt as they stood then. */
  async trail(tenderId: string, identity: Identity, rawAsOf?: string): Promise<AuditTrail | AuditReplay> {
    const asOf = parseAsOf(rawAsOf);
    // The index only finds streams it has seen: let it reach what is committed now.
    await this.runner.waitForProjection(this.index.name, await this.store.headPosition());
    const sql = (this.store as unknown as { executor: SqlExecutor }).executor;
    const index = await this.index.lookup(<Row,>(text: string, params?: readonly unknown[]) => sql.query<Row>(text, params), tenderId);
    const history = await loadProcurement(this.store, index, tenderId);
    const reader = auditReader(identity, history.tender);
    const cut = cutHistory(history, asOf);
    const entries = timeline(cut, reader);
    const trail: AuditTrail = { tenderId, asOf, timeline: entries, correlations: correlationGroups(entries) };
    return asOf ? { ...trail, ...replay(cut, reader) } : trail;
  }

  verify(): Promise<VerificationReport> {
    return verifyEverything(this.store);
  }
}
