import { IntegrationEventTypes } from './event-types';
import { currentEventVersion, integrationEventSchemas } from './integration-event.registry';
import { validateIntegrationEvent } from './integration-event.validator';
import { sampleIntegrationEvents, sampleOf, sampleV1Of } from './test-support/sample-integration-events';

const without = <T extends object>(value: T, key: string): T => {
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  delete copy[key];
  return copy as T;
};

describe('validateIntegrationEvent', () => {
  it('has a sample for every registered schema', () => {
    const sampled = new Set(sampleIntegrationEvents.map((e) => `${e.eventType}@${e.eventVersion}`));
    expect(integrationEventSchemas.map((s) => `${s.eventType}@${s.eventVersion}`).sort()).toEqual(
      [...sampled].sort(),
    );
  });

  it.each(sampleIntegrationEvents.map((e) => [e.eventType, e] as const))(
    'accepts a valid %s',
    (_type, event) => {
      expect(validateIntegrationEvent(event)).toEqual({ ok: true, event });
    },
  );

  it('accepts an envelope without the optional correlation, causation and actor', () => {
    const event = without(
      without(sampleOf(IntegrationEventTypes.requestAcknowledged), 'actor'),
      'correlationId',
    );
    expect(validateIntegrationEvent(event).ok).toBe(true);
  });

  it('tolerates an extra data property (a version only gains optional fields)', () => {
    const event = sampleOf(IntegrationEventTypes.requestAnswered);
    expect(validateIntegrationEvent({ ...event, data: { ...event.data, attachmentCount: 2 } }).ok).toBe(true);
  });

  it('rejects a missing data field, naming it', () => {
    const event = sampleV1Of(IntegrationEventTypes.requestRegistered);
    const result = validateIntegrationEvent({ ...event, data: without(event.data, 'countyCode') });
    expect(result).toEqual({
      ok: false,
      code: 'invalid_event_data',
      reason: "invalid samad.request.registered v1: /data must have required property 'countyCode'",
    });
  });

  it('rejects a missing envelope field before looking at the type', () => {
    const result = validateIntegrationEvent(
      without(sampleOf(IntegrationEventTypes.requestClosed), 'eventId'),
    );
    expect(result).toEqual({
      ok: false,
      code: 'invalid_envelope',
      reason: "invalid envelope: / must have required property 'eventId'",
    });
  });

  it('rejects an unknown version of a known type', () => {
    const event = { ...sampleOf(IntegrationEventTypes.requestRegistered), eventVersion: 3 };
    expect(validateIntegrationEvent(event)).toEqual({
      ok: false,
      code: 'unknown_event_type',
      reason: 'unknown event type samad.request.registered v3',
    });
  });

  it('rejects an unknown type', () => {
    const event = {
      ...sampleV1Of(IntegrationEventTypes.requestRegistered),
      eventType: 'samad.request.teleported',
    };
    expect(validateIntegrationEvent(event)).toEqual({
      ok: false,
      code: 'unknown_event_type',
      reason: 'unknown event type samad.request.teleported v1',
    });
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an array', []],
  ])('rejects %s as an invalid envelope', (_name, value) => {
    expect(validateIntegrationEvent(value)).toMatchObject({ ok: false, code: 'invalid_envelope' });
  });

  it('rejects a version that is not an integer and a position that is not a decimal string', () => {
    const event = sampleOf(IntegrationEventTypes.requestAcknowledged);
    expect(validateIntegrationEvent({ ...event, eventVersion: '1' })).toMatchObject({
      code: 'invalid_envelope',
    });
    expect(validateIntegrationEvent({ ...event, position: 12 })).toMatchObject({ code: 'invalid_envelope' });
    expect(validateIntegrationEvent({ ...event, position: '-1' })).toMatchObject({
      code: 'invalid_envelope',
    });
  });

  it('rejects timestamps that are not UTC ISO-8601', () => {
    const event = sampleOf(IntegrationEventTypes.requestAcknowledged);
    for (const at of ['1403/07/24 09:00', '2024-10-15T09:00:00+03:30', '2024-10-15']) {
      expect(validateIntegrationEvent({ ...event, data: { ...event.data, at } })).toMatchObject({
        ok: false,
        code: 'invalid_event_data',
      });
    }
  });

  it('rejects a non-canonical mobile and a bad enum value', () => {
    const event = sampleV1Of(IntegrationEventTypes.requestRegistered);
    const citizen = { ...event.data.citizens[0], mobile: '+989171234567' };
    const result = validateIntegrationEvent({
      ...event,
      data: { ...event.data, citizens: [citizen], kind: 'praise' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('/data/citizens/0/mobile must match pattern');
    expect(!result.ok && result.reason).toContain('/data/kind must be equal to one of the allowed values');
  });

  it('requires duplicateOf exactly when a request is closed as a duplicate', () => {
    const event = sampleV1Of(IntegrationEventTypes.requestClosed);
    const duplicate = { ...event.data, reason: 'duplicate' };
    expect(validateIntegrationEvent({ ...event, data: duplicate })).toMatchObject({
      ok: false,
      reason: "invalid samad.request.closed v1: /data must have required property 'duplicateOf'",
    });
    expect(validateIntegrationEvent({ ...event, data: { ...duplicate, duplicateOf: '1000000025' } }).ok).toBe(
      true,
    );
    expect(
      validateIntegrationEvent({ ...event, data: { ...event.data, duplicateOf: '1000000025' } }).ok,
    ).toBe(false);
  });

  it('requires a unit or a staff member on an inside referral', () => {
    const event = sampleOf(IntegrationEventTypes.requestReferredInsideAgency);
    expect(validateIntegrationEvent({ ...event, data: without(event.data, 'unit') }).ok).toBe(false);
    expect(
      validateIntegrationEvent({ ...event, data: { ...without(event.data, 'unit'), toStaff: 'staff-9' } }).ok,
    ).toBe(true);
  });

  it('keeps national codes off agency topics (v1)', () => {
    const event = sampleV1Of(IntegrationEventTypes.agencyRequestAssigned);
    const leaked = [{ ...event.data.citizens[0], nationalCode: '0499370899' }];
    expect(validateIntegrationEvent({ ...event, data: { ...event.data, citizens: leaked } })).toMatchObject({
      ok: false,
      code: 'invalid_event_data',
      reason:
        'invalid samad.agency.request-assigned v1: /data/citizens/0 must NOT have additional properties',
    });
  });

  it('keeps every contact, description and note off agency topics (v2)', () => {
    const assigned = sampleOf(IntegrationEventTypes.agencyRequestAssigned);
    for (const extra of [
      { citizens: [{ fullName: 'زهرا کریمی', mobile: '09171234567' }] },
      { description: 'قطعی آب' },
      { mobile: '09171234567' },
    ]) {
      expect(validateIntegrationEvent({ ...assigned, data: { ...assigned.data, ...extra } })).toMatchObject({
        ok: false,
        code: 'invalid_event_data',
      });
    }
    const updated = sampleOf(IntegrationEventTypes.agencyRequestUpdated);
    const noted = { ...updated, data: { ...updated.data, followUp: { channel: 'phone', note: 'پیگیری' } } };
    expect(validateIntegrationEvent(noted).ok).toBe(false);
  });

  it('accepts request events only with citizens and text sealed (v2)', () => {
    const registered = sampleOf(IntegrationEventTypes.requestRegistered);
    const clear = sampleV1Of(IntegrationEventTypes.requestRegistered).data;
    for (const data of [
      { ...registered.data, citizens: clear.citizens },
      { ...registered.data, description: clear.description },
      { ...registered.data, citizens: [{ ...registered.data.citizens[0], fullName: 'زهرا' }] },
      { ...registered.data, description: { erased: true, text: 'قطعی' } },
    ]) {
      expect(validateIntegrationEvent({ ...registered, data })).toMatchObject({
        ok: false,
        code: 'invalid_event_data',
      });
    }
  });

  it('requires the follow-up on a follow_up_recorded agency update', () => {
    const event = sampleOf(IntegrationEventTypes.agencyRequestUpdated);
    expect(validateIntegrationEvent({ ...event, data: without(event.data, 'followUp') }).ok).toBe(false);
  });

  it('takes an answer in person with who gave it, on the request topic and on the agency topic (ADR 38)', () => {
    const answered = sampleOf(IntegrationEventTypes.requestAnswered);
    const inPerson = { ...answered.data, inPerson: true, answeredBy: 'manager.abfa' };
    expect(validateIntegrationEvent({ ...answered, data: inPerson }).ok).toBe(true);
    expect(validateIntegrationEvent({ ...answered, data: without(inPerson, 'answeredBy') }).ok).toBe(false);
    expect(validateIntegrationEvent({ ...answered, data: { ...inPerson, inPerson: false } }).ok).toBe(false);
    const routed = sampleOf(IntegrationEventTypes.requestRoutedToAgency);
    const byManager = { ...without(routed.data, 'ruleId'), routedBy: 'manager' };
    expect(validateIntegrationEvent({ ...routed, data: byManager }).ok).toBe(true);

    const update = sampleOf(IntegrationEventTypes.agencyRequestUpdated);
    const answeredUpdate = {
      ...without(update.data, 'followUp'),
      change: 'answered',
      status: 'answered',
      inPerson: true,
    };
    expect(validateIntegrationEvent({ ...update, data: answeredUpdate }).ok).toBe(true);
    expect(validateIntegrationEvent({ ...update, data: { ...update.data, inPerson: true } }).ok).toBe(false);
  });

  it('reports the current version of each type', () => {
    expect(currentEventVersion(IntegrationEventTypes.requestRegistered)).toBe(2);
    expect(currentEventVersion(IntegrationEventTypes.requestAcknowledged)).toBe(1);
    expect(currentEventVersion(IntegrationEventTypes.agencyRequestAssigned)).toBe(2);
    expect(currentEventVersion('samad.request.teleported')).toBeUndefined();
  });

  it('gives every schema a unique $id', () => {
    const ids = integrationEventSchemas.map((s) => s.schema.$id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('urn:samad:schema:samad.request.registered.v1');
  });
});
