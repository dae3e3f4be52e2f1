import { IntegrationEventTypes } from '../event-types';
import type { AgencyIntegrationEventV1 } from '../agency-messages.v1.contract';
import type { IntegrationEvent } from '../integration-event.registry';
import type { RequestLifecycleIntegrationEventV1 } from '../request-events.v1.contract';

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

/** One valid v1 sample per integration event type, typed so the compiler checks them against the contract. */
export const sampleIntegrationEventsV1: readonly (
  RequestLifecycleIntegrationEventV1 | AgencyIntegrationEventV1
)[] = [
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
    eventType: IntegrationEventTypes.requestDueTimeSet,
    eventVersion: 1,
    actor: { id: 'supervisor1', role: 'supervisor' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      dueAt: '2024-10-22T05:30:00.000Z',
      previousDueAt: '2024-10-29T05:30:00.000Z',
      setBy: 'supervisor1',
      at: '2024-10-22T03:30:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestDeadlineApproaching,
    eventVersion: 1,
    actor: { id: 'deadline-watcher', role: 'system' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      dueAt: '2024-10-22T05:30:00.000Z',
      at: '2024-10-22T05:06:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestDeadlineMissed,
    eventVersion: 1,
    actor: { id: 'deadline-watcher', role: 'system' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      dueAt: '2024-10-22T05:30:00.000Z',
      at: '2024-10-22T05:30:10.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestEscalated,
    eventVersion: 1,
    actor: { id: 'deadline-watcher', role: 'system' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      dueAt: '2024-10-22T05:30:00.000Z',
      level: 1,
      at: '2024-10-22T05:30:10.000Z',
    },
  },
  // Duplicates, collective matters and signatories (ADR 27).
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestMergedAsDuplicate,
    eventVersion: 1,
    actor: { id: 'supervisor1', role: 'supervisor' },
    data: {
      trackingCode: '1000000017',
      survivorCode: '1000000025',
      mergedBy: 'supervisor1',
      at: '2024-10-20T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestDuplicateAbsorbed,
    eventVersion: 1,
    actor: { id: 'supervisor1', role: 'supervisor' },
    data: {
      trackingCode: '1000000025',
      absorbedCode: '1000000017',
      mergedBy: 'supervisor1',
      at: '2024-10-20T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestLinkedToMatter,
    eventVersion: 1,
    actor: { id: 'supervisor1', role: 'supervisor' },
    data: {
      trackingCode: '1000000017',
      matterId: '6a1f3a52-6a0f-4b4e-9c57-2ef5d2a3c0de',
      linkedBy: 'supervisor1',
      at: '2024-10-20T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestSignatoryAdded,
    eventVersion: 1,
    actor: { id: 'operator1', role: 'operator' },
    data: {
      trackingCode: '1000000017',
      signatoryIndex: 2,
      addedBy: 'operator1',
      at: '2024-10-20T06:00:00.000Z',
    },
  },
  // Officials' directives (ADR 37): neither the instruction nor the report travels.
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestDirectiveIssued,
    eventVersion: 1,
    actor: { id: 'governor1', role: 'official' },
    data: {
      trackingCode: '1000000017',
      directiveId: 'd6a1c2e4-0000-4000-8000-000000000001',
      agencyCode: 'abfa',
      dueAt: '2024-10-18T05:30:00.000Z',
      issuedBy: 'governor1',
      role: 'official',
      at: '2024-10-16T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestDirectiveReported,
    eventVersion: 1,
    actor: { id: 'staff1', role: 'agency_staff' },
    data: {
      trackingCode: '1000000017',
      directiveId: 'd6a1c2e4-0000-4000-8000-000000000001',
      agencyCode: 'abfa',
      reportedBy: 'staff1',
      late: false,
      at: '2024-10-17T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestDirectiveOverdue,
    eventVersion: 1,
    actor: { id: 'deadline-watcher', role: 'system' },
    data: {
      trackingCode: '1000000017',
      directiveId: 'd6a1c2e4-0000-4000-8000-000000000001',
      agencyCode: 'abfa',
      dueAt: '2024-10-18T05:30:00.000Z',
      at: '2024-10-18T05:30:10.000Z',
    },
  },
  // Extensions and information requests (ADR 24).
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestExtensionRequested,
    eventVersion: 1,
    actor: { id: 'staff1', role: 'agency_staff' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      extensionId: 'ext-1',
      proposedDueAt: '2024-10-29T05:30:00.000Z',
      currentDueAt: '2024-10-22T05:30:00.000Z',
      requestedBy: 'staff1',
      at: '2024-10-20T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestExtensionApproved,
    eventVersion: 1,
    actor: { id: 'supervisor1', role: 'supervisor' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      extensionId: 'ext-1',
      dueAt: '2024-10-29T05:30:00.000Z',
      previousDueAt: '2024-10-22T05:30:00.000Z',
      decidedBy: 'supervisor1',
      at: '2024-10-20T08:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestExtensionRefused,
    eventVersion: 1,
    actor: { id: 'supervisor1', role: 'supervisor' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      extensionId: 'ext-1',
      decidedBy: 'supervisor1',
      at: '2024-10-20T08:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestInformationRequested,
    eventVersion: 1,
    actor: { id: 'staff1', role: 'agency_staff' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      requestedBy: 'staff1',
      dueAt: '2024-10-22T05:30:00.000Z',
      at: '2024-10-20T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestInformationSupplied,
    eventVersion: 1,
    actor: { id: 'operator1', role: 'operator' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      suppliedBy: 'operator1',
      requestedAt: '2024-10-20T06:00:00.000Z',
      at: '2024-10-21T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestDeadlineResumed,
    eventVersion: 1,
    actor: { id: 'deadline-watcher', role: 'system' },
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      dueAt: '2024-10-23T05:30:00.000Z',
      previousDueAt: '2024-10-22T05:30:00.000Z',
      pausedFrom: '2024-10-20T06:00:00.000Z',
      pausedUntil: '2024-10-21T06:00:00.000Z',
      at: '2024-10-21T06:00:10.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestAttachmentAdded,
    eventVersion: 1,
    actor: { id: 'operator1', role: 'operator' },
    data: {
      trackingCode: '1000000017',
      attachmentId: '6f1c1b2e-5d1a-4c8e-9f3a-2b7d4e6a8c01',
      contentType: 'application/pdf',
      size: 48213,
      sha256: 'a'.repeat(64),
      addedBy: 'operator1',
      at: '2024-10-14T06:10:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestAnswerRated,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      answeredAt: '2024-10-16T06:00:00.000Z',
      rating: 4,
      givenBy: 'citizen',
      at: '2024-10-18T06:00:00.000Z',
    },
  },
  {
    ...envelope(1),
    eventType: IntegrationEventTypes.requestAnswerObjected,
    eventVersion: 1,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      answeredAt: '2024-10-16T06:00:00.000Z',
      objection: 1,
      dueAt: '2024-10-25T06:00:00.000Z',
      givenBy: 'operator',
      at: '2024-10-18T06:00:00.000Z',
    },
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

const sealed = (n: number): string => `pd1.AAAAAAAAAAAAAAA${n}.c2VhbGVk.dGFnLXRhZy10YWctdGFn`;
const citizenRef = '7d5e1c2a-3b4f-4a6d-9e8f-0a1b2c3d4e5f';
const text = (n: number) => ({ citizenRef, citizenIndex: 0, sealed: sealed(n) });
const v1 = <T extends string>(eventType: T) => {
  const sample = sampleIntegrationEventsV1.find((e) => e.eventType === eventType);
  if (!sample) throw new Error(`no v1 sample for ${eventType}`);
  return sample;
};

/** One valid v2 sample per event type that has a v2: personal data sealed, agency messages without any. */
export const sampleIntegrationEventsV2: readonly IntegrationEvent[] = [
  {
    ...v1(IntegrationEventTypes.requestRegistered),
    eventType: IntegrationEventTypes.requestRegistered,
    eventVersion: 2,
    data: {
      trackingCode: '1000000017',
      kind: 'complaint',
      channel: 'phone',
      collective: false,
      citizens: [{ citizenRef, sealed: sealed(0) }],
      countyCode: 'minab',
      categoryCode: 'water',
      description: text(1),
      registeredAt: '2024-10-15T05:30:00.000Z',
      registeredBy: 'operator-17',
    },
  },
  {
    ...v1(IntegrationEventTypes.requestReferredInsideAgency),
    eventType: IntegrationEventTypes.requestReferredInsideAgency,
    eventVersion: 2,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      unit: 'minab-office',
      note: text(2),
      at: '2024-10-15T06:10:00.000Z',
    },
  },
  {
    ...v1(IntegrationEventTypes.requestReturnedAsNotResponsible),
    eventType: IntegrationEventTypes.requestReturnedAsNotResponsible,
    eventVersion: 2,
    data: { trackingCode: '1000000017', agencyCode: 'abfa', reason: text(3), at: '2024-10-15T07:00:00.000Z' },
  },
  {
    ...v1(IntegrationEventTypes.requestAnswered),
    eventType: IntegrationEventTypes.requestAnswered,
    eventVersion: 2,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      outcome: 'positive',
      text: text(4),
      answeredAt: '2024-10-16T09:00:00.000Z',
    },
  },
  {
    ...v1(IntegrationEventTypes.followUpRecorded),
    eventType: IntegrationEventTypes.followUpRecorded,
    eventVersion: 2,
    data: {
      trackingCode: '1000000017',
      note: { erased: true },
      channel: 'phone',
      at: '2024-10-16T08:00:00.000Z',
    },
  },
  {
    ...v1(IntegrationEventTypes.requestClosed),
    eventType: IntegrationEventTypes.requestClosed,
    eventVersion: 2,
    data: { trackingCode: '1000000017', reason: 'answered', note: text(5), at: '2024-10-20T08:00:00.000Z' },
  },
  {
    ...v1(IntegrationEventTypes.agencyRequestAssigned),
    eventType: IntegrationEventTypes.agencyRequestAssigned,
    eventVersion: 2,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      kind: 'complaint',
      collective: false,
      categoryCode: 'water',
      countyCode: 'minab',
      citizenCount: 1,
      registeredAt: '2024-10-15T05:30:00.000Z',
      assignedAt: '2024-10-15T05:30:01.000Z',
      dueAt: '2024-10-22T05:30:00.000Z',
    },
  },
  {
    ...v1(IntegrationEventTypes.agencyRequestUpdated),
    eventType: IntegrationEventTypes.agencyRequestUpdated,
    eventVersion: 2,
    data: {
      trackingCode: '1000000017',
      agencyCode: 'abfa',
      change: 'follow_up_recorded',
      status: 'acknowledged',
      at: '2024-10-16T08:00:00.000Z',
      dueAt: '2024-10-22T05:30:00.000Z',
      followUp: { channel: 'phone' },
    },
  },
];

/** A sample of every registered schema: each type in each version. */
export const sampleIntegrationEvents: readonly (
  IntegrationEvent | RequestLifecycleIntegrationEventV1 | AgencyIntegrationEventV1
)[] = [...sampleIntegrationEventsV1, ...sampleIntegrationEventsV2];

/** The sample of an event type in its current version (what producers emit). */
export const sampleOf = <T extends IntegrationEvent['eventType']>(
  eventType: T,
): Extract<IntegrationEvent, { eventType: T }> => {
  const sample =
    sampleIntegrationEventsV2.find((e) => e.eventType === eventType) ??
    sampleIntegrationEventsV1.find((e) => e.eventType === eventType);
  if (!sample) throw new Error(`no sample for ${eventType}`);
  return structuredClone(sample) as unknown as Extract<IntegrationEvent, { eventType: T }>;
};

/** The v1 sample of an event type (personal data and text in clear, as v1 carried them). */
export const sampleV1Of = <
  T extends RequestLifecycleIntegrationEventV1['eventType'] | AgencyIntegrationEventV1['eventType'],
>(
  eventType: T,
): Extract<RequestLifecycleIntegrationEventV1 | AgencyIntegrationEventV1, { eventType: T }> => {
  const sample = sampleIntegrationEventsV1.find((e) => e.eventType === eventType);
  if (!sample) throw new Error(`no v1 sample for ${eventType}`);
  return structuredClone(sample) as Extract<
    RequestLifecycleIntegrationEventV1 | AgencyIntegrationEventV1,
    { eventType: T }
  >;
};
