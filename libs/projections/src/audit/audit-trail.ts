import type { Actor, StoredEvent } from '@tenderledger/event-store';
import type { AuditReader } from './audit-access';
import { cutStream, type AsOf } from './as-of';
import type { DirectAwardHistory } from './direct-award-history';
import type { ProcurementHistory } from './procurement-history';
import { toAuditJson, type Json } from './redaction';
import { reasonOf, summarise } from './summaries';

export interface AuditEntry {
  readonly globalPosition: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly summary: string;
  readonly reason: string | null;
  /** The event's data, with sealed content removed and opened content only for those allowed. */
  readonly data: Json;
}

/** Events sharing a correlation id came from one request or one process-manager run. */
export interface CorrelationGroup {
  readonly correlationId: string;
  readonly globalPositions: readonly number[];
}

/** Every stream of the procurement cut at `asOf`, as the folds and the timeline both use it. */
export function cutHistory(history: ProcurementHistory, asOf: AsOf | null) {
  const cut = (events: readonly StoredEvent[]) => cutStream(events, asOf);
  return {
    tender: cut(history.tenderEvents),
    bids: new Map([...history.bids].map(([streamId, events]) => [streamId, cut(events)] as const)),
    evaluation: cut(history.evaluation),
    award: cut(history.award),
    contracts: new Map([...history.contracts].map(([streamId, events]) => [streamId, cut(events)] as const)),
  };
}
export type CutHistory = ReturnType<typeof cutHistory>;

const toEntry = (event: StoredEvent, reader: AuditReader): AuditEntry => ({
  globalPosition: event.globalPosition,
  occurredAt: event.occurredAt,
  recordedAt: event.recordedAt,
  streamId: event.streamId,
  streamVersion: event.streamVersion,
  eventId: event.eventId,
  type: event.type,
  actor: event.actor,
  correlationId: event.correlationId,
  causationId: event.causationId,
  summary: summarise(event),
  reason: reasonOf(event.data),
  data: toAuditJson(event.data, { content: reader.content }),
});

/** Events of several streams as one list of decisions in commit order (global position). */
export function timelineOf(events: readonly StoredEvent[], reader: AuditReader): AuditEntry[] {
  return [...events].sort((a, b) => a.globalPosition - b.globalPosition).map((event) => toEntry(event, reader));
}

/** All decisions in commit order (global position) across the procurement's streams. */
export function timeline(history: CutHistory, reader: AuditReader): AuditEntry[] {
  return timelineOf(
    [...history.tender, ...[...history.bids.values()].flat(), ...history.evaluation, ...history.award, ...[...history.contracts.values()].flat()],
    reader,
  );
}

/** A direct award's stream and the register events it caused, cut at `asOf`. */
export function cutDirectAward(history: DirectAwardHistory, asOf: AsOf | null) {
  const cut = (events: readonly StoredEvent[]) => cutStream(events, asOf);
  return {
    directAward: cut(history.events),
    contracts: new Map([...history.contracts].map(([streamId, events]) => [streamId, cut(events)] as const)),
  };
}
export type CutDirectAward = ReturnType<typeof cutDirectAward>;

/** Every decision of one direct award in commit order: the decision, challenges and outcomes, conclusion, register. */
export const directAwardTimeline = (history: CutDirectAward, reader: AuditReader): AuditEntry[] =>
  timelineOf([...history.directAward, ...[...history.contracts.values()].flat()], reader);

export function correlationGroups(entries: readonly AuditEntry[]): CorrelationGroup[] {
  const groups = new Map<string, number[]>();
  for (const entry of entries) groups.set(entry.correlationId, [...(groups.get(entry.correlationId) ?? []), entry.globalPosition]);
  return [...groups].map(([correlationId, globalPositions]) => ({ correlationId, globalPositions }));
}
