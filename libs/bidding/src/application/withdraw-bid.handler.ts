import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { bidDecider, bidStreamId } from '../domain';
import { actingFor } from './acting-organisation';
import { loadExistingBid } from './bid-stream';
import { WithdrawSealedBid } from './messages';
import { TenderFactsLoader } from './tender-facts.loader';

@CommandHandler(WithdrawSealedBid)
export class WithdrawSealedBidHandler implements ICommandHandler<WithdrawSealedBid> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(TenderFactsLoader) private readonly tenders: TenderFactsLoader,
  ) {}

  async execute({ bidId, reason, context }: WithdrawSealedBid) {
    const bid = await loadExistingBid(this.store, bidId);
    const { facts } = await this.tenders.require(bid.tenderId);
    return handleCommand(
      this.store,
      bidStreamId(bidId),
      bidDecider,
      { type: 'WithdrawBid', data: { bidId, by: actingFor(context), ...(reason !== undefined ? { reason } : {}), tender: facts, now: context.now.toISOString() } },
      context,
      { ids: this.ids },
    );
  }
}
