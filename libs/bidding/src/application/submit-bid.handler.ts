import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, conflict, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { OrganisationDirectory } from '@tenderledger/registry';
import { actingOrganisation, assertValidBidContent, bidDecider, bidReceipt, bidStreamId, lotIdsOf, type BidSubmitted, type Bidder } from '../domain';
import { actingFor } from './acting-organisation';
import { BidBook } from './bid-book';
import { checkBidderParties } from './bidder-parties';
import { SubmitSealedBid, type SubmissionOutcome } from './messages';
import { BidSealer } from './sealing';
import { TenderFactsLoader } from './tender-facts.loader';

/** Checks the content before sealing it, because after sealing nobody can look until opening. */
@CommandHandler(SubmitSealedBid)
export class SubmitSealedBidHandler implements ICommandHandler<SubmitSealedBid> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(TenderFactsLoader) private readonly tenders: TenderFactsLoader,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(BidSealer) private readonly sealer: BidSealer,
    @Inject(BidBook) private readonly book: BidBook,
  ) {}

  async execute({ bidId, tenderId, bidder, content, context }: SubmitSealedBid): Promise<SubmissionOutcome> {
    const { facts } = await this.tenders.require(tenderId);
    checkBidderParties(bidder, this.directory);
    this.oneBidPerBidder(tenderId, bidder);
    const lotIds = lotIdsOf(content);
    assertValidBidContent(content, facts, lotIds);
    const { sealed, commitment } = this.sealer.seal(content);
    const result = await handleCommand(
      this.store,
      bidStreamId(bidId),
      bidDecider,
      { type: 'SubmitBid', data: { bidId, tenderId, bidder, lotIds, sealed, commitment, submittedBy: actingFor(context), tender: facts, now: context.now.toISOString() } },
      context,
      { ids: this.ids },
    );
    return { receipt: bidReceipt(result.events[0] as BidSubmitted), lastPosition: result.lastPosition };
  }

  /**
   * One bid per acting organisation per tender: a change is a resubmission of the same bid, so
   * the commitment history stays in one stream. Checked on the read model, so two simultaneous
   * first submissions could both pass (known gap; a per-tender reservation stream would close it).
   */
  private oneBidPerBidder(tenderId: string, bidder: Bidder): void {
    const acting = actingOrganisation(bidder);
    const existing = this.book.forTender(tenderId).find((bid) => actingOrganisation(bid.bidder) === acting);
    if (existing) {
      conflict('BID_ALREADY_BIDDING', `${acting} already has bid ${existing.bidId} on tender ${tenderId}; resubmit that bid to change it.`, { bidId: existing.bidId });
    }
  }
}
