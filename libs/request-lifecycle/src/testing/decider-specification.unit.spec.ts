import { AssertionError } from 'node:assert';
import { DeciderSpecification } from './decider-specification';

// A counter decider, small enough to show what the helper itself checks.
type Event = { type: 'Incremented'; data: { by: number } };
type Command = { type: 'Increment'; data: { by: number } };
class TooBig extends Error {}

const spec = DeciderSpecification.for<Command, Event, number>({
  initialState: () => 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (command.data.by > 10) throw new TooBig('too big');
    return state + command.data.by === state ? [] : [{ type: 'Incremented', data: { by: command.data.by } }];
  },
});
const increment = (by: number): Command => ({ type: 'Increment', data: { by } });
const incremented = (by: number): Event => ({ type: 'Incremented', data: { by } });

describe('DeciderSpecification', () => {
  it('passes when the expected events are produced, given one event or several', () => {
    spec(incremented(1)).when(increment(2)).then(incremented(2));
    spec([incremented(1), incremented(2)])
      .when(increment(3))
      .then([incremented(3)]);
  });

  it('fails with an assertion when other events are produced', () => {
    expect(() => spec([]).when(increment(2)).then(incremented(3))).toThrow(AssertionError);
  });

  it('checks that nothing happened', () => {
    spec([]).when(increment(0)).thenNothingHappened();
    expect(() => spec([]).when(increment(1)).thenNothingHappened()).toThrow(AssertionError);
  });

  it('checks a refusal by class, by predicate, or both', () => {
    spec([]).when(increment(11)).thenThrows();
    spec([]).when(increment(11)).thenThrows(TooBig);
    spec([])
      .when(increment(11))
      .thenThrows((e: Error) => e.message === 'too big');
    spec([])
      .when(increment(11))
      .thenThrows(TooBig, (e) => e.message === 'too big');
  });

  it('fails when the command is accepted, or refused differently', () => {
    expect(() => spec([]).when(increment(1)).thenThrows()).toThrow('expected the command to be refused');
    expect(() => spec([]).when(increment(11)).thenThrows(RangeError)).toThrow('expected RangeError');
    expect(() =>
      spec([])
        .when(increment(11))
        .thenThrows((e: Error) => e.message === 'other'),
    ).toThrow('error did not pass the check');
  });
});
