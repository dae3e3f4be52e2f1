import { IntegrationEventTypes } from './event-types';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import {
  createUpcasterRegistry,
  integrationEventUpcasters,
  upcast,
  type Upcaster,
} from './integration-event.upcaster';
import { validateIntegrationEvent } from './integration-event.validator';
import { sampleOf, sampleV1Of } from './test-support/sample-integration-events';

// Hypothetical history, for the test only: suppose a pilot had published `samad.request.registered` v0
// with a single `citizen` and no `collective` flag. This is the upcaster that would lift it to today's v1.
interface RegisteredV0 {
  readonly trackingCode: string;
  readonly kind: string;
  readonly channel: string;
  readonly citizen: { nationalCode: string; fullName: string; mobile: string };
  readonly countyCode: string;
  readonly categoryCode: string;
  readonly description: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
}

const registeredV0ToV1: Upcaster = {
  eventType: IntegrationEventTypes.requestRegistered,
  fromVersion: 0,
  description: 'single citizen → citizens[]; collective = false',
  upcast: ({ citizen, ...rest }: RegisteredV0) => ({ ...rest, collective: false, citizens: [citizen] }),
};

const v0Envelope = (): IntegrationEventEnvelope<string, number, RegisteredV0> => {
  const { data, ...envelope } = sampleV1Of(IntegrationEventTypes.requestRegistered);
  const { citizens, collective: _collective, ...rest } = data;
  return { ...envelope, eventVersion: 0, data: { ...rest, citizen: citizens[0] as RegisteredV0['citizen'] } };
};

describe('upcasting', () => {
  it('lifts every v1 event with personal data or text to a v2 that carries none of it in clear', () => {
    expect(integrationEventUpcasters.map((u) => `${u.eventType}@${u.fromVersion}`).sort()).toEqual(
      [
        IntegrationEventTypes.requestRegistered,
        IntegrationEventTypes.requestReferredInsideAgency,
        IntegrationEventTypes.requestReturnedAsNotResponsible,
        IntegrationEventTypes.requestAnswered,
        IntegrationEventTypes.followUpRecorded,
        IntegrationEventTypes.requestClosed,
        IntegrationEventTypes.agencyRequestAssigned,
        IntegrationEventTypes.agencyRequestUpdated,
      ]
        .map((t) => `${t}@1`)
        .sort(),
    );
    const old = sampleV1Of(IntegrationEventTypes.requestRegistered);
    const lifted = upcast(old);
    expect(lifted).toMatchObject({
      eventVersion: 2,
      data: {
        citizens: [{ erased: true, nationalCode: null, fullName: null, mobile: null }],
        description: { erased: true },
      },
    });
    expect(validateIntegrationEvent(lifted).ok).toBe(true);
    expect(JSON.stringify(lifted)).not.toMatch(/0499370899|زهرا|09171234567|قطعی/);
  });

  it('lifts v1 agency messages to v2 without contacts, description or follow-up note', () => {
    const assigned = upcast(sampleV1Of(IntegrationEventTypes.agencyRequestAssigned));
    expect(assigned).toEqual(sampleOf(IntegrationEventTypes.agencyRequestAssigned));
    const updated = upcast(sampleV1Of(IntegrationEventTypes.agencyRequestUpdated));
    expect(updated).toEqual(sampleOf(IntegrationEventTypes.agencyRequestUpdated));
    expect(validateIntegrationEvent(assigned).ok && validateIntegrationEvent(updated).ok).toBe(true);
  });

  it('leaves current versions as they are', () => {
    const event = sampleOf(IntegrationEventTypes.requestRegistered);
    expect(upcast(event)).toBe(event);
  });

  it('lifts an old version to the current one, which then validates', () => {
    const { upcast: lift } = createUpcasterRegistry([registeredV0ToV1]);
    const old = v0Envelope();
    expect(validateIntegrationEvent(old)).toMatchObject({ ok: false, code: 'unknown_event_type' });

    const lifted = lift(old);

    expect(lifted).toEqual(sampleV1Of(IntegrationEventTypes.requestRegistered));
    expect(validateIntegrationEvent(lifted).ok).toBe(true);
  });

  it('chains upcasters across several versions and keeps the envelope fields', () => {
    const { upcast: lift } = createUpcasterRegistry([
      {
        eventType: 'samad.test.thing',
        fromVersion: 2,
        description: 'b',
        upcast: (d: { n: number }) => ({ n: d.n * 10 }),
      },
      {
        eventType: 'samad.test.thing',
        fromVersion: 1,
        description: 'a',
        upcast: (d: { n: number }) => ({ n: d.n + 1 }),
      },
    ]);
    const { data: _data, ...envelope } = sampleOf(IntegrationEventTypes.requestAcknowledged);
    const lifted = lift({ ...envelope, eventType: 'samad.test.thing', eventVersion: 1, data: { n: 1 } });
    expect(lifted).toEqual({ ...envelope, eventType: 'samad.test.thing', eventVersion: 3, data: { n: 20 } });
  });

  it('leaves current versions, other types and non-envelopes untouched', () => {
    const { upcast: lift } = createUpcasterRegistry([registeredV0ToV1]);
    const current = sampleV1Of(IntegrationEventTypes.requestRegistered);
    expect(lift(current)).toBe(current);
    expect(lift('not an envelope')).toBe('not an envelope');
    expect(lift(null)).toBeNull();
  });

  it('refuses two upcasters for the same type and version', () => {
    expect(() => createUpcasterRegistry([registeredV0ToV1, registeredV0ToV1])).toThrow(
      'duplicate upcaster for samad.request.registered v0',
    );
  });
});
