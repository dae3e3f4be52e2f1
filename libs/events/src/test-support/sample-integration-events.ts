import { IntegrationEventTypes } from '../event-types';
import type { IntegrationEvent } from '../integration-event.registry';

const envelope = (revision: number) => ({
  eventId: `0b7c6f0e-0000-4000-8000-00000000000${revision}`,
  streamId: 'request-1000000017',
  streamRevision: revision,
  position: String(1000 + revision),
  occurredAt: '2024-10-15T05:30:00.000Z',
  recordedAt: '2024-10-15T05:30:00.120Z',
  correlationId: 'corr-1',
  actor: { id: 'operator-17', role: 'operator' as const },
});

/** One valid sample per integration event type, typed so the compiler checks them against the contract. */
export const sampleIntegrationEvents: readonly IntegrationEvent[] = [
  {
    ...envelope(0),
    eventType: IntegrationEventTypes.requestRegistered,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      kind: 'complaint',
      channel: 'phone',
      collective: false,
      citizens: [{ nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' }],
      countyCode: 'minab',
      categoryCode: 'water',
      description: 'قطعی آب در محله',
      registeredAt: '2024-10-15T05:30:00.000Z',
      registeredBy: 'operator-17',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestRoutedToAgency,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      dueAt: '2024-10-22T05:30:00.000Z',
      routedBy: 'rules',
      ruleId: 'water-minab',
      at: '2024-10-15T05:30:01.000Z',
    },
  },
  {
    ...envelope(2),
    eventType: IntegrationEventTypes.requestAwaitingManualRouting,
    eventVersion: 1,
    data: { trackingCode: '1000000017', reason: 'no rule matches', at: '2024-10-15T05:30:01.000Z' },
  },
  {
    ...envelope(3),
    eventType: IntegrationEventTypes.requestAcknowledged,
    eventVersion: 1,
    data: { trackingCode: '1000000017', agencyCode: 'abfa', at: '2024-10-15T06:00:00.000Z' },
  },
  {
    ...envelope(4),
    eventType: IntegrationEventTypes.requestReferredInsideAgency,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      unit: 'minab-office',
      at: '2024-10-15T06:10:00.000Z',
    },
  },
  {
    ...envelope(5),
    eventType: IntegrationEventTypes.requestReturnedAsNotResponsible,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      reason: 'شبکه روستایی است',
      at: '2024-10-15T07:00:00.000Z',
    },
  },
  {
    ...envelope(6),
    eventType: IntegrationEventTypes.requestAnswered,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      outcome: 'positive',
      text: 'لوله ترمیم شد',
      answeredAt: '2024-10-16T09:00:00.000Z',
    },
  },
  {
    ...envelope(7),
    eventType: IntegrationEventTypes.followUpRecorded,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      note: 'پیگیری تلفنی',
      channel: 'phone',
      at: '2024-10-16T08:00:00.000Z',
    },
  },
  {
    ...envelope(8),
    eventType: IntegrationEventTypes.requestClosed,
    eventVersion: 1,
    data: { trackingCode: '1000000017', reason: 'answered', at: '2024-10-20T08:00:00.000Z' },
  },
  {
    ...envelope(9),
    eventType: IntegrationEventTypes.requestPersonalDataErased,
    eventVersion: 1,
    actor: { id: 'admin-1', role: 'admin' },
    data: { trackingCode: '1000000017', citizenIndex: 0, at: '2025-01-10T08:00:00.000Z' },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.agencyRequestAssigned,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      kind: 'complaint',
      collective: false,
      categoryCode: 'water',
      countyCode: 'minab',
      description: 'قطعی آب در محله',
      citizens: [{ fullName: 'زهرا کریمی', mobile: '09171234567' }],
      registeredAt: '2024-10-15T05:30:00.000Z',
      assignedAt: '2024-10-15T05:30:01.000Z',
      dueAt: '2024-10-22T05:30:00.000Z',
    },
  },
  {
    ...envelope(7),
    eventType: IntegrationEventTypes.agencyRequestUpdated,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      change: 'follow_up_recorded',
      status: 'acknowledged',
      at: '2024-10-16T08:00:00.000Z',
      dueAt: '2024-10-22T05:30:00.000Z',
      followUp: { note: 'پیگیری تلفنی', channel: 'phone' },
    },
  },
];

export const sampleOf = <T extends IntegrationEvent['eventType']>(
  eventType: T,
): Extract<IntegrationEvent, { eventType: T }> => {
  const sample = sampleIntegrationEvents.find((e) => e.eventType === eventType);
  if (!sample) throw new Error(`no sample for ${eventType}`);
  return structuredClone(sample) as Extract<IntegrationEvent, { eventType: T }>;
};
