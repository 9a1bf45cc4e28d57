// Public surface of the bidding context (other contexts import only from here).
export * from './domain';

export { BiddingModule } from './bidding.module';
export { SEALING_KEY, type SealingKey } from './application/sealing-key';

// Application and edge: messages, read model and services other layers (tests, the CLI) may use.
export { BidSealer, type SealedBid } from './application/sealing';
export { BidBook } from './application/bid-book';
export { BidAccess, type BidView } from './application/bid-access';
export { TenderFactsLoader, toBiddingFacts, biddingStatus, type LoadedTender } from './application/tender-facts.loader';
export { BidOpeningProcessManager, OPENING_ACTOR, dueForOpening } from './application/open-bids.process-manager';
export { DecideBid, SubmitSealedBid, ResubmitSealedBid, WithdrawSealedBid, type SubmissionOutcome } from './application/messages';
