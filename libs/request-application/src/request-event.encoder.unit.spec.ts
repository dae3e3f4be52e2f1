import { decodeIntegrationEvent } from '@samad/events';
import { encodeRecordedRequestEvent } from './request-event.encoder';
import { recorded, registered, trackingCode } from './test-support/recorded-events.fixture';

describe('encodeRecordedRequestEvent', () => {
  const sealedCitizen = {
    citizenRef: '7d5e1c2a-3b4f-4a6d-9e8f-0a1b2c3d4e5f',
    sealed: 'pd1.AAAAAAAAAAAAAAAA.c2VhbGVk.dGFn',
  };
  const sealedText = { ...sealedCitizen, citizenIndex: 0, sealed: 'pd1.BBBBBBBBBBBBBBBB.dGV4dA.dGFn' };

  it('publishes a stored registration as v2, its citizens and description sealed exactly as kept', () => {
    const stored = { ...registered.data, citizens: [sealedCitizen], description: sealedText };
    const decoded = decodeIntegrationEvent(encodeRecordedRequestEvent(recorded(registered.type, stored)));
    expect(decoded).toMatchObject({
      ok: true,
      event: { eventVersion: 2, data: { citizens: [sealedCitizen], description: sealedText } },
    });
  });

  it('withholds anything it finds in clear (an event from before sealing): it reads as erased', () => {
    const json = encodeRecordedRequestEvent(recorded(registered.type, registered.data));
    for (const value of ['0499370899', 'زهرا کریمی', '09171234567', 'قطعی آب'])
      expect(json).not.toContain(value);
    expect(decodeIntegrationEvent(json)).toMatchObject({
      ok: true,
      event: {
        eventVersion: 2,
        data: {
          citizens: [{ erased: true, nationalCode: null, fullName: null, mobile: null }],
          description: { erased: true },
        },
      },
    });
  });

  it('publishes a request event as a valid integration envelope', () => {
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
