import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import {
  closeReasons,
  requestChannels,
  requestKinds,
  requestStatuses,
  type CloseReason,
  type RequestChannel,
  type RequestKind,
  type RequestStatus,
} from './request-vocabulary';
import {
  agencyCode,
  code,
  enumOf,
  iranianMobile,
  nonEmptyText,
  objectOf,
  trackingCode,
  utcTimestamp,
} from './schema-fragments';

// Version 1 of the messages on an agency's own topic; producers emit v2 (no personal data, no free text).
// They carry only the personal data an agency needs to contact the citizen: name and mobile, never the
// national code, and once a citizen's personal data is erased not even those (AgencyErasedCitizenContactV1).
// The envelope reuses the source event's eventId, so agency consumers deduplicate on it.

/** Contact details an agency may see. */
export interface AgencyCitizenContactV1 {
  readonly fullName: string;
  readonly mobile: string;
}

/** A citizen whose personal data was erased before this message was produced: no contact left to give. */
export interface AgencyErasedCitizenContactV1 {
  readonly erased: true;
  readonly fullName: null;
  readonly mobile: null;
}

export interface AgencyRequestAssignedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly kind: RequestKind;
  readonly collective: boolean;
  readonly categoryCode: string;
  readonly countyCode: string;
  readonly description: string;
  readonly citizens: readonly (AgencyCitizenContactV1 | AgencyErasedCitizenContactV1)[];
  readonly registeredAt: string;
  readonly assignedAt: string;
  readonly dueAt: string;
}

export const agencyRequestChanges = [
  'acknowledged',
  'referred_inside_agency',
  'returned_as_not_responsible',
  'answered',
  'follow_up_recorded',
  'closed',
  // Added with issue #5: a citizen's personal data was erased; delete any copy of the contact you keep.
  'personal_data_erased',
  // Added with issue #10 (tolerant, like personal_data_erased): the deadline's facts; `dueAt` is the new
  // or the missed due time, `escalationLevel` comes with `escalated`.
  'due_time_set',
  'deadline_approaching',
  'deadline_missed',
  'escalated',
  // Added with issue #10 item 7 (ADR 25): the citizen's verdict. `rating` comes with `answer_rated` (never
  // the comment); `reopened` carries the new `dueAt` (the citizen objected to the answer).
  'answer_rated',
  'reopened',
  // Added with issue #10 items 5 and 6 (tolerant, the same way): extensions and information requests;
  // `dueAt` is the due date after the change (moved on approval and on resumption).
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'information_requested',
  'information_supplied',
  'deadline_resumed',
  // Added with issue #11 (ADR 27, tolerant the same way): the request joined a collective matter
  // (answered once for all), or was closed as a duplicate of another request.
  'linked_to_matter',
  'merged_as_duplicate',
  // Added with ADR 37 (tolerant, the same way): officials' directives. `directive` names the directive and
  // its due time (never the instruction or the report); `directive_overdue` comes with `escalationLevel` 1.
  'directive_issued',
  'directive_reported',
  'directive_overdue',
] as const;
export type AgencyRequestChange = (typeof agencyRequestChanges)[number];

export interface AgencyRequestUpdatedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly change: AgencyRequestChange;
  /** The request's status after the change. */
  readonly status: RequestStatus;
  readonly at: string;
  /** Present while the agency still holds the request. */
  readonly dueAt?: string;
  /** Present when change is `follow_up_recorded`: the citizen (or the centre) chased the request. */
  readonly followUp?: { readonly note: string; readonly channel: RequestChannel };
  /** Present when change is `closed`. */
  readonly closeReason?: CloseReason;
}

export type AgencyRequestAssignedEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.agencyRequestAssigned,
  1,
  AgencyRequestAssignedV1
>;
export type AgencyRequestUpdatedEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.agencyRequestUpdated,
  1,
  AgencyRequestUpdatedV1
>;
/** The agency messages of v1, which still carried contact data and free text (see the v2 contract). */
export type AgencyIntegrationEventV1 = AgencyRequestAssignedEventV1 | AgencyRequestUpdatedEventV1;

// Closed on purpose: a national code (or anything else) slipping into an agency topic fails validation.
// Either a name and a mobile, or `erased: true` with both null.
const agencyCitizenContactV1: SchemaObject = objectOf(
  { fullName: {}, mobile: {}, erased: { const: true } },
  ['erased'],
  {
    additionalProperties: false,
    if: { required: ['erased'] },
    then: { properties: { fullName: { type: 'null' }, mobile: { type: 'null' } } },
    else: { properties: { fullName: nonEmptyText, mobile: iranianMobile } },
  },
);

export const agencyMessageDataSchemasV1: Record<AgencyIntegrationEventV1['eventType'], SchemaObject> = {
  [IntegrationEventTypes.agencyRequestAssigned]: objectOf({
    trackingCode,
    agencyCode,
    kind: enumOf(requestKinds),
    collective: { type: 'boolean' },
    categoryCode: code,
    countyCode: code,
    description: nonEmptyText,
    citizens: { type: 'array', minItems: 1, items: agencyCitizenContactV1 },
    registeredAt: utcTimestamp,
    assignedAt: utcTimestamp,
    dueAt: utcTimestamp,
  }),
  [IntegrationEventTypes.agencyRequestUpdated]: objectOf(
    {
      trackingCode,
      agencyCode,
      change: enumOf(agencyRequestChanges),
      status: enumOf(requestStatuses),
      at: utcTimestamp,
      dueAt: utcTimestamp,
      followUp: objectOf({ note: nonEmptyText, channel: enumOf(requestChannels) }),
      closeReason: enumOf(closeReasons),
    },
    ['dueAt', 'followUp', 'closeReason'],
    {
      allOf: [
        {
          if: { properties: { change: { const: 'follow_up_recorded' } } },
          then: { required: ['followUp'] },
        },
        { if: { properties: { change: { const: 'closed' } } }, then: { required: ['closeReason'] } },
      ],
    },
  ),
};
