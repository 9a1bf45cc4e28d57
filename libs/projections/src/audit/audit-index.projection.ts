import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '../runtime/projection';

type Data = Readonly<Record<string, unknown>>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const dataOf = (event: StoredEvent): Data => (typeof event.data === 'object' && event.data !== null ? (event.data as Data) : {});

/**
 * Which streams beyond tender-/evaluation-/award-{id} belong to a procurement: its bids (found
 * from BidSubmitted.tenderId) and the register contracts it touched. Kept so an audit request
 * reads a handful of streams instead of scanning the whole store; holds ids only, never content.
 */
export class AuditIndex implements Projection {
  readonly name = 'audit-index';
  readonly handles = [
    'BidSubmitted',
    'ContractMarkedForReprocurement',
    'ContractAwarded',
    'ContractRegistered',
  ] as const;

  private readonly bids = new Map<string, string[]>();
  private readonly contracts = new Map<string, string[]>();

  apply(event: StoredEvent): void {
    const data = dataOf(event);
    if (event.type === 'BidSubmitted') {
      const tenderId = text(data['tenderId']);
      if (tenderId) add(this.bids, tenderId, event.streamId);
      return;
    }
    // Register events name the tender that caused them (a successor names it as predecessor).
    const predecessor = typeof data['predecessor'] === 'object' && data['predecessor'] !== null ? (data['predecessor'] as Data) : {};
    const tenderId = text(data['tenderId']) ?? text(predecessor['tenderId']);
    if (tenderId) add(this.contracts, tenderId, event.streamId);
  }

  bidStreams(tenderId: string): readonly string[] {
    return this.bids.get(tenderId) ?? [];
  }

  contractStreams(tenderId: string): readonly string[] {
    return this.contracts.get(tenderId) ?? [];
  }
}

function add(index: Map<string, string[]>, key: string, streamId: string): void {
  const streams = index.get(key) ?? [];
  if (!streams.includes(streamId)) streams.push(streamId);
  index.set(key, streams);
}
