import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, loadState, notFound } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { tenderDecider, tenderFactsForBidding, tenderStreamId, type TenderState, type TenderStatus } from '@tenderledger/tendering';
import { asTenderId, type OrganisationId, type TenderFacts, type TenderStatusForBidding } from '../domain';

export interface LoadedTender {
  readonly facts: TenderFacts;
  readonly commissionerId: OrganisationId;
}

/**
 * Tender facts for bid commands, folded from the tender's own stream through the tendering
 * context's public surface (never its internals), so deadlines and status are as of now.
 */
@Injectable()
export class TenderFactsLoader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(tenderId: string): Promise<LoadedTender | null> {
    const { state } = await loadState(this.store, tenderStreamId(asTenderId(tenderId)), tenderDecider);
    return toBiddingFacts(state);
  }

  async require(tenderId: string): Promise<LoadedTender> {
    const loaded = await this.load(tenderId);
    return loaded ?? notFound('BID_TENDER_NOT_FOUND', `There is no tender ${tenderId}.`, { tenderId });
  }
}

export function toBiddingFacts(state: TenderState): LoadedTender | null {
  const facts = tenderFactsForBidding(state);
  if (!facts || state.status === 'none') return null;
  // Price is scored from the lot prices, so only the other criteria need a written response.
  const priced = new Set(state.terms.criteria.filter((c) => c.kind === 'price').map((c) => c.id));
  return {
    facts: {
      tenderId: facts.tenderId,
      status: biddingStatus(facts.status),
      submissionDeadline: facts.submissionDeadline,
      lotIds: facts.lotIds,
      criteriaIds: facts.criteriaIds.filter((id) => !priced.has(id)),
    },
    commissionerId: facts.commissionerId,
  };
}

/** Anything after submissions closed (evaluation, award, …) is simply 'closed' to bidding. */
export function biddingStatus(status: TenderStatus): TenderStatusForBidding {
  switch (status) {
    case 'draft':
    case 'published':
    case 'cancelled':
      return status;
    default:
      return 'closed';
  }
}
