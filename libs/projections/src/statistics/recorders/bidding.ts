import type { BidEvent } from '@tenderledger/bidding';
import type { StoredEvent } from '@tenderledger/event-store';
import { update, type FactBook } from '../fact-book';
import type { BidFact } from '../facts';

export const BIDDING_EVENT_TYPES = ['BidSubmitted', 'BidResubmitted', 'BidWithdrawn', 'BidExcludedAtOpening', 'BidOpeningFailed'] as const;

/** Only who bid, for which lots and when: sealed content and prices are never kept here. */
export function recordBidding(book: FactBook, stored: StoredEvent): void {
  const event = { type: stored.type, data: stored.data } as BidEvent;
  const change = (fn: (b: BidFact) => BidFact): void => update(book.bids, event.data.bidId, fn);
  switch (event.type) {
    case 'BidSubmitted': {
      const { bidId, tenderId, bidder, lotIds, submittedAt } = event.data;
      const consortium = bidder.kind === 'consortium';
      book.bids.set(bidId, {
        bidId, tenderId, consortium, bidderId: bidder.kind === 'consortium' ? bidder.leadOrganisationId : bidder.organisationId,
        lotIds: [...lotIds], lastSubmittedAt: submittedAt, withdrawn: false, excludedAtOpening: false,
      });
      return;
    }
    case 'BidResubmitted':
      return change((b) => ({ ...b, lotIds: [...event.data.lotIds], lastSubmittedAt: event.data.resubmittedAt, withdrawn: false }));
    case 'BidWithdrawn':
      return change((b) => ({ ...b, withdrawn: true }));
    case 'BidExcludedAtOpening':
    case 'BidOpeningFailed':
      return change((b) => ({ ...b, excludedAtOpening: true }));
    case 'BidOpened':
      return;
  }
}
