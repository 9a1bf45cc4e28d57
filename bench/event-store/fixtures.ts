import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@tenderledger/domain-kit';
import type { NewEvent } from '@tenderledger/event-store';
import type { AppendWorkload } from './config';

/** A NewEvent plus the hash text the raw baseline stores (raw has no chain to compute). */
export interface BenchEvent extends NewEvent<BidData> {
  readonly rawHash: string;
}

export interface BidData {
  readonly bidId: string;
  readonly tenderId: string;
  readonly lots: readonly string[];
  readonly bidder: { readonly organisationId: string; readonly name: string; readonly sizeBand: string };
  readonly commitment: string;
  readonly amountPence: number;
  readonly attachments: readonly { readonly name: string; readonly sha256: string; readonly bytes: number }[];
  readonly note: string;
}

const TYPES = ['BidSubmitted', 'BidResubmitted', 'ClarificationAnswered', 'ScoreRecorded', 'LotAwardRecommended'];
const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

let counter = 0;

/** One realistic event: ≈ 600 bytes of data, an actor, correlation and causation ids. */
export function makeEvent(): BenchEvent {
  const n = counter++;
  const organisationId = uuidv7();
  return {
    eventId: uuidv7(),
    type: TYPES[n % TYPES.length]!,
    schemaVersion: 1,
    data: {
      bidId: uuidv7(),
      tenderId: uuidv7(),
      lots: ['lot-1', 'lot-3'],
      bidder: { organisationId, name: `Riverside Primary Care Federation ${n % 97}`, sizeBand: 'medium' },
      commitment: hex(32),
      amountPence: 125_000_000 + n,
      attachments: [
        { name: 'technical-response.pdf', sha256: hex(32), bytes: 1_482_113 },
        { name: 'pricing-schedule.xlsx', sha256: hex(32), bytes: 88_410 },
      ],
      note: 'Submitted before the deadline through the portal; consortium lead acting for all members.',
    },
    occurredAt: new Date(Date.UTC(2026, 2, 1) + n * 1000).toISOString(),
    actor: { userId: uuidv7(), role: 'bidder', organisationId },
    correlationId: uuidv7(),
    causationId: uuidv7(),
    rawHash: hex(32),
  };
}

export interface AppendStep {
  readonly streamId: string;
  readonly events: readonly BenchEvent[];
  /** The stream's version before this append (0: new stream); every system gets the exact number. */
  readonly expectedVersion: number;
}

/**
 * The appends of one writer: it rotates over its own streams (`bid-<uuid>`), so a fixed share
 * of its appends create a stream and the rest extend one at the exact expected version.
 */
export function planWriter(workload: AppendWorkload): AppendStep[] {
  const streams = Array.from({ length: workload.streamsPerWriter }, () => ({ id: `bid-${uuidv7()}`, version: 0 }));
  const steps: AppendStep[] = [];
  for (let i = 0; i < workload.appendsPerWriter; i++) {
    const stream = streams[i % streams.length]!;
    const events = Array.from({ length: workload.eventsPerAppend }, makeEvent);
    steps.push({ streamId: stream.id, events, expectedVersion: stream.version });
    stream.version += events.length;
  }
  return steps;
}

export const plan = (workload: AppendWorkload): AppendStep[][] =>
  Array.from({ length: workload.writers }, () => planWriter(workload));
