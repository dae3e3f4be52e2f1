import { decide } from './request.decider';
import { evolve, initialState } from './request.evolve';
import type { AnsweredInPerson } from './request.commands';
import type { RequestEvent } from './request.events';
import { toAgencyMessages } from './request-agency-messages.mapper';
import { toIntegrationPayload } from './request-integration.mapper';
import { AGENCY, commands, T, TRACKING_CODE } from './test-support/request.fixtures';

const MANAGER = 'manager.abfa';
const given = (overrides: Partial<AnsweredInPerson> = {}): AnsweredInPerson => ({
  agencyCode: AGENCY,
  outcome: 'positive',
  text: 'آب محله تا ساعت ۱۸ وصل می‌شود؛ اکیپ در محل است',
  dueAt: new Date(T.due),
  ...overrides,
});
const register = (answeredInPerson: AnsweredInPerson = given()) =>
  commands.registerRequest({ registeredBy: MANAGER, answeredInPerson });
const stateOf = (events: RequestEvent[]) => events.reduce(evolve, initialState());

describe('a manager registers and answers in person (ADR 38)', () => {
  it('registers, routes to the manager’s agency, acknowledges and answers in one decision', () => {
    const events = decide(register(), initialState());
    expect(events.map((e) => e.type)).toEqual([
      'RequestRegistered',
      'RequestRoutedToAgency',
      'RequestAcknowledged',
      'RequestAnswered',
    ]);
    expect(events[0].data).toMatchObject({ trackingCode: TRACKING_CODE, registeredBy: MANAGER });
    expect(events[1].data).toEqual({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      dueAt: T.due,
      routedBy: 'manager',
      at: T.registered,
    });
    expect(events[3].data).toMatchObject({
      agencyCode: AGENCY,
      outcome: 'positive',
      answeredAt: T.registered,
      inPerson: true,
      answeredBy: MANAGER,
    });
    expect(stateOf(events)).toMatchObject({
      status: 'answered',
      agencyCode: AGENCY,
      routedBy: 'manager',
      answer: { agencyCode: AGENCY, outcome: 'positive' },
      answeredAt: T.registered,
    });
  });

  it('leaves nothing for routing: the answered request cannot be routed again', () => {
    const state = stateOf(decide(register(), initialState()));
    expect(() => decide(commands.routeToAgency(), state)).toThrow(
      expect.objectContaining({ code: 'REQUEST_ALREADY_ANSWERED' }),
    );
  });

  it('a retried call appends nothing', () => {
    const state = stateOf(decide(register(), initialState()));
    expect(decide(register(), state)).toEqual([]);
  });

  it('the citizen may rate or object to it like any answer', () => {
    const state = stateOf(decide(register(), initialState()));
    const rated = decide(
      {
        type: 'RateAnswer',
        data: {
          trackingCode: TRACKING_CODE,
          rating: 5,
          windowDays: 7,
          givenBy: 'citizen',
          now: new Date('2024-10-16T05:30:00.000Z'),
        },
      },
      state,
    );
    expect(rated.map((e) => e.type)).toEqual(['AnswerRated']);
  });

  it('refuses a bad answer naming the field as sent, and a due date not after now', () => {
    expect(() => decide(register(given({ text: ' ' })), initialState())).toThrow(
      expect.objectContaining({ code: 'VALUE_REQUIRED', field: 'answeredInPerson.text' }),
    );
    expect(() =>
      decide(register(given({ outcome: 'maybe' as AnsweredInPerson['outcome'] })), initialState()),
    ).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', field: 'answeredInPerson.outcome' }));
    expect(() => decide(register(given({ dueAt: new Date(T.registered) })), initialState())).toThrow(
      expect.objectContaining({ code: 'DUE_DATE_NOT_IN_FUTURE', field: 'answeredInPerson.dueAt' }),
    );
  });

  it('is not also answered from a knowledge-base article', () => {
    const command = commands.registerRequest({
      registeredBy: MANAGER,
      answeredInPerson: given(),
      answeredAtFirstContact: { articleId: 'art-1', version: 1 },
    });
    expect(() => decide(command, initialState())).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', field: 'answeredAtFirstContact' }),
    );
  });

  it('the request topic and the agency topic say it was answered in person', () => {
    const events = decide(register(), initialState());
    const answered = events[3];
    expect(toIntegrationPayload(answered).data).toMatchObject({ inPerson: true, answeredBy: MANAGER });
    const before = stateOf(events.slice(0, 3));
    const [message] = toAgencyMessages(before, answered);
    expect(message.agencyCode).toBe(AGENCY);
    expect(message.data).toMatchObject({ change: 'answered', status: 'answered', inPerson: true });
    const assigned = toAgencyMessages(stateOf(events.slice(0, 1)), events[1]);
    expect(assigned.map((m) => m.eventType)).toEqual(['samad.agency.request-assigned']);
  });
});
