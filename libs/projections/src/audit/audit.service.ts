import { Inject, Injectable } from '@nestjs/common';
import type { Identity } from '@tenderledger/auth';
import { EVENT_STORE } from '@tenderledger/domain-kit';
import type { EventStore, SqlExecutor } from '@tenderledger/event-store';
import { SqlProjectionRunner } from '../runtime/sql-projection-runner';
import { auditReader } from './audit-access';
import { AuditIndexSqlProjection, type AuditIndex, type ProcurementKind } from './audit-index.projection';
import { parseAsOf, type AsOf } from './as-of';
import { correlationGroups, cutDirectAward, cutHistory, directAwardTimeline, timeline, type AuditEntry, type CorrelationGroup } from './audit-trail';
import { loadDirectAward } from './direct-award-history';
import { loadProcurement } from './procurement-history';
import { replay, replayDirectAward, type ReplayedDirectAward, type ReplayedStates } from './replay';
import { verifyEverything, type VerificationReport } from './verification';

export interface AuditTrail {
  readonly tenderId: string;
  readonly asOf: AsOf | null;
  readonly timeline: AuditEntry[];
  readonly correlations: CorrelationGroup[];
}

export type AuditReplay = AuditTrail & ReplayedStates;

export interface DirectAwardAuditTrail {
  readonly decisionId: string;
  readonly asOf: AsOf | null;
  readonly timeline: AuditEntry[];
  readonly correlations: CorrelationGroup[];
}

export type DirectAwardAuditReplay = DirectAwardAuditTrail & ReplayedDirectAward;

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
    const index = await this.indexOf(tenderId, 'tender');
    const history = await loadProcurement(this.store, index, tenderId);
    const reader = auditReader(identity, history.tender);
    const cut = cutHistory(history, asOf);
    const entries = timeline(cut, reader);
    const trail: AuditTrail = { tenderId, asOf, timeline: entries, correlations: correlationGroups(entries) };
    return asOf ? { ...trail, ...replay(cut, reader) } : trail;
  }

  /** The same for a direct award: its decision, challenges, outcomes, conclusion and the register events it caused. */
  async directAwardTrail(decisionId: string, identity: Identity, rawAsOf?: string): Promise<DirectAwardAuditTrail | DirectAwardAuditReplay> {
    const asOf = parseAsOf(rawAsOf);
    const history = await loadDirectAward(this.store, await this.indexOf(decisionId, 'direct-award'), decisionId);
    const reader = auditReader(identity, history.decision, 'direct-award');
    const cut = cutDirectAward(history, asOf);
    const entries = directAwardTimeline(cut, reader);
    const trail: DirectAwardAuditTrail = { decisionId, asOf, timeline: entries, correlations: correlationGroups(entries) };
    return asOf ? { ...trail, ...replayDirectAward(cut, reader) } : trail;
  }

  /** One procurement's slice of the index, once it has reached what is committed now (it only finds streams it has seen). */
  private async indexOf(procurementId: string, kind: ProcurementKind): Promise<AuditIndex> {
    await this.runner.waitForProjection(this.index.name, await this.store.headPosition());
    const sql = (this.store as unknown as { executor: SqlExecutor }).executor;
    return this.index.lookup(<Row,>(text: string, params?: readonly unknown[]) => sql.query<Row>(text, params), procurementId, kind);
  }

  verify(): Promise<VerificationReport> {
    return verifyEverything(this.store);
  }
}
