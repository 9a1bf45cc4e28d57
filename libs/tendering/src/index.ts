// The tendering context's public surface: other contexts import only from here (DESIGN §3).
export * from './domain/ids';
export * from './domain/procedure-profiles';
export * from './domain/criteria';
export type { Locality, Pence, ServiceLine } from './domain/services';
export { serviceLinesProblem } from './domain/services';
export * from './domain/lot-split';
export * from './domain/lots';
export type { Timeline, ContractTerm } from './domain/timeline';
export type { ContractType, TenderTerms, DraftChanges } from './domain/terms';
export type * from './domain/commands';
export type * from './domain/events';
export { initialTenderState, evolveTender, type TenderState, type Tender, type TenderStatus, type Clarification, type LotsOrigin } from './domain/state';
export { tenderDecider, decideTender } from './domain/decider';
export { tenderFactsForBidding, type TenderFactsForBidding } from './domain/facts';
export { TENDER_REFUSAL_CODES, type TenderRefusalCode } from './domain/refusal-codes';

export { TenderingModule } from './tendering.module';

// Application and edge: the CQRS message, the public read model, the HTTP views.
export { DecideTender } from './application/messages';
export { TenderCatalogue, type CatalogueEntry, type PublicationRecord, type AmendmentRecord } from './application/tender-catalogue';
export { CloseSubmissionsProcess } from './application/close-submissions.process';
export { type TenderView, type ClarificationView } from './http/tender-views';
