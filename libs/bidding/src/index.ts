// Public surface of the bidding context (other contexts import only from here).
export * from './domain';
