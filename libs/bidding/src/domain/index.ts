// The bidding context's pure domain: sealed bids, consortia, withdrawal, resubmission, opening.
export * from './ids';
export * from './errors';
export * from './tender-facts';
export * from './bidder';
export * from './bid-content';
export * from './commitment';
export * from './commands';
export * from './events';
export * from './state';
export { bidDecider } from './decider';
export * from './access';
