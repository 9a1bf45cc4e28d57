export type { Brand } from './brand';
export { DomainError, refuse, conflict, type DomainErrorKind } from './domain-error';
export { type Clock, type AdjustableClock, isAdjustable, SystemClock, FixedClock, OffsetClock } from './clock';
export { uuidv7, isUuid, uuidv7Generator, type IdGenerator } from './ids';
export { type Decider, type DomainEvent, type Command, fold } from './decider';
export { canonicalJson } from './canonical-json';
export { sha256Hex, canonicalHash } from './hashing';
export { handleCommand, loadState, type CommandContext, type CommandResult, type HandleCommandOptions } from './application/handle-command';
export { EVENT_STORE, CLOCK, ID_GENERATOR } from './application/tokens';
