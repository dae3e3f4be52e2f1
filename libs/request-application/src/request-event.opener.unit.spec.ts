import { IntegrationEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import { erasedText } from '@samad/request-lifecycle';
import { withoutPersonalData } from './request-event.opener';

const envelope = {
  eventId: '0b7c6f0e-0000-4000-8000-000000000000',
  streamId: 'request-1000000017',
  streamRevision: 0,
  position: '1000',
  occurredAt: '2024-10-15T05:30:00.000Z',
  recordedAt: '2024-10-15T05:30:00.120Z',
};
const citizenRef = '7d5e1c2a-3b4f-4a6d-9e8f-0a1b2c3d4e5f';

describe('withoutPersonalData', () => {
  it('gives the v1 form of a sealed event with every citizen erased and every text erased', () => {
    const registered: RequestLifecycleIntegrationEvent = {
      ...envelope,
      eventType: IntegrationEventTypes.requestRegistered,
      eventVersion: 2,
      data: {
        trackingCode: '1000000017',
        kind: 'complaint',
        channel: 'phone',
        collective: false,
        citizens: [{ citizenRef, sealed: 'pd1.AAAA.c2Vh.dGFn' }],
        countyCode: 'MIN',
        categoryCode: 'WAT-CUT',
        description: { citizenRef, citizenIndex: 0, sealed: 'pd1.BBBB.dGV4.dGFn' },
        registeredAt: '2024-10-15T05:30:00.000Z',
        registeredBy: 'operator-17',
      },
    };
    expect(withoutPersonalData(registered)).toEqual({
      ...registered,
      eventVersion: 1,
      data: {
        ...registered.data,
        citizens: [{ erased: true, nationalCode: null, fullName: null, mobile: null }],
        description: erasedText,
      },
    });
  });

  it('leaves events without personal data as they are', () => {
    const routed: RequestLifecycleIntegrationEvent = {
      ...envelope,
      eventType: IntegrationEventTypes.requestAcknowledged,
      eventVersion: 1,
      data: { trackingCode: '1000000017', agencyCode: 'ABFA', at: '2024-10-15T06:00:00.000Z' },
    };
    expect(withoutPersonalData(routed)).toBe(routed);
  });
});
