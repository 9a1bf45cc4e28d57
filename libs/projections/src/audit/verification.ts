import { computeCommitment, type BidContent } from '@tenderledger/bidding';
import { verifyStore, type ChainBreak, type EventStore } from '@tenderledger/event-store';

export interface CommitmentMismatch {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly globalPosition: number;
  readonly bidId: string;
  /** The commitment published at the latest submission or resubmission before opening. */
  readonly publishedCommitment: string | null;
  readonly computedCommitment: string;
  readonly reason: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly durationMs: number;
  readonly breaks: ChainBreak[];
  readonly commitmentMismatches: CommitmentMismatch[];
}

type Data = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Altered content may not even be hashable (a cycle cannot occur in JSON, but a missing field can throw). */
function commitmentOf(data: Data): string {
  try {
    return computeCommitment(data['content'] as BidContent, str(data['nonce']) ?? '');
  } catch {
    return '';
  }
}

/**
 * One bid stream: every BidOpened must reveal content whose canonical hash with its nonce equals
 * the commitment published at the latest (re)submission, and the one it restates. Read raw: the
 * stored bytes are what is being verified.
 */
async function checkBid(store: EventStore, streamId: string): Promise<CommitmentMismatch[]> {
  const mismatches: CommitmentMismatch[] = [];
  let published: string | null = null;
  for await (const event of store.readStream(streamId, { raw: true })) {
    const data = (event.data ?? {}) as Data;
    if (event.type === 'BidSubmitted' || event.type === 'BidResubmitted') published = str(data['commitment']);
    if (event.type !== 'BidOpened') continue;
    const computed = commitmentOf(data);
    const restated = str(data['commitment']);
    const reason =
      computed !== published
        ? 'the opened content and nonce do not hash to the commitment published at submission'
        : computed !== restated
          ? 'the commitment recorded at opening differs from the one published at submission'
          : null;
    if (reason) {
      mismatches.push({
        streamId,
        streamVersion: event.streamVersion,
        eventId: event.eventId,
        globalPosition: event.globalPosition,
        bidId: str(data['bidId']) ?? streamId.replace(/^bid-/, ''),
        publishedCommitment: published,
        computedCommitment: computed,
        reason,
      });
    }
  }
  return mismatches;
}

/** Whole store: every stream's hash chain (verifyStore), then every opened bid's commitment. */
export async function verifyEverything(store: EventStore, onProgress?: (events: number, streams: number) => void): Promise<VerificationReport> {
  const started = performance.now();
  const chains = await verifyStore(store, onProgress);
  const commitmentMismatches: CommitmentMismatch[] = [];
  for await (const streamId of store.streamIds()) {
    if (streamId.startsWith('bid-')) commitmentMismatches.push(...(await checkBid(store, streamId)));
  }
  const durationMs = performance.now() - started;
  return {
    ok: chains.breaks.length === 0 && commitmentMismatches.length === 0,
    streams: chains.streams,
    events: chains.events,
    eventsPerSecond: durationMs > 0 ? Math.round((chains.events / durationMs) * 1000) : chains.events,
    durationMs: Math.round(durationMs),
    breaks: chains.breaks,
    commitmentMismatches,
  };
}
