import { Module, type DynamicModule } from '@nestjs/common';
import { SEALING_KEY, type SealingKey } from './application/sealing-key';

/** The bidding context: sealed bids per lot, consortia, withdrawal, resubmission, opening. */
@Module({})
export class BiddingModule {
  static register(options: { sealingKey: SealingKey }): DynamicModule {
    return {
      module: BiddingModule,
      providers: [{ provide: SEALING_KEY, useValue: options.sealingKey }],
    };
  }
}
