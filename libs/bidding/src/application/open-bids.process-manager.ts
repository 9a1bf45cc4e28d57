import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type CommandContext } from '@tenderledger/domain-kit';
import type { Actor, EventStore } from '@tenderledger/event-store';
import { asBidId, type BidId, type TenderFacts } from '../domain';
import { awaitsOpening, BidBook } from './bid-book';
import { loadExistingBid } from './bid-stream';
import { DecideBid } from './messages';
import { BidSealer } from './sealing';
import { TenderFactsLoader } from './tender-facts.loader';

export const OPENING_ACTOR: Actor = { userId: 'process-manager:open-bids', role: 'system', organisationId: null };

/**
 * Deadline passed → open the bids. Runs on every tick (also at start, so a restart catches up);
 * safe to repeat because the decider gives no events for a bid already opened, withdrawn, or
 * failing exactly as last recorded. A failed opening is an event, not an exception, and is logged loudly.
 */
@Injectable()
export class BidOpeningProcessManager {
  private readonly logger = new Logger('BidOpening');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(BidBook) private readonly book: BidBook,
    @Inject(TenderFactsLoader) private readonly tenders: TenderFactsLoader,
    @Inject(BidSealer) private readonly sealer: BidSealer,
  ) {}

  async run(now: Date): Promise<void> {
    for (const tenderId of this.book.tendersAwaitingOpening()) {
      const tender = await this.tenders.load(tenderId);
      if (!tender || !dueForOpening(tender.facts, now)) continue;
      for (const bid of this.book.forTender(tenderId).filter(awaitsOpening)) {
        // One bad bid must not keep the others sealed: report it and carry on.
        await this.open(asBidId(bid.bidId), tender.facts, now).catch((error: unknown) =>
          this.logger.error(`opening bid ${bid.bidId} of tender ${tenderId} failed: ${(error as Error)?.message}`, (error as Error)?.stack),
        );
      }
    }
  }

  private async open(bidId: BidId, tender: TenderFacts, now: Date): Promise<void> {
    // The stream, not the read model, holds the latest sealed content: decrypt what will be checked.
    const bid = await loadExistingBid(this.store, bidId);
    if (!awaitsOpening(bid)) return;
    const context: CommandContext = { actor: OPENING_ACTOR, correlationId: `open-${tender.tenderId}`, causationId: null, now };
    const result = await this.commands.execute(
      new DecideBid({ type: 'OpenBid', data: { bidId, opened: this.sealer.unseal(bid.sealed), tender, now: now.toISOString() } }, context),
    );
    for (const event of result.events) {
      if (event.type === 'BidOpeningFailed') {
        this.logger.error(`BID OPENING FAILED: bid ${bidId} of tender ${tender.tenderId}: ${event.data.reason} (committed ${event.data.expectedCommitment}${event.data.computedCommitment ? `, opened content hashes to ${event.data.computedCommitment}` : ''})`);
      }
    }
  }
}

/** Bids open once the deadline has passed on a tender that went out (never a draft, never a cancelled one). */
export const dueForOpening = (tender: TenderFacts, now: Date): boolean =>
  (tender.status === 'published' || tender.status === 'closed') && now.getTime() >= Date.parse(tender.submissionDeadline);
