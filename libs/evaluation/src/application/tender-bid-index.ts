import type { StoredEvent } from '@tenderledger/event-store';
import type { BidSubmitted } from '@tenderledger/bidding';
import type { Projection } from '@tenderledger/projections';

/**
 * Which bids belong to which tender, from the bidding context's published BidSubmitted. Ids only:
 * the bids themselves are folded from their own streams when the evaluation opens (the truth).
 */
export class TenderBidIndex implements Projection {
  readonly name = 'evaluation-tender-bid-index';
  readonly handles = ['BidSubmitted'] as const;
  private readonly byTender = new Map<string, Set<string>>();

  apply(stored: StoredEvent): void {
    if (stored.type !== 'BidSubmitted') return;
    const { bidId, tenderId } = stored.data as BidSubmitted['data'];
    this.byTender.set(tenderId, (this.byTender.get(tenderId) ?? new Set<string>()).add(bidId));
  }

  bidIds(tenderId: string): string[] {
    return [...(this.byTender.get(tenderId) ?? [])].sort();
  }
}
