import type { RecordedEvent } from '@samad/event-store';
import {
  evolve,
  initialState,
  isRegistered,
  type RegisteredRequest,
  type RequestEvent,
  type RequestState,
  type RequestStatus,
} from '@samad/request-lifecycle';

/** The spec's two statuses: open while Samad still owes the citizen an answer. */
export const open311Status = (status: RequestStatus): 'open' | 'closed' =>
  status === 'answered' || status === 'closed' ? 'closed' : 'open';

/** FixMyStreet's extended statuses (servicerequestupdates), as its Open311 client understands them. */
export type FmsStatus =
  | 'OPEN'
  | 'INVESTIGATING'
  | 'IN_PROGRESS'
  | 'ACTION_SCHEDULED'
  | 'FIXED'
  | 'NOT_COUNCILS_RESPONSIBILITY'
  | 'DUPLICATE'
  | 'INTERNAL_REFERRAL'
  | 'NO_FURTHER_ACTION'
  | 'CLOSED'
  | 'REOPEN';

/**
 * Which of Samad's facts is a status change a citizen sees, and as what (the table in docs/open311.md).
 * Facts only the province's staff act on (deadline warnings, escalations, extension requests, ratings)
 * are not updates; a follow-up keeps the status the request had.
 */
export const fmsStatusOf = (
  event: RequestEvent,
  before: RequestStatus | undefined,
): FmsStatus | undefined => {
  switch (event.type) {
    case 'RequestRegistered':
    case 'RequestAwaitingManualRouting':
      return 'OPEN';
    case 'RequestRoutedToAgency':
      return 'INTERNAL_REFERRAL';
    case 'RequestAcknowledged':
      return 'INVESTIGATING';
    case 'RequestReferredInsideAgency':
    case 'InformationRequested':
    case 'InformationSupplied':
      return 'IN_PROGRESS';
    case 'ExtensionApproved':
    case 'DueTimeSet':
    case 'DeadlineResumed':
      return 'ACTION_SCHEDULED';
    case 'RequestReturnedAsNotResponsible':
      return 'NOT_COUNCILS_RESPONSIBILITY';
    case 'RequestAnswered':
      return event.data.outcome === 'positive'
        ? 'FIXED'
        : event.data.outcome === 'negative'
          ? 'NO_FURTHER_ACTION'
          : 'CLOSED';
    case 'AnswerObjected':
      return 'REOPEN';
    case 'RequestClosed':
      return event.data.reason === 'duplicate' ? 'DUPLICATE' : 'CLOSED';
    case 'FollowUpRecorded':
      return before === undefined ? 'OPEN' : open311Status(before) === 'closed' ? 'CLOSED' : 'IN_PROGRESS';
    default:
      return undefined;
  }
};

/**
 * status_notes: the agency's answer, which in Samad is written to the citizen and here published
 * (ADR 0032), or where a duplicate points. Never the citizen's words, an internal note or a reason.
 * After erasure the answer reads "[erased]" like everywhere else.
 */
export const statusNotesOf = (request: RegisteredRequest): string | undefined => {
  if (request.closure?.reason === 'duplicate' && request.closure.duplicateOf !== undefined) {
    return `duplicate of ${request.closure.duplicateOf}`;
  }
  if ((request.status === 'answered' || request.status === 'closed') && request.answer)
    return request.answer.text;
  return undefined;
};

export interface RequestUpdate {
  update_id: string;
  service_request_id: string;
  status: FmsStatus;
  updated_datetime: string;
  description: string;
}

/** Every status change of one request's stream between `from` and `to`, oldest first. */
export const updatesOf = (
  events: readonly (RecordedEvent & RequestEvent)[],
  states: readonly RequestStatus[],
  from: Date,
  to: Date,
  describe: (change: { event: RequestEvent; status: FmsStatus; after: RequestStatus }) => string,
): RequestUpdate[] =>
  events.flatMap((event, index) => {
    const status = fmsStatusOf(event, index === 0 ? undefined : states[index - 1]);
    if (status === undefined || event.recordedAt < from || event.recordedAt > to) return [];
    const trackingCode = (event.data as { trackingCode: string }).trackingCode;
    return [
      {
        update_id: `${trackingCode}-${event.streamRevision}`,
        service_request_id: trackingCode,
        status,
        updated_datetime: event.recordedAt.toISOString(),
        description: describe({ event, status, after: states[index] }),
      },
    ];
  });

/** The request's Samad status after each event of its stream. */
export const statusesAfterEach = (events: readonly RequestEvent[]): RequestStatus[] => {
  let state: RequestState = initialState();
  return events.map((event) => {
    state = evolve(state, event);
    return isRegistered(state) ? state.status : 'registered';
  });
};
