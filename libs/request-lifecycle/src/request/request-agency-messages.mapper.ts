import {
  IntegrationEventTypes,
  Topics,
  type AgencyIntegrationEvent,
  type AgencyRequestChange,
  type AgencyRequestUpdatedV2,
} from '@samad/events';
import type { RequestEvent } from './request.events';
import { evolve } from './request.evolve';
import { requestStreamName } from './request-stream-name';
import type { RequestState } from './request.state';
import { isHeldStatus } from './request.vocabulary';

/** A message for one agency's own topic; wrap it in an envelope with the source event's recorded info. */
export interface AgencyTopicMessage {
  readonly topic: string;
  /** Same key as the request topic, so an agency sees a request's messages in order. */
  readonly key: string;
  readonly agencyCode: string;
  readonly eventType: AgencyIntegrationEvent['eventType'];
  readonly eventVersion: 2;
  readonly data: AgencyIntegrationEvent['data'];
}

const changeOf: Partial<Record<RequestEvent['type'], AgencyRequestChange>> = {
  RequestAcknowledged: 'acknowledged',
  RequestReferredInsideAgency: 'referred_inside_agency',
  RequestReturnedAsNotResponsible: 'returned_as_not_responsible',
  RequestAnswered: 'answered',
  FollowUpRecorded: 'follow_up_recorded',
  RequestClosed: 'closed',
  DueTimeSet: 'due_time_set',
  DeadlineApproaching: 'deadline_approaching',
  DeadlineMissed: 'deadline_missed',
  RequestEscalated: 'escalated',
  AnswerRated: 'answer_rated',
  AnswerObjected: 'reopened',
  ExtensionRequested: 'extension_requested',
  ExtensionApproved: 'extension_approved',
  ExtensionRefused: 'extension_refused',
  InformationRequested: 'information_requested',
  InformationSupplied: 'information_supplied',
  DeadlineResumed: 'deadline_resumed',
  LinkedToMatter: 'linked_to_matter',
  MergedAsDuplicate: 'merged_as_duplicate',
  DirectiveIssued: 'directive_issued',
  DirectiveReported: 'directive_reported',
  DirectiveOverdue: 'directive_overdue',
};

const message = (
  agencyCode: string,
  trackingCode: string,
  eventType: AgencyIntegrationEvent['eventType'],
  data: AgencyIntegrationEvent['data'],
): AgencyTopicMessage => ({
  topic: Topics.agency(agencyCode),
  key: requestStreamName(trackingCode),
  agencyCode,
  eventType,
  eventVersion: 2,
  data,
});

/**
 * What an agency's own topic receives for one request event, given the request's state before it.
 * One message per event: the new agency on routing, otherwise the agency that holds (or held) the
 * request; an erasure goes to every agency that was given the contact. Only the citizen's name and
 * mobile leave the centre, never the national code.
 */
export const toAgencyMessages = (before: RequestState, event: RequestEvent): AgencyTopicMessage[] => {
  const after = evolve(before, event);
  if (after.status === 'not_registered') return [];
  const { trackingCode } = after;

  if (event.type === 'RequestRoutedToAgency') {
    const { agencyCode, dueAt, at } = event.data;
    return [
      message(agencyCode, trackingCode, IntegrationEventTypes.agencyRequestAssigned, {
        trackingCode,
        agencyCode,
        kind: after.kind,
        collective: after.collective,
        categoryCode: after.categoryCode,
        countyCode: after.countyCode,
        citizenCount: after.citizens.length,
        registeredAt: after.registeredAt,
        assignedAt: at,
        dueAt,
        priority: after.priority,
      }),
    ];
  }

  if (event.type === 'PersonalDataErased') {
    // Whoever could fetch the contact (the holder or answerer, and agencies that returned it) must drop it.
    const told = new Set([
      ...after.returnedBy,
      ...(after.agencyCode === undefined ? [] : [after.agencyCode]),
    ]);
    const isHeldNow = isHeldStatus(after.status);
    return [...told].map((agencyCode) =>
      message(agencyCode, trackingCode, IntegrationEventTypes.agencyRequestUpdated, {
        trackingCode,
        agencyCode,
        change: 'personal_data_erased',
        status: after.status,
        at: event.data.at,
        ...(isHeldNow &&
          after.agencyCode === agencyCode &&
          after.dueAt !== undefined && { dueAt: after.dueAt }),
      }),
    );
  }

  if (
    event.type === 'DirectiveIssued' ||
    event.type === 'DirectiveReported' ||
    event.type === 'DirectiveOverdue'
  ) {
    // To the agency the directive binds, with its id and due time; never the instruction or the report.
    const { agencyCode, directiveId, at } = event.data;
    const directive = after.directives?.[directiveId];
    if (!directive) return [];
    const isHeldNow = after.agencyCode === agencyCode && isHeldStatus(after.status);
    return [
      message(agencyCode, trackingCode, IntegrationEventTypes.agencyRequestUpdated, {
        trackingCode,
        agencyCode,
        change: changeOf[event.type]!,
        status: after.status,
        at,
        ...(isHeldNow && after.dueAt !== undefined && { dueAt: after.dueAt }),
        directive: { directiveId, dueAt: directive.dueAt, role: directive.role },
        ...(event.type === 'DirectiveOverdue' && { escalationLevel: 1 as const }),
      }),
    ];
  }

  const change = changeOf[event.type];
  // A return leaves no holder: tell the agency that returned it; otherwise whoever holds or answered it.
  const agencyCode =
    event.type === 'RequestReturnedAsNotResponsible' ? event.data.agencyCode : holderOf(before);
  if (change === undefined || agencyCode === undefined) return [];

  const isHeld = after.agencyCode === agencyCode && isHeldStatus(after.status);
  const update: AgencyRequestUpdatedV2 = {
    trackingCode,
    agencyCode,
    change,
    status: after.status,
    at: event.type === 'RequestAnswered' ? event.data.answeredAt : (event.data as { at: string }).at,
    ...(isHeld && after.dueAt !== undefined && { dueAt: after.dueAt }),
    ...(event.type === 'FollowUpRecorded' && {
      followUp: { channel: event.data.channel },
    }),
    ...(event.type === 'RequestClosed' && { closeReason: event.data.reason }),
    ...(event.type === 'RequestEscalated' && { escalationLevel: event.data.level }),
    ...(event.type === 'AnswerRated' && { rating: event.data.rating }),
    ...(event.type === 'RequestAnswered' && event.data.inPerson === true && { inPerson: true as const }),
  };
  return [message(agencyCode, trackingCode, IntegrationEventTypes.agencyRequestUpdated, update)];
};

const holderOf = (state: RequestState): string | undefined =>
  state.status === 'not_registered' ? undefined : state.agencyCode;
