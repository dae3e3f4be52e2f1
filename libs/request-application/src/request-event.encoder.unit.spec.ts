import { decodeIntegrationEvent } from '@samad/events';
import { encodeRecordedRequestEvent } from './request-event.encoder';
import { recorded, registered, trackingCode } from './test-support/recorded-events.fixture';

describe('encodeRecordedRequestEvent', () => {
  it('publishes a request event as a valid v1 integration envelope', () => {
    const decoded = decodeIntegrationEvent(
      encodeRecordedRequestEvent(recorded(registered.type, registered.data)),
    );
    expect(decoded).toMatchObject({
      ok: true,
      event: {
        eventType: 'samad.request.registered',
        streamId: `request-${trackingCode}`,
        actor: { id: 'operator1', role: 'operator' },
        position: '7',
      },
    });
  });

  it('passes a foreign event through as stored, for consumers to park', () => {
    const json = JSON.parse(encodeRecordedRequestEvent(recorded('InvoicePaid', { amount: 1 }))) as {
      type: string;
    };
    expect(json.type).toBe('InvoicePaid');
  });
});
