/**
 * Injection tokens for the ports every context's application layer uses (DESIGN §2.4).
 * Plain symbols: the composition root (an app) binds them to adapters chosen by configuration.
 */
export const EVENT_STORE = Symbol.for('tenderledger.EventStore');
export const CLOCK = Symbol.for('tenderledger.Clock');
export const ID_GENERATOR = Symbol.for('tenderledger.IdGenerator');
export const DEADLINE_TICKER = Symbol.for('tenderledger.DeadlineTicker');
export const PROJECTION_RUNNER = Symbol.for('tenderledger.ProjectionRunner');
