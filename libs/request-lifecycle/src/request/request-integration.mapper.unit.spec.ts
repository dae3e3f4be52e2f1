import { IntegrationEventTypes, validateIntegrationEvent } from '@samad/events';
import { erasedCitizen, erasedText, requestEventTypes, type RequestEvent } from './request.events';
import { toIntegrationEnvelope, toIntegrationPayload, toRequestEvent } from './request-integration.mapper';
import {
  citizenAli,
  events,
  history,
  AGENCY,
  OTHER_AGENCY,
  OTHER_TRACKING_CODE,
  T,
  TRACKING_CODE,
} from './test-support/request.fixtures';
import { extensionEvents } from './test-support/extension.fixtures';

const oneOfEach: RequestEvent[] = [
  events.requestRegistered(),
  events.requestRoutedToAgency(),
  events.requestAwaitingManualRouting(),
  events.requestAcknowledged(),
  events.requestReferredInsideAgency({ unit: undefined, toStaff: 'staff-204', note: undefined }),
  events.requestReturnedAsNotResponsible(),
  events.requestAnswered(),
  events.followUpRecorded(),
  events.requestClosed({ reason: 'duplicate', duplicateOf: OTHER_TRACKING_CODE, note: 'تکراری' }),
  events.personalDataErased(),
  events.dueTimeSet(),
  events.deadlineApproaching(),
  events.deadlineMissed(),
  events.requestEscalated(),
  {
    type: 'AnswerRated',
    data: {
      trackingCode: TRACKING_CODE,
      agencyCode: 'abfa',
      answeredAt: T.answered,
      rating: 2,
      comment: 'دیر',
      givenBy: 'citizen',
      at: T.closed,
    },
  },
  {
    type: 'AnswerObjected',
    data: {
      trackingCode: TRACKING_CODE,
      agencyCode: 'abfa',
      answeredAt: T.answered,
      objection: 1,
      reason: 'حل نشد',
      dueAt: T.rerouteDue,
      givenBy: 'operator',
      at: T.closed,
    },
  },
  ...Object.values(extensionEvents).map((event) => event()),
  // ADR 27.
  {
    type: 'MergedAsDuplicate',
    data: { trackingCode: TRACKING_CODE, survivorCode: OTHER_TRACKING_CODE, mergedBy: 'sup-1', at: T.closed },
  },
  {
    type: 'DuplicateAbsorbed',
    data: { trackingCode: TRACKING_CODE, absorbedCode: OTHER_TRACKING_CODE, mergedBy: 'sup-1', at: T.closed },
  },
  {
    type: 'LinkedToMatter',
    data: { trackingCode: TRACKING_CODE, matterId: 'm-1', linkedBy: 'sup-1', at: T.closed },
  },
  {
    type: 'SignatoryAdded',
    data: {
      trackingCode: TRACKING_CODE,
      signatoryIndex: 1,
      citizen: citizenAli,
      addedBy: 'op-1',
      at: T.closed,
    },
  },
  {
    type: 'AttachmentAdded',
    data: {
      trackingCode: TRACKING_CODE,
      attachmentId: '6f1c2e4a-0000-4000-8000-000000000001',
      contentType: 'image/jpeg',
      size: 2048,
      sha256: 'a'.repeat(64),
      addedBy: 'op-1',
      at: T.closed,
    },
  },
  // ADR 37.
  {
    type: 'DirectiveIssued',
    data: {
      trackingCode: TRACKING_CODE,
      directiveId: 'dir-1',
      agencyCode: AGENCY,
      instruction: 'ظرف دو روز کارشناس اعزام شود',
      dueAt: T.rerouteDue,
      issuedBy: 'governor1',
      role: 'official',
      at: T.followedUp,
    },
  },
  {
    type: 'DirectiveReported',
    data: {
      trackingCode: TRACKING_CODE,
      directiveId: 'dir-1',
      agencyCode: AGENCY,
      report: 'کارشناس اعزام شد',
      reportedBy: 'staff1',
      late: false,
      at: T.answered,
    },
  },
  {
    type: 'DirectiveOverdue',
    data: {
      trackingCode: TRACKING_CODE,
      directiveId: 'dir-1',
      agencyCode: AGENCY,
      dueAt: T.rerouteDue,
      at: T.closed,
    },
  },
];

// Free text never leaves the store (ADR 22, 24, 25). A consumer folding from the topic reads a required
// text as erased; the verdict's optional comment and reason are simply absent.
const withheld: Partial<Record<RequestEvent['type'], string>> = {
  DueTimeSet: 'reason',
  ExtensionRequested: 'reason',
  ExtensionRefused: 'reason',
  InformationRequested: 'question',
  InformationSupplied: 'information',
  DirectiveIssued: 'instruction',
  DirectiveReported: 'report',
};
const optionalText: Partial<Record<RequestEvent['type'], string>> = {
  AnswerRated: 'comment',
  AnswerObjected: 'reason',
  // Not text, but the same rule: a signatory's identity never leaves the store (ADR 27).
  SignatoryAdded: 'citizen',
};
const published = (event: RequestEvent): object => {
  const field = withheld[event.type] ?? optionalText[event.type];
  if (field === undefined) return event.data;
  const { [field]: _text, ...data } = event.data as Record<string, unknown>;
  return data;
};

const recorded = (revision: number) => ({
  eventId: `evt-${revision}`,
  streamRevision: BigInt(revision),
  position: 9_007_199_254_740_993n + BigInt(revision),
  recordedAt: new Date('2024-10-20T06:00:01Z'),
});

describe('domain event → integration envelope', () => {
  it('covers every domain event type', () => {
    expect(oneOfEach.map((e) => e.type)).toEqual([...requestEventTypes]);
  });

  it.each(oneOfEach.map((e, i) => [e.type, e, i] as const))(
    'maps %s to a valid v1 envelope',
    (_type, event, i) => {
      const envelope = toIntegrationEnvelope(event, recorded(i));
      expect(validateIntegrationEvent(envelope)).toEqual({ ok: true, event: envelope });
      expect(envelope.data).toEqual(published(event));
    },
  );

  it('maps a mobile-only citizen (ADR 39) to a valid v1 registration that reads back the same', () => {
    const event = events.requestRegistered({
      channel: 'web',
      citizens: [{ nationalCode: null, fullName: 'زهرا کریمی', mobile: '09171234567' }],
    });
    const envelope = toIntegrationEnvelope(event, recorded(0));
    expect(validateIntegrationEvent(envelope)).toEqual({ ok: true, event: envelope });
    expect((envelope.data as { citizens: unknown }).citizens).toEqual([
      { nationalCode: null, fullName: 'زهرا کریمی', mobile: '09171234567' },
    ]);
    expect(toRequestEvent(envelope)).toMatchObject({ data: { citizens: event.data.citizens } });
  });

  it('fills the envelope from the recorded event and the fact itself', () => {
    const envelope = toIntegrationEnvelope(events.requestAnswered(), {
      ...recorded(4),
      correlationId: 'corr-9',
      causationId: 'evt-3',
      actor: { id: 'staff-204', role: 'agency_staff' },
    });
    expect(envelope).toEqual({
      eventId: 'evt-4',
      eventType: 'samad.request.answered',
      eventVersion: 1,
      streamId: `request-${TRACKING_CODE}`,
      streamRevision: 4,
      position: '9007199254740997',
      occurredAt: T.answered,
      recordedAt: '2024-10-20T06:00:01.000Z',
      correlationId: 'corr-9',
      causationId: 'evt-3',
      actor: { id: 'staff-204', role: 'agency_staff' },
      data: events.requestAnswered().data,
    });
  });

  it('names the integration types after the domain events', () => {
    expect(oneOfEach.map((e) => toIntegrationPayload(e).eventType)).toEqual([
      IntegrationEventTypes.requestRegistered,
      IntegrationEventTypes.requestRoutedToAgency,
      IntegrationEventTypes.requestAwaitingManualRouting,
      IntegrationEventTypes.requestAcknowledged,
      IntegrationEventTypes.requestReferredInsideAgency,
      IntegrationEventTypes.requestReturnedAsNotResponsible,
      IntegrationEventTypes.requestAnswered,
      IntegrationEventTypes.followUpRecorded,
      IntegrationEventTypes.requestClosed,
      IntegrationEventTypes.requestPersonalDataErased,
      IntegrationEventTypes.requestDueTimeSet,
      IntegrationEventTypes.requestDeadlineApproaching,
      IntegrationEventTypes.requestDeadlineMissed,
      IntegrationEventTypes.requestEscalated,
      IntegrationEventTypes.requestAnswerRated,
      IntegrationEventTypes.requestAnswerObjected,
      IntegrationEventTypes.requestExtensionRequested,
      IntegrationEventTypes.requestExtensionApproved,
      IntegrationEventTypes.requestExtensionRefused,
      IntegrationEventTypes.requestInformationRequested,
      IntegrationEventTypes.requestInformationSupplied,
      IntegrationEventTypes.requestDeadlineResumed,
      IntegrationEventTypes.requestMergedAsDuplicate,
      IntegrationEventTypes.requestDuplicateAbsorbed,
      IntegrationEventTypes.requestLinkedToMatter,
      IntegrationEventTypes.requestSignatoryAdded,
      IntegrationEventTypes.requestAttachmentAdded,
      IntegrationEventTypes.requestDirectiveIssued,
      IntegrationEventTypes.requestDirectiveReported,
      IntegrationEventTypes.requestDirectiveOverdue,
    ]);
  });

  it('keeps a full story valid, reroute included', () => {
    const story = [
      ...history.returned(),
      events.requestRoutedToAgency({ agencyCode: OTHER_AGENCY, at: T.rerouted, dueAt: T.rerouteDue }),
      events.requestAnswered({ agencyCode: OTHER_AGENCY }),
      events.requestClosed(),
    ];
    for (const [i, event] of story.entries()) {
      expect(validateIntegrationEvent(toIntegrationEnvelope(event, recorded(i))).ok).toBe(true);
    }
  });
});

describe('toRequestEvent', () => {
  it('inverts the published payload for every request event', () => {
    for (const event of oneOfEach) {
      const envelope = toIntegrationEnvelope(event, {
        eventId: '00000000-0000-4000-8000-000000000001',
        streamRevision: 0,
        position: '1',
        recordedAt: '2026-01-01T00:00:00.000Z',
      });
      const field = withheld[event.type];
      const data =
        event.type === 'SignatoryAdded'
          ? { ...event.data, citizen: erasedCitizen } // folded from the topic, a signatory reads erased
          : field === undefined
            ? published(event)
            : { ...event.data, [field]: erasedText };
      expect(toRequestEvent(envelope)).toEqual({ type: event.type, data });
    }
  });
});
