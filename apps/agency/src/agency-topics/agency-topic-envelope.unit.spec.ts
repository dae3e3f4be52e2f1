import { validateIntegrationEvent } from '@samad/events';
import {
  stateFromEvents,
  toAgencyMessages,
  toIntegrationEnvelope,
  type RequestRegistered,
  type RequestRoutedToAgency,
} from '@samad/request-lifecycle';
import { toAgencyEnvelope } from './agency-topic-envelope';

const registered: RequestRegistered = {
  type: 'RequestRegistered',
  data: {
    trackingCode: '1000000170',
    kind: 'request',
    channel: 'trip_letter',
    collective: true,
    citizens: [
      { nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' },
      { nationalCode: '3691122337', fullName: 'علی رئیسی', mobile: '09177654321' },
    ],
    countyCode: 'BND',
    categoryCode: 'WAT-CUT',
    description: 'قطعی آب در محله‌ی ما از سه روز پیش',
    registeredAt: '2026-11-29T05:30:00.000Z',
    registeredBy: 'operator-17',
  },
};

const routed: RequestRoutedToAgency = {
  type: 'RequestRoutedToAgency',
  data: {
    trackingCode: '1000000170',
    agencyCode: 'ABFA',
    dueAt: '2026-12-02T05:30:05.000Z',
    routedBy: 'rules',
    ruleId: '1',
    at: '2026-11-29T05:30:05.000Z',
  },
};

const source = toIntegrationEnvelope(routed, {
  eventId: '6f1c3a52-1d0e-5c4e-9a55-0b5a3e1d2c10',
  streamRevision: 1n,
  position: 4242n,
  recordedAt: new Date('2026-11-29T05:30:05.120Z'),
  correlationId: 'c0ffee00-1234',
  causationId: 'registration-event',
  actor: { id: 'routing-rules', role: 'system' },
});

describe('agency topic envelope', () => {
  const [message] = toAgencyMessages(stateFromEvents([registered]), routed);
  const envelope = toAgencyEnvelope(message, source);

  it('passes the published agency contract', () => {
    expect(validateIntegrationEvent(envelope)).toMatchObject({ ok: true });
  });

  it("carries the source event's identity and place in its stream", () => {
    expect(envelope).toEqual({
      eventId: source.eventId,
      eventType: 'samad.agency.request-assigned',
      eventVersion: 2,
      streamId: 'request-1000000170',
      streamRevision: 1,
      position: '4242',
      occurredAt: '2026-11-29T05:30:05.000Z',
      recordedAt: '2026-11-29T05:30:05.120Z',
      actor: { id: 'routing-rules', role: 'system' },
      data: message.data,
    });
  });

  it('gives the agency no personal data and no text: the agency API does, audited', () => {
    expect(envelope.data).toMatchObject({ citizenCount: 2 });
    for (const citizen of registered.data.citizens) {
      for (const value of [citizen.nationalCode, citizen.fullName, citizen.mobile]) {
        expect(JSON.stringify(envelope)).not.toContain(value);
      }
    }
    expect(JSON.stringify(envelope)).not.toContain(registered.data.description);
  });

  it('is refused by the contract if a contact or the description slips in', () => {
    for (const extra of [
      { citizens: [{ fullName: 'زهرا کریمی', mobile: '09171234567' }] },
      { description: registered.data.description },
    ]) {
      const leaking = { ...envelope, data: { ...envelope.data, ...extra } };
      expect(validateIntegrationEvent(leaking)).toMatchObject({ ok: false, code: 'invalid_event_data' });
    }
  });
});
