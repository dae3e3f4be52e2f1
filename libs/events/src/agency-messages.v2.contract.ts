import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import {
  agencyRequestChanges,
  type AgencyRequestAssignedV1,
  type AgencyRequestUpdatedV1,
} from './agency-messages.v1.contract';
import {
  closeReasons,
  requestChannels,
  requestKinds,
  requestPriorities,
  requestStatuses,
  type RequestChannel,
  type RequestPriority,
} from './request-vocabulary';
import { escalationLevels, type EscalationLevel } from './request-deadline-events.v1.contract';
import { agencyCode, code, enumOf, objectOf, trackingCode, utcTimestamp } from './schema-fragments';

// Messages on an agency's own topic (Topics.agency(code)), keyed by streamId like the request topic.
// Version 2 (issue #9, ADR 19): no personal data and no free text at all. The topic tells an agency's
// system that something happened to which request; the citizen's contact, the description and the notes
// come from the authenticated, audited agency API, which records every read. `personal_data_erased` still
// tells the agency to delete whatever it fetched about that citizen.
// The envelope reuses the source event's eventId, so agency consumers deduplicate on it.

export interface AgencyRequestAssignedV2 extends Omit<AgencyRequestAssignedV1, 'description' | 'citizens'> {
  /** How many citizens (signatories) the request has; their contact is for the agency API to give. */
  readonly citizenCount: number;
  /** عادی، فوری، بحرانی (issue #17 item 5): a critical one needs the agency at once. Absent reads `normal`. */
  readonly priority?: RequestPriority;
}

export interface AgencyRequestUpdatedV2 extends Omit<AgencyRequestUpdatedV1, 'followUp'> {
  /** Present when change is `follow_up_recorded`: how the request was chased (the note is not on the topic). */
  readonly followUp?: { readonly channel: RequestChannel };
  /** Present when change is `escalated` (issue #10): 1, the agency's manager; 2, the inspection office. */
  readonly escalationLevel?: EscalationLevel;
  /** Present when change is `answer_rated` (issue #10 item 7): the citizen's rating, 1–5. */
  readonly rating?: number;
  /** Present when change is `directive_*` (ADR 37): which directive, and when the agency must report on it. */
  readonly directive?: { readonly directiveId: string; readonly dueAt: string; readonly role: string };
  /** Present (true) when change is `answered` by the agency's manager in person at the centre (ADR 38). */
  readonly inPerson?: true;
}

export type AgencyRequestAssignedEventV2 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.agencyRequestAssigned,
  2,
  AgencyRequestAssignedV2
>;
export type AgencyRequestUpdatedEventV2 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.agencyRequestUpdated,
  2,
  AgencyRequestUpdatedV2
>;
/** What agency topics carry: the current version of each agency message. */
export type AgencyIntegrationEvent = AgencyRequestAssignedEventV2 | AgencyRequestUpdatedEventV2;

// Closed on purpose: a name, a mobile, a national code or a text slipping into an agency topic fails.
const closedObjectOf = (
  properties: Record<string, SchemaObject>,
  optional: readonly string[] = [],
  extra: SchemaObject = {},
): SchemaObject => objectOf(properties, optional, { additionalProperties: false, ...extra });

export const agencyMessageDataSchemasV2: Record<AgencyIntegrationEvent['eventType'], SchemaObject> = {
  [IntegrationEventTypes.agencyRequestAssigned]: closedObjectOf(
    {
      trackingCode,
      agencyCode,
      kind: enumOf(requestKinds),
      collective: { type: 'boolean' },
      categoryCode: code,
      countyCode: code,
      citizenCount: { type: 'integer', minimum: 1 },
      registeredAt: utcTimestamp,
      assignedAt: utcTimestamp,
      dueAt: utcTimestamp,
      priority: enumOf(requestPriorities),
    },
    ['priority'],
  ),
  [IntegrationEventTypes.agencyRequestUpdated]: closedObjectOf(
    {
      trackingCode,
      agencyCode,
      change: enumOf(agencyRequestChanges),
      status: enumOf(requestStatuses),
      at: utcTimestamp,
      dueAt: utcTimestamp,
      followUp: closedObjectOf({ channel: enumOf(requestChannels) }),
      closeReason: enumOf(closeReasons),
      escalationLevel: { type: 'integer', enum: [...escalationLevels] },
      rating: { type: 'integer', minimum: 1, maximum: 5 },
      directive: closedObjectOf({
        directiveId: { type: 'string', minLength: 1, maxLength: 64 },
        dueAt: utcTimestamp,
        role: { type: 'string', enum: ['supervisor', 'official'] },
      }),
      inPerson: { const: true },
    },
    ['dueAt', 'followUp', 'closeReason', 'escalationLevel', 'rating', 'directive', 'inPerson'],
    {
      allOf: [
        {
          if: { properties: { change: { const: 'follow_up_recorded' } } },
          then: { required: ['followUp'] },
        },
        { if: { properties: { change: { const: 'closed' } } }, then: { required: ['closeReason'] } },
        {
          if: { properties: { change: { const: 'escalated' } } },
          then: { required: ['escalationLevel'] },
        },
        { if: { properties: { change: { const: 'answer_rated' } } }, then: { required: ['rating'] } },
        { if: { properties: { change: { const: 'reopened' } } }, then: { required: ['dueAt'] } },
        {
          if: {
            properties: { change: { enum: ['directive_issued', 'directive_reported', 'directive_overdue'] } },
          },
          then: { required: ['directive'] },
        },
        {
          if: { properties: { change: { const: 'directive_overdue' } } },
          then: { required: ['escalationLevel'] },
        },
        {
          if: { required: ['inPerson'] },
          then: { properties: { change: { const: 'answered' } } },
        },
      ],
    },
  ),
};

/** v1 → v2 of an assigned message: the contacts and the description are dropped, their count kept. */
export const agencyRequestAssignedV1ToV2 = ({
  description: _description,
  citizens,
  ...rest
}: AgencyRequestAssignedV1): AgencyRequestAssignedV2 => ({ ...rest, citizenCount: citizens.length });

/** v1 → v2 of an update: a follow-up keeps its channel, not its note. */
export const agencyRequestUpdatedV1ToV2 = ({
  followUp,
  ...rest
}: AgencyRequestUpdatedV1): AgencyRequestUpdatedV2 => ({
  ...rest,
  ...(followUp !== undefined && { followUp: { channel: followUp.channel } }),
});
