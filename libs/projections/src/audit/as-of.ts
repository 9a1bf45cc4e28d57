import { BadRequestException } from '@nestjs/common';
import type { StoredEvent } from '@tenderledger/event-store';

/** A moment in history: a global position (commit order) or a domain time (occurredAt). */
export type AsOf = { readonly kind: 'position'; readonly position: number } | { readonly kind: 'time'; readonly at: string; readonly ms: number };

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `?asOf=` is an integer (a global position) or an ISO 8601 timestamp; anything else is a 400 naming the field. */
export function parseAsOf(raw: string | undefined): AsOf | null {
  if (raw === undefined || raw === '') return null;
  if (/^\d+$/.test(raw)) {
    const position = Number(raw);
    if (Number.isSafeInteger(position)) return { kind: 'position', position };
  } else if (ISO.test(raw)) {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return { kind: 'time', at: new Date(ms).toISOString(), ms };
  }
  throw new BadRequestException({
    statusCode: 400,
    code: 'AUDIT_AS_OF_INVALID',
    message: 'asOf must be a global position (a whole number) or an ISO 8601 timestamp such as 2026-11-20T12:00:00Z.',
    details: { field: 'asOf', value: raw },
  });
}

/**
 * The prefix of one stream as it stood at `asOf`: by position, every event at or below it; by
 * time, every event up to the last one whose occurredAt is at or before it (a stream's domain
 * times are not guaranteed monotonic, so we cut after the last match, not at the first miss).
 */
export function cutStream(events: readonly StoredEvent[], asOf: AsOf | null): readonly StoredEvent[] {
  if (!asOf) return events;
  let last = -1;
  events.forEach((event, index) => {
    const inside = asOf.kind === 'position' ? event.globalPosition <= asOf.position : Date.parse(event.occurredAt) <= asOf.ms;
    if (inside) last = index;
  });
  return events.slice(0, last + 1);
}
