import { IntegrationEventTypes } from './event-types';
import { decodeIntegrationEvent, encodeIntegrationEvent } from './integration-event.decoder';
import { createUpcasterRegistry } from './integration-event.upcaster';
import { sampleOf } from './test-support/sample-integration-events';

describe('decodeIntegrationEvent', () => {
  const event = sampleOf(IntegrationEventTypes.requestRegistered);

  it('round-trips an encoded event given as a string or as bytes', () => {
    const encoded = encodeIntegrationEvent(event);
    expect(decodeIntegrationEvent(encoded)).toEqual({ ok: true, event });
    expect(decodeIntegrationEvent(Buffer.from(encoded, 'utf8'))).toEqual({ ok: true, event });
  });

  it('rejects an empty message (a tombstone) and broken JSON', () => {
    expect(decodeIntegrationEvent(null)).toEqual({
      ok: false,
      code: 'invalid_json',
      reason: 'empty message',
    });
    expect(decodeIntegrationEvent('{"eventId":')).toMatchObject({ ok: false, code: 'invalid_json' });
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(decodeIntegrationEvent(Uint8Array.from([0x7b, 0xff, 0x7d]))).toMatchObject({
      ok: false,
      code: 'invalid_json',
    });
  });

  it('upcasts before validating', () => {
    const registry = createUpcasterRegistry([
      {
        eventType: IntegrationEventTypes.requestAcknowledged,
        fromVersion: 0,
        description: 'test: agency → agencyCode',
        upcast: ({ agency, ...rest }: { agency: string }) => ({ ...rest, agencyCode: agency }),
      },
    ]);
    const current = sampleOf(IntegrationEventTypes.requestAcknowledged);
    const { agencyCode, ...rest } = current.data;
    const old = { ...current, eventVersion: 0, data: { ...rest, agency: agencyCode } };
    expect(decodeIntegrationEvent(JSON.stringify(old), registry.upcast)).toEqual({
      ok: true,
      event: current,
    });
    expect(decodeIntegrationEvent(JSON.stringify(old))).toMatchObject({
      ok: false,
      reason: 'unknown event type samad.request.acknowledged v0',
    });
  });
});
