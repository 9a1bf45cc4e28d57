import { directAwardDecider, directAwardId, directAwardStreamId, type DirectAward, type DirectAwardEvent } from '@tenderledger/award';
import { fold, notFound } from '@tenderledger/domain-kit';
import type { EventStore, StoredEvent } from '@tenderledger/event-store';
import type { AuditIndex } from './audit-index.projection';
import { readAllOf } from './procurement-history';
import { domainEvents } from './replay';

/** Every stream of one direct award decision, read in full: its own stream and the register events it caused. */
export interface DirectAwardHistory {
  readonly decisionId: string;
  /** The decision as it stands now: its commissioner decides who may read its audit. */
  readonly decision: DirectAward;
  readonly events: readonly StoredEvent[];
  /** Only the register events the decision caused (the incumbent's older history is not part of it). */
  readonly contracts: ReadonlyMap<string, readonly StoredEvent[]>;
}

/**
 * The register writes after a direct award from the process manager, with the conclusion as
 * causation: that link, not a naming convention, says which of a contract's events belong to it.
 */
export async function loadDirectAward(store: EventStore, index: AuditIndex, decisionId: string): Promise<DirectAwardHistory> {
  const events = await readAllOf(store, directAwardStreamId(directAwardId(decisionId)));
  const decision = fold(directAwardDecider, domainEvents<DirectAwardEvent>(events));
  if (decision.status === 'none') return notFound('AUDIT_DIRECT_AWARD_NOT_FOUND', `There is no direct award ${decisionId}.`, { decisionId });
  const causes = new Set(events.map((e) => e.eventId));
  const contracts = new Map<string, readonly StoredEvent[]>();
  for (const streamId of index.contractStreams(decisionId, 'direct-award')) {
    const related = (await readAllOf(store, streamId)).filter((e) => e.causationId !== null && causes.has(e.causationId));
    if (related.length > 0) contracts.set(streamId, related);
  }
  return { decisionId, decision, events, contracts };
}
