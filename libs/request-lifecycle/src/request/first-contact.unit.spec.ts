import { decide } from './request.decider';
import { evolve, initialState } from './request.evolve';
import type { RequestEvent } from './request.events';
import { commands, TRACKING_CODE } from './test-support/request.fixtures';
import { isDomainError } from '../shared/domain-error';

const article = { articleId: 'art-1', version: 3 };
const stateOf = (events: RequestEvent[]) => events.reduce(evolve, initialState());

describe('answered at first contact (ADR 36)', () => {
  it('registers and closes in one decision, citing the article', () => {
    const events = decide(commands.registerRequest({ answeredAtFirstContact: article }), initialState());
    expect(events.map((e) => e.type)).toEqual(['RequestRegistered', 'RequestClosed']);
    expect(events[1].data).toMatchObject({
      trackingCode: TRACKING_CODE,
      reason: 'answered_at_first_contact',
      article,
    });
    expect(stateOf(events)).toMatchObject({
      status: 'closed',
      closure: { reason: 'answered_at_first_contact', article },
    });
  });

  it('a retried registration of the same call appends nothing', () => {
    const command = commands.registerRequest({ answeredAtFirstContact: article });
    expect(decide(command, stateOf(decide(command, initialState())))).toEqual([]);
  });

  it('refuses an article without a version, and a later Close with that reason', () => {
    const badVersion = { articleId: 'art-1', version: 0 };
    expect(() =>
      decide(commands.registerRequest({ answeredAtFirstContact: badVersion }), initialState()),
    ).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', field: 'answeredAtFirstContact.version' }));
    const registered = stateOf(decide(commands.registerRequest(), initialState()));
    try {
      decide(commands.close({ reason: 'answered_at_first_contact' }), registered);
      throw new Error('accepted');
    } catch (error) {
      expect(isDomainError(error, 'INVALID_VALUE')).toBe(true);
    }
  });
});
