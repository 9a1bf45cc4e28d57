import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { DEADLINE_TICKER, PROJECTION_RUNNER, type DeadlineTicker } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { RegistryModule } from '@tenderledger/registry';
import { BidAccess } from './application/bid-access';
import { BidBook } from './application/bid-book';
import { DecideBidHandler } from './application/decide-bid.handler';
import { BidOpeningProcessManager } from './application/open-bids.process-manager';
import { ResubmitSealedBidHandler } from './application/resubmit-bid.handler';
import { SEALING_KEY, type SealingKey } from './application/sealing-key';
import { BidSealer } from './application/sealing';
import { SubmitSealedBidHandler } from './application/submit-bid.handler';
import { TenderFactsLoader } from './application/tender-facts.loader';
import { WithdrawSealedBidHandler } from './application/withdraw-bid.handler';
import { BidsController } from './http/bids.controller';

/** The bidding context: sealed bids per lot, consortia, withdrawal, resubmission, opening. */
@Module({})
export class BiddingModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(DEADLINE_TICKER) private readonly ticker: DeadlineTicker,
    @Inject(BidBook) private readonly book: BidBook,
    @Inject(BidOpeningProcessManager) private readonly opening: BidOpeningProcessManager,
  ) {}

  static register(options: { sealingKey: SealingKey }): DynamicModule {
    return {
      module: BiddingModule,
      // The organisation directory: consortium members must be registered organisations.
      imports: [RegistryModule],
      controllers: [BidsController],
      providers: [
        { provide: SEALING_KEY, useValue: options.sealingKey },
        BidSealer,
        BidBook,
        BidAccess,
        TenderFactsLoader,
        DecideBidHandler,
        SubmitSealedBidHandler,
        ResubmitSealedBidHandler,
        WithdrawSealedBidHandler,
        BidOpeningProcessManager,
      ],
      exports: [BidBook],
    };
  }

  onModuleInit(): void {
    this.runner.register(this.book);
    this.ticker.register('open-bids', (now) => this.opening.run(now));
  }
}
