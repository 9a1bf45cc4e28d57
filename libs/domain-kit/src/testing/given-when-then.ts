import type { Command, Decider, DomainEvent } from '../decider';
import { DomainError } from '../domain-error';

/**
 * Decider tests that read as the rule they check:
 *   spec.given([published]).when(submitBid).then([bidSubmitted])
 *   spec.given([]).when(publish).thenRefuses('TENDER_WEIGHTS_NOT_100')
 */
export function deciderSpec<State, Cmd extends Command, Evt extends DomainEvent>(decider: Decider<State, Cmd, Evt>) {
  return {
    given(events: Evt[]) {
      return {
        when(command: Cmd) {
          const run = (): Evt[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: Evt[]): void {
              expect(run()).toEqual(expected);
            },
            /** For events with computed parts (hashes, generated shapes): assert with a function. */
            thenMatches(check: (events: Evt[]) => void): void {
              check(run());
            },
            thenRefuses(code: string, messagePart?: string | RegExp): DomainError {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              const domainError = caught as DomainError;
              expect(domainError.code).toBe(code);
              if (messagePart) expect(domainError.message).toMatch(messagePart);
              return domainError;
            },
          };
        },
      };
    },
  };
}
