import { Inject, Injectable } from '@nestjs/common';
import type { Identity } from '@tenderledger/auth';
import { EVENT_STORE, PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import type { ProjectionRunner } from '../runtime/projection-runner';
import { auditReader } from './audit-access';
import { AuditIndex } from './audit-index.projection';
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
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(AuditIndex) private readonly index: AuditIndex,
  ) {}

  /** The trail now, or (with asOf) the trail and every aggregate rebuilt as they stood then. */
  async trail(tenderId: string, identity: Identity, rawAsOf?: string): Promise<AuditTrail | AuditReplay> {
    const asOf = parseAsOf(rawAsOf);
    // The index only finds streams it has seen: let it reach what is committed now.
    await this.runner.waitFor(await this.store.headPosition());
    const history = await loadProcurement(this.store, this.index, tenderId);
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
