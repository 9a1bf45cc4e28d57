import { loadState, notFound } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { bidDecider, bidStreamId, type BidId, type ExistingBid } from '../domain';

/** The bid as its own stream has it (the truth, not a read model), or 404 BID_NOT_FOUND. */
export async function loadExistingBid(store: EventStore, bidId: BidId): Promise<ExistingBid> {
  const { state } = await loadState(store, bidStreamId(bidId), bidDecider);
  return state.status === 'none' ? notFound('BID_NOT_FOUND', `There is no bid ${bidId}.`, { bidId }) : state;
}
