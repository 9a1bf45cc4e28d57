// Type-only: the store depends on domain-kit at run time (canonical JSON, ids), not the reverse.
import type { Actor, EventStore, ExpectedVersion } from '@tenderledger/event-store';
import type { Command, Decider, DomainEvent } from '../decider';
import { uuidv7Generator, type IdGenerator } from '../ids';

/** Who asked, when, and which conversation it belongs to: recorded on every event. */
export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** Taken from the Clock by the caller: the decider's "now" and each event's occurredAt. */
  readonly now: Date;
}

export interface CommandResult<State, Evt> {
  readonly streamId: string;
  readonly events: Evt[];
  readonly state: State;
  readonly nextExpectedVersion: number;
  readonly eventIds: string[];
  /** Global position of the last appended event (null when nothing was appended): read models wait for it. */
  readonly lastPosition: number | null;
}

export interface HandleCommandOptions {
  readonly ids?: IdGenerator;
  /** How often to re-read and re-decide when another writer got there first. */
  readonly retries?: number;
}

/**
 * The one way a command changes the world (DESIGN §2.3): load the stream, fold it, decide,
 * append with the version we read. On a concurrent write we decide again on the fresh state
 * (the decider is pure, so that is safe); a DomainError from `decide` propagates and nothing
 * is appended.
 */
export async function handleCommand<State, Cmd extends Command, Evt extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Cmd, Evt>,
  command: Cmd,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<CommandResult<State, Evt>> {
  const ids = options.ids ?? uuidv7Generator;
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    let state = decider.initialState();
    let version = 0;
    let lastHash: string | undefined;
    for await (const stored of store.readStream(streamId)) {
      state = decider.evolve(state, { type: stored.type, data: stored.data } as Evt);
      version = stored.streamVersion;
      lastHash = stored.hash;
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { streamId, events, state, nextExpectedVersion: version, eventIds: [], lastPosition: null };
    const eventIds = events.map(() => ids.next());
    const expected: ExpectedVersion = version === 0 ? 'no-stream' : version;
    try {
      const result = await store.append(
        streamId,
        events.map((event, i) => ({
          eventId: eventIds[i]!,
          type: event.type,
          data: event.data,
          occurredAt: context.now,
          actor: context.actor,
          correlationId: context.correlationId,
          causationId: context.causationId ?? null,
        })),
        expected,
        // The last hash we just read: the store can chain in the client and only compare-and-set.
        { previousHash: lastHash },
      );
      const newState = events.reduce(decider.evolve, state);
      return { streamId, events, state: newState, nextExpectedVersion: result.nextExpectedVersion, eventIds, lastPosition: result.lastPosition };
    } catch (error) {
      if (isConcurrencyError(error) && attempt < retries) continue;
      throw error;
    }
  }
}

/** Folds a stream into a decider's state without deciding anything (queries, "as of" replays). */
export async function loadState<State, Evt extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<State, never, Evt>, 'evolve' | 'initialState'>,
  options: { toVersion?: number } = {},
): Promise<{ state: State; version: number }> {
  let state = decider.initialState();
  let version = 0;
  for await (const stored of store.readStream(streamId, { toVersion: options.toVersion })) {
    state = decider.evolve(state, { type: stored.type, data: stored.data } as Evt);
    version = stored.streamVersion;
  }
  return { state, version };
}

const isConcurrencyError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'CONCURRENCY_CONFLICT';
