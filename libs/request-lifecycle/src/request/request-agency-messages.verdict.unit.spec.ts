import { validateIntegrationEvent } from '@samad/events';
import type { AnswerObjected, AnswerRated } from './request.events';
import { stateFromEvents } from './request.evolve';
import { toAgencyMessages, type AgencyTopicMessage } from './request-agency-messages.mapper';
import { AGENCY, history, T, TRACKING_CODE } from './test-support/request.fixtures';

const AT = '2024-10-18T06:00:00.000Z';
const REOPEN_DUE = '2024-10-25T06:00:00.000Z';
const rated: AnswerRated = {
  type: 'AnswerRated',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    answeredAt: T.answered,
    rating: 1,
    comment: 'هیچ کاری نکردند',
    givenBy: 'citizen',
    at: AT,
  },
};
const objected: AnswerObjected = {
  type: 'AnswerObjected',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    answeredAt: T.answered,
    objection: 1,
    reason: 'آب هنوز قطع است',
    dueAt: REOPEN_DUE,
    givenBy: 'operator',
    at: AT,
  },
};

const asEnvelope = (message: AgencyTopicMessage) => ({
  eventId: 'evt-1',
  eventType: message.eventType,
  eventVersion: message.eventVersion,
  streamId: message.key,
  streamRevision: 1,
  position: '77',
  occurredAt: AT,
  recordedAt: AT,
  data: message.data,
});

describe("agency topic messages: the citizen's verdict", () => {
  it('tells the agency that answered its rating, never the comment', () => {
    const [message, ...rest] = toAgencyMessages(stateFromEvents(history.answered()), rated);
    expect(rest).toEqual([]);
    expect(message.agencyCode).toBe(AGENCY);
    expect(message.data).toEqual({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      change: 'answer_rated',
      status: 'answered',
      rating: 1,
      at: AT,
    });
    expect(validateIntegrationEvent(asEnvelope(message)).ok).toBe(true);
  });

  it('tells it the request is back with a new due date after an objection, without the reason', () => {
    const [message, ...rest] = toAgencyMessages(stateFromEvents(history.answered()), objected);
    expect(rest).toEqual([]);
    expect(message.data).toEqual({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      change: 'reopened',
      status: 'routed',
      dueAt: REOPEN_DUE,
      at: AT,
    });
    expect(validateIntegrationEvent(asEnvelope(message)).ok).toBe(true);
  });
});
