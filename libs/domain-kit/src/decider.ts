/**
 * Emmett-style decider: a pure function from (command, state) to events, and a fold.
 * Domain events are plain `{ type, data }` records; the store adds the envelope.
 */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  readonly type: Type;
  readonly data: Data;
}

export interface Command<Type extends string = string, Data = Record<string, unknown>> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<State, Cmd extends Command, Evt extends DomainEvent> {
  /** Returns the events the command causes, or throws a DomainError. Never touches I/O. */
  decide(command: Cmd, state: State): Evt[];
  evolve(state: State, event: Evt): State;
  initialState(): State;
}

export const fold = <State, Evt extends DomainEvent>(
  decider: Pick<Decider<State, never, Evt>, 'evolve' | 'initialState'>,
  events: Iterable<Evt>,
): State => {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
