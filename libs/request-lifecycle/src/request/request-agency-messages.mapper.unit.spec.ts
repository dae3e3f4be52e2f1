import { validateIntegrationEvent } from '@samad/events';
import type { RequestEvent } from './request.events';
import { stateFromEvents } from './request.evolve';
import { toAgencyMessages, type AgencyTopicMessage } from './request-agency-messages.mapper';
import {
  AGENCY,
  citizenAli,
  citizenZahra,
  events,
  history,
  OTHER_AGENCY,
  T,
  TRACKING_CODE,
} from './test-support/request.fixtures';

const messagesFor = (given: RequestEvent[], event: RequestEvent): AgencyTopicMessage[] =>
  toAgencyMessages(stateFromEvents(given), event);

const asEnvelope = (message: AgencyTopicMessage) => ({
  eventId: 'evt-1',
  eventType: message.eventType,
  eventVersion: message.eventVersion,
  streamId: message.key,
  streamRevision: 1,
  position: '77',
  occurredAt: T.routed,
  recordedAt: T.routed,
  data: message.data,
});

describe('agency topic messages', () => {
  it('assigns a routed request to the agency with no personal data and no text (v2)', () => {
    const collective = [events.requestRegistered({ collective: true, citizens: [citizenZahra, citizenAli] })];
    const [message, ...rest] = messagesFor(collective, events.requestRoutedToAgency());
    expect(rest).toEqual([]);
    expect(message).toEqual({
      topic: 'samad.agency.abfa',
      key: `request-${TRACKING_CODE}`,
      agencyCode: AGENCY,
      eventType: 'samad.agency.request-assigned',
      eventVersion: 2,
      data: {
        trackingCode: TRACKING_CODE,
        agencyCode: AGENCY,
        kind: 'complaint',
        collective: true,
        categoryCode: 'water',
        countyCode: 'minab',
        citizenCount: 2,
        registeredAt: T.registered,
        assignedAt: T.routed,
        dueAt: T.due,
        priority: 'normal',
      },
    });
    for (const c of [citizenZahra, citizenAli]) {
      for (const value of [c.nationalCode, c.fullName, c.mobile])
        expect(JSON.stringify(message)).not.toContain(value);
    }
    expect(JSON.stringify(message)).not.toContain('قطعی آب');
    expect(validateIntegrationEvent(asEnvelope(message)).ok).toBe(true);
  });

  it('tells the holding agency that the citizen followed up, with its due date but not the note', () => {
    const [message] = messagesFor(history.acknowledged(), events.followUpRecorded());
    expect(message.data).toEqual({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      change: 'follow_up_recorded',
      status: 'acknowledged',
      at: T.followedUp,
      dueAt: T.due,
      followUp: { channel: 'phone' },
    });
    expect(validateIntegrationEvent(asEnvelope(message)).ok).toBe(true);
  });

  it('confirms a return to the agency that returned it, which no longer holds it', () => {
    const [message] = messagesFor(history.acknowledged(), events.requestReturnedAsNotResponsible());
    expect(message).toMatchObject({ topic: 'samad.agency.abfa' });
    expect(message.data).toEqual({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      change: 'returned_as_not_responsible',
      status: 'returned',
      at: T.returned,
    });
  });

  it('tells the answering agency when the request is closed', () => {
    const [message] = messagesFor(history.answered(), events.requestClosed());
    expect(message.data).toEqual({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      change: 'closed',
      status: 'closed',
      at: T.closed,
      closeReason: 'answered',
    });
    expect(validateIntegrationEvent(asEnvelope(message)).ok).toBe(true);
  });

  it('sends the new agency an assignment after a reroute, and nothing to the old one', () => {
    const messages = messagesFor(
      history.returned(),
      events.requestRoutedToAgency({ agencyCode: OTHER_AGENCY, at: T.rerouted }),
    );
    expect(messages.map((m) => [m.topic, m.eventType])).toEqual([
      ['samad.agency.tavanir', 'samad.agency.request-assigned'],
    ]);
  });

  it('sends nothing while no agency holds or held the request', () => {
    expect(messagesFor([], events.requestRegistered())).toEqual([]);
    expect(messagesFor(history.registered(), events.followUpRecorded())).toEqual([]);
    expect(messagesFor(history.registered(), events.requestAwaitingManualRouting())).toEqual([]);
    expect(messagesFor(history.returned(), events.requestClosed({ reason: 'withdrawn' }))).toEqual([]);
  });

  describe('deadline facts', () => {
    const held = () => [...history.acknowledged()];

    it('tells the holding agency of a new due time, without the reason', () => {
      const [message, ...rest] = messagesFor(held(), events.dueTimeSet());
      expect(rest).toEqual([]);
      expect(message.data).toEqual({
        trackingCode: TRACKING_CODE,
        agencyCode: AGENCY,
        change: 'due_time_set',
        status: 'acknowledged',
        at: events.dueTimeSet().data.at,
        dueAt: events.dueTimeSet().data.dueAt,
      });
      expect(JSON.stringify(message)).not.toContain(events.dueTimeSet().data.reason);
      expect(validateIntegrationEvent(asEnvelope(message)).ok).toBe(true);
    });

    it('tells it the deadline approaches, is missed, and is escalated (with the level)', () => {
      const approaching = events.deadlineApproaching();
      const missed = events.deadlineMissed();
      const escalated = events.requestEscalated({ level: 2 });
      const stream = [...held(), approaching, missed, events.requestEscalated()];
      const messages = [
        ...messagesFor(held(), approaching),
        ...messagesFor([...held(), approaching], missed),
        ...messagesFor(stream, escalated),
      ];
      expect(messages.map((m) => [m.agencyCode, (m.data as { change: string }).change])).toEqual([
        [AGENCY, 'deadline_approaching'],
        [AGENCY, 'deadline_missed'],
        [AGENCY, 'escalated'],
      ]);
      expect(messages[2].data).toMatchObject({ escalationLevel: 2, dueAt: T.due });
      for (const message of messages) expect(validateIntegrationEvent(asEnvelope(message)).ok).toBe(true);
    });
  });
});
