import * as lifecycle from './index';
import { DomainError } from './shared/domain-error';
import { commands, history } from './request/test-support/request.fixtures';

describe('@samad/request-lifecycle public API', () => {
  it('exposes the decider and its helpers from the barrel', () => {
    const { decide, evolve, initialState, requestDecider, requestStreamName, DeciderSpecification } =
      lifecycle;
    expect(requestDecider).toEqual({ decide, evolve, initialState });
    expect(typeof requestStreamName).toBe('function');
    expect(typeof DeciderSpecification.for).toBe('function');
    expect(lifecycle.requestStatuses).toContain('awaiting_manual_routing');
  });

  it('refuses a command decided against another request stream (a handler bug)', () => {
    const state = lifecycle.stateFromEvents(history.registered());
    const other = commands.acknowledge({ trackingCode: lifecycle.trackingCodeFromNumber(99) });
    expect(() => lifecycle.decide(other, state)).toThrow(DomainError);
    expect(() => lifecycle.decide(other, state)).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', field: 'trackingCode' }),
    );
  });
});
