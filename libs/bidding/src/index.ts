// Public surface of the bidding context (other contexts import only from here).
export * from './domain';

export { BiddingModule } from './bidding.module';
export { SEALING_KEY, type SealingKey } from './application/sealing-key';
