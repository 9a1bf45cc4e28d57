import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { assertValidBidContent, bidDecider, bidReceipt, bidStreamId, lotIdsOf, type BidResubmitted } from '../domain';
import { actingFor } from './acting-organisation';
import { loadExistingBid } from './bid-stream';
import { ResubmitSealedBid, type SubmissionOutcome } from './messages';
import { BidSealer } from './sealing';
import { TenderFactsLoader } from './tender-facts.loader';

/** Same checks as a first submission; a fresh nonce means the new commitment reveals nothing about the old. */
@CommandHandler(ResubmitSealedBid)
export class ResubmitSealedBidHandler implements ICommandHandler<ResubmitSealedBid> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(TenderFactsLoader) private readonly tenders: TenderFactsLoader,
    @Inject(BidSealer) private readonly sealer: BidSealer,
  ) {}

  async execute({ bidId, content, context }: ResubmitSealedBid): Promise<SubmissionOutcome> {
    const bid = await loadExistingBid(this.store, bidId);
    const { facts } = await this.tenders.require(bid.tenderId);
    const lotIds = lotIdsOf(content);
    assertValidBidContent(content, facts, lotIds);
    const { sealed, commitment } = this.sealer.seal(content);
    const result = await handleCommand(
      this.store,
      bidStreamId(bidId),
      bidDecider,
      { type: 'ResubmitBid', data: { bidId, lotIds, sealed, commitment, resubmittedBy: actingFor(context), tender: facts, now: context.now.toISOString() } },
      context,
      { ids: this.ids },
    );
    return { receipt: bidReceipt(result.events[0] as BidResubmitted), lastPosition: result.lastPosition };
  }
}
