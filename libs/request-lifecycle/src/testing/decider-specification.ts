import { AssertionError, deepStrictEqual } from 'node:assert';
import type { Decider } from '../shared/decider';

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;
type ErrorCheck<E extends Error> = (error: E) => boolean;

const isErrorClass = (value: unknown): value is ErrorClass<Error> =>
  typeof value === 'function' && (value === Error || value.prototype instanceof Error);

export interface DeciderThen<Event> {
  /** The command produced exactly these events, in this order. */
  then(expected: Event | readonly Event[]): void;
  /** The command was accepted and changed nothing (an idempotent repeat). */
  thenNothingHappened(): void;
  /** The command was refused: with an error of this class, and/or one passing the check. */
  thenThrows<E extends Error = Error>(errorClass?: ErrorClass<E>, check?: ErrorCheck<E>): void;
  thenThrows<E extends Error = Error>(check: ErrorCheck<E>): void;
}

export type DeciderSpecification<Command, Event> = (given: Event | readonly Event[]) => {
  when(command: Command): DeciderThen<Event>;
};

const asArray = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);

/**
 * Given/when/then for a decider, after Emmett's DeciderSpecification:
 * `spec([registered]).when(acknowledge).then([acknowledged])`. Uses node:assert, so it runs under any
 * test runner and reports a diff on failure.
 */
export const DeciderSpecification = {
  for<Command, Event, State>(decider: Decider<Command, Event, State>): DeciderSpecification<Command, Event> {
    return (given) => ({
      when(command) {
        const run = (): Event[] => {
          const state = asArray(given).reduce<State>(decider.evolve, decider.initialState());
          return decider.decide(command, state);
        };
        return {
          then(expected) {
            deepStrictEqual(run(), [...asArray(expected)]);
          },
          thenNothingHappened() {
            deepStrictEqual(run(), [], 'expected no events (nothing happened)');
          },
          thenThrows<E extends Error>(first?: ErrorClass<E> | ErrorCheck<E>, second?: ErrorCheck<E>) {
            const errorClass = isErrorClass(first) ? first : undefined;
            const check = isErrorClass(first) ? second : (first as ErrorCheck<E> | undefined);
            let produced: Event[];
            try {
              produced = run();
            } catch (error) {
              if (errorClass && !(error instanceof errorClass)) {
                throw new AssertionError({
                  message: `expected ${errorClass.name}, got ${String(error)}`,
                  actual: error,
                  expected: errorClass,
                });
              }
              if (check && !check(error as E)) {
                throw new AssertionError({
                  message: `error did not pass the check: ${String(error)}`,
                  actual: error,
                });
              }
              return;
            }
            throw new AssertionError({ message: 'expected the command to be refused', actual: produced });
          },
        };
      },
    });
  },
};
