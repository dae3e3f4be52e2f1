import {
  IntegrationEventTypes,
  type Actor,
  type AnswerOutcome as PublishedOutcome,
  type CloseReason as PublishedCloseReason,
  type RequestChannel as PublishedChannel,
  type RequestKind as PublishedKind,
  type RequestLifecycleIntegrationEventV1,
  type RequestStatus as PublishedStatus,
  type RoutingOrigin as PublishedRoutingOrigin,
} from '@samad/events';
import type { RequestEvent } from './request.events';
import { erasedCitizen, erasedText, occurredAt } from './request.events';
import { requestStreamName } from './request-stream-name';
import type {
  AnswerOutcome,
  CloseReason,
  RequestChannel,
  RequestKind,
  RequestStatus,
  RoutingOrigin,
} from './request.vocabulary';

// The domain vocabulary and the published v1 vocabulary must stay equal; a drift fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const vocabularyMatchesV1: [
  Same<RequestKind, PublishedKind>,
  Same<RequestChannel, PublishedChannel>,
  Same<AnswerOutcome, PublishedOutcome>,
  Same<RoutingOrigin, PublishedRoutingOrigin>,
  Same<CloseReason, PublishedCloseReason>,
  Same<RequestStatus, PublishedStatus>,
] = [true, true, true, true, true, true];
void vocabularyMatchesV1;

type Payload = Pick<RequestLifecycleIntegrationEventV1, 'eventType' | 'eventVersion' | 'data'>;
type PayloadOf<T extends RequestLifecycleIntegrationEventV1['eventType']> = Pick<
  Extract<RequestLifecycleIntegrationEventV1, { eventType: T }>,
  'eventType' | 'eventVersion' | 'data'
>;

const payload = <T extends RequestLifecycleIntegrationEventV1['eventType']>(
  eventType: T,
  data: PayloadOf<T>['data'],
): PayloadOf<T> => ({ eventType, eventVersion: 1, data }) as PayloadOf<T>;

/**
 * Domain event → its v1 integration form (type, version, data), personal data and free text in clear. v1
 * data equals the domain data; the topic carries v2, which is this with them sealed (the relay's encoder);
 * mapping each type explicitly means a domain change that breaks the contract fails to compile.
 */
export const toIntegrationPayload = (event: RequestEvent): Payload => {
  switch (event.type) {
    case 'RequestRegistered': {
      // The priority's reason is free text: sealed in the store and in the history, never on a topic.
      const { priorityReason: _reason, ...data } = event.data;
      return payload(IntegrationEventTypes.requestRegistered, data);
    }
    case 'RequestRoutedToAgency':
      return payload(IntegrationEventTypes.requestRoutedToAgency, event.data);
    case 'RequestAwaitingManualRouting':
      return payload(IntegrationEventTypes.requestAwaitingManualRouting, event.data);
    case 'RequestAcknowledged':
      return payload(IntegrationEventTypes.requestAcknowledged, event.data);
    case 'RequestReferredInsideAgency':
      return payload(IntegrationEventTypes.requestReferredInsideAgency, event.data);
    case 'RequestReturnedAsNotResponsible':
      return payload(IntegrationEventTypes.requestReturnedAsNotResponsible, event.data);
    case 'RequestAnswered':
      return payload(IntegrationEventTypes.requestAnswered, event.data);
    case 'FollowUpRecorded':
      return payload(IntegrationEventTypes.followUpRecorded, event.data);
    case 'RequestClosed':
      return payload(IntegrationEventTypes.requestClosed, event.data);
    case 'PersonalDataErased':
      return payload(IntegrationEventTypes.requestPersonalDataErased, event.data);
    case 'DueTimeSet': {
      // The reason is free text: it stays in the store (sealed) and the history, never on a topic.
      const { reason: _reason, ...data } = event.data;
      return payload(IntegrationEventTypes.requestDueTimeSet, data);
    }
    case 'DeadlineApproaching':
      return payload(IntegrationEventTypes.requestDeadlineApproaching, event.data);
    case 'DeadlineMissed':
      return payload(IntegrationEventTypes.requestDeadlineMissed, event.data);
    case 'RequestEscalated':
      return payload(IntegrationEventTypes.requestEscalated, event.data);
    case 'AnswerRated': {
      // The comment is free text: sealed in the store and shown in the history, never on a topic.
      const { comment: _comment, ...data } = event.data;
      return payload(IntegrationEventTypes.requestAnswerRated, data);
    }
    case 'AnswerObjected': {
      const { reason: _reason, ...data } = event.data;
      return payload(IntegrationEventTypes.requestAnswerObjected, data);
    }
    // ADR 24: the free text of these facts stays in the store (sealed) and the history, never on a topic.
    case 'ExtensionRequested': {
      const { reason: _reason, ...data } = event.data;
      return payload(IntegrationEventTypes.requestExtensionRequested, data);
    }
    case 'ExtensionApproved':
      return payload(IntegrationEventTypes.requestExtensionApproved, event.data);
    case 'ExtensionRefused': {
      const { reason: _reason, ...data } = event.data;
      return payload(IntegrationEventTypes.requestExtensionRefused, data);
    }
    case 'InformationRequested': {
      const { question: _question, ...data } = event.data;
      return payload(IntegrationEventTypes.requestInformationRequested, data);
    }
    case 'InformationSupplied': {
      const { information: _information, ...data } = event.data;
      return payload(IntegrationEventTypes.requestInformationSupplied, data);
    }
    case 'DeadlineResumed':
      return payload(IntegrationEventTypes.requestDeadlineResumed, event.data);
    // ADR 27: merges and matters carry no personal data; a signatory's identity stays in the store.
    case 'MergedAsDuplicate':
      return payload(IntegrationEventTypes.requestMergedAsDuplicate, event.data);
    case 'DuplicateAbsorbed':
      return payload(IntegrationEventTypes.requestDuplicateAbsorbed, event.data);
    case 'LinkedToMatter':
      return payload(IntegrationEventTypes.requestLinkedToMatter, event.data);
    case 'SignatoryAdded': {
      const { citizen: _citizen, ...data } = event.data;
      return payload(IntegrationEventTypes.requestSignatoryAdded, data);
    }
    case 'AttachmentAdded':
      return payload(IntegrationEventTypes.requestAttachmentAdded, {
        ...event.data,
        contentType: event.data.contentType as 'application/pdf' | 'image/jpeg' | 'image/png',
      });
    // ADR 37: the instruction and the report stay in the store (sealed) and the history, never on a topic.
    case 'DirectiveIssued': {
      const { instruction: _instruction, ...data } = event.data;
      return payload(IntegrationEventTypes.requestDirectiveIssued, data);
    }
    case 'DirectiveReported': {
      const { report: _report, ...data } = event.data;
      return payload(IntegrationEventTypes.requestDirectiveReported, data);
    }
    case 'DirectiveOverdue':
      return payload(IntegrationEventTypes.requestDirectiveOverdue, event.data);
    default: {
      const _exhaustive: never = event;
      throw new Error(`not a request event: ${(_exhaustive as { type: string }).type}`);
    }
  }
};

/** What the store knows about a recorded event, as the relay reads it. */
export interface RecordedEventInfo {
  readonly eventId: string;
  readonly streamRevision: number | bigint;
  readonly position: string | number | bigint;
  readonly recordedAt: Date | string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor?: Actor;
}

/** The v1 envelope of a request event read back from the store; the relay's encoder makes the v2 it publishes. */
export const toIntegrationEnvelope = (
  event: RequestEvent,
  recorded: RecordedEventInfo,
): RequestLifecycleIntegrationEventV1 => {
  const { eventType, eventVersion, data } = toIntegrationPayload(event);
  return {
    eventId: recorded.eventId,
    eventType,
    eventVersion,
    streamId: requestStreamName(event.data.trackingCode),
    streamRevision: Number(recorded.streamRevision),
    position: String(recorded.position),
    occurredAt: occurredAt(event),
    recordedAt:
      typeof recorded.recordedAt === 'string' ? recorded.recordedAt : recorded.recordedAt.toISOString(),
    ...(recorded.correlationId !== undefined && { correlationId: recorded.correlationId }),
    ...(recorded.causationId !== undefined && { causationId: recorded.causationId }),
    ...(recorded.actor !== undefined && { actor: recorded.actor }),
    data,
  } as RequestLifecycleIntegrationEventV1;
};

const domainTypeOf = {
  [IntegrationEventTypes.requestRegistered]: 'RequestRegistered',
  [IntegrationEventTypes.requestRoutedToAgency]: 'RequestRoutedToAgency',
  [IntegrationEventTypes.requestAwaitingManualRouting]: 'RequestAwaitingManualRouting',
  [IntegrationEventTypes.requestAcknowledged]: 'RequestAcknowledged',
  [IntegrationEventTypes.requestReferredInsideAgency]: 'RequestReferredInsideAgency',
  [IntegrationEventTypes.requestReturnedAsNotResponsible]: 'RequestReturnedAsNotResponsible',
  [IntegrationEventTypes.requestAnswered]: 'RequestAnswered',
  [IntegrationEventTypes.followUpRecorded]: 'FollowUpRecorded',
  [IntegrationEventTypes.requestClosed]: 'RequestClosed',
  [IntegrationEventTypes.requestPersonalDataErased]: 'PersonalDataErased',
  [IntegrationEventTypes.requestDueTimeSet]: 'DueTimeSet',
  [IntegrationEventTypes.requestDeadlineApproaching]: 'DeadlineApproaching',
  [IntegrationEventTypes.requestDeadlineMissed]: 'DeadlineMissed',
  [IntegrationEventTypes.requestEscalated]: 'RequestEscalated',
  [IntegrationEventTypes.requestAnswerRated]: 'AnswerRated',
  [IntegrationEventTypes.requestAnswerObjected]: 'AnswerObjected',
  [IntegrationEventTypes.requestExtensionRequested]: 'ExtensionRequested',
  [IntegrationEventTypes.requestExtensionApproved]: 'ExtensionApproved',
  [IntegrationEventTypes.requestExtensionRefused]: 'ExtensionRefused',
  [IntegrationEventTypes.requestInformationRequested]: 'InformationRequested',
  [IntegrationEventTypes.requestInformationSupplied]: 'InformationSupplied',
  [IntegrationEventTypes.requestDeadlineResumed]: 'DeadlineResumed',
  [IntegrationEventTypes.requestMergedAsDuplicate]: 'MergedAsDuplicate',
  [IntegrationEventTypes.requestDuplicateAbsorbed]: 'DuplicateAbsorbed',
  [IntegrationEventTypes.requestLinkedToMatter]: 'LinkedToMatter',
  [IntegrationEventTypes.requestSignatoryAdded]: 'SignatoryAdded',
  [IntegrationEventTypes.requestAttachmentAdded]: 'AttachmentAdded',
  [IntegrationEventTypes.requestDirectiveIssued]: 'DirectiveIssued',
  [IntegrationEventTypes.requestDirectiveReported]: 'DirectiveReported',
  [IntegrationEventTypes.requestDirectiveOverdue]: 'DirectiveOverdue',
} as const satisfies Record<RequestLifecycleIntegrationEventV1['eventType'], RequestEvent['type']>;

/** The domain event type of a request integration event type. */
export const requestEventTypeOf = (
  eventType: RequestLifecycleIntegrationEventV1['eventType'],
): RequestEvent['type'] => domainTypeOf[eventType];

/**
 * v1 event (an opened or a withheld v2 one) → domain event, so a consumer can fold a request's state from
 * the topic without reading the store. The inverse of `toIntegrationPayload` (v1 data equals the domain data).
 */
export const toRequestEvent = (event: RequestLifecycleIntegrationEventV1): RequestEvent => {
  const type = domainTypeOf[event.eventType];
  const withheld = withheldTextOf[type];
  // A signatory's identity never travels on the topic: folded from it, they read as erased.
  if (type === 'SignatoryAdded')
    return { type, data: { ...event.data, citizen: erasedCitizen } } as RequestEvent;
  return { type, data: withheld ? { ...event.data, [withheld]: erasedText } : event.data } as RequestEvent;
};

// The free text a fact leaves off its topic: a consumer folding from the topic reads it as erased.
const withheldTextOf: Partial<Record<RequestEvent['type'], string>> = {
  DueTimeSet: 'reason',
  ExtensionRequested: 'reason',
  ExtensionRefused: 'reason',
  InformationRequested: 'question',
  InformationSupplied: 'information',
  DirectiveIssued: 'instruction',
  DirectiveReported: 'report',
};
