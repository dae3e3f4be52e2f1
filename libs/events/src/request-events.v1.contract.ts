import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import {
  requestDeadlineEventDataSchemasV1,
  type RequestDeadlineIntegrationEventV1,
} from './request-deadline-events.v1.contract';
import {
  requestVerdictEventDataSchemasV1,
  type RequestVerdictIntegrationEventV1,
} from './request-verdict-events.v1.contract';
import {
  requestExtensionEventDataSchemasV1,
  type RequestExtensionIntegrationEventV1,
} from './request-extension-events.v1.contract';
import {
  requestDirectiveEventDataSchemasV1,
  type RequestDirectiveIntegrationEventV1,
} from './request-directive-events.v1.contract';
import {
  requestMatterEventDataSchemasV1,
  type RequestMatterIntegrationEventV1,
} from './request-matter-events.v1.contract';
import {
  requestAttachmentEventDataSchemasV1,
  type RequestAttachmentIntegrationEventV1,
} from './request-attachment-events.v1.contract';
import {
  answerOutcomes,
  closeReasons,
  requestChannels,
  requestKinds,
  requestPriorities,
  routingOrigins,
  type AnswerOutcome,
  type CloseReason,
  type RequestChannel,
  type RequestKind,
  type RequestPriority,
  type RoutingOrigin,
} from './request-vocabulary';
import {
  agencyCode,
  code,
  enumOf,
  iranianMobile,
  nationalCode,
  nonEmptyText,
  objectOf,
  trackingCode,
  utcTimestamp,
} from './schema-fragments';

// Request lifecycle integration events, version 1 (the form with personal data in clear; see the v2 contract).
// Timestamps are UTC ISO-8601 strings. Schemas accept extra properties (tolerant reader):
// a version only ever gains optional fields; anything else is a new version with an upcaster.

export interface CitizenV1 {
  /**
   * 10 digits; null for a citizen who filed online (channel `web`) without one and is known by the mobile
   * (ADR 39). Added to v1 as a tolerant change, like the erased shape: a present citizen always has a name
   * and a mobile, so `mobile !== null` tells a mobile-only citizen from an erased one.
   */
  readonly nationalCode: string | null;
  readonly fullName: string;
  /** Canonical `09xxxxxxxxx`. */
  readonly mobile: string;
}

/**
 * A citizen whose personal data was erased (issue #5): the key that sealed it is destroyed, so every
 * field reads null. Added to v1 as a tolerant change: every producer and consumer of samad.request-events
 * ships with these contracts; the rest of the request (category, county, dates, answers) is unchanged.
 */
export interface ErasedCitizenV1 {
  readonly erased: true;
  readonly nationalCode: null;
  readonly fullName: null;
  readonly mobile: null;
}

export type RegisteredCitizenV1 = CitizenV1 | ErasedCitizenV1;

export interface RequestRegisteredV1 {
  readonly trackingCode: string;
  readonly kind: RequestKind;
  readonly channel: RequestChannel;
  readonly collective: boolean;
  readonly citizens: readonly RegisteredCitizenV1[];
  readonly countyCode: string;
  readonly categoryCode: string;
  readonly description: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
  /** Added compatibly (optional): absent reads `normal`. The operator's reason stays in the store. */
  readonly priority?: RequestPriority;
  /** A provincial-trip letter (ADR 28): its campaign, number, date and the campaign's target. */
  readonly campaign?: CampaignLetterV1;
}

export interface CampaignLetterV1 {
  readonly campaignId: string;
  readonly letterNumber: string;
  readonly letterDate: string;
  readonly targetAt: string;
  /** Added compatibly (optional): the campaign's Persian name, for its board. */
  readonly campaignName?: string;
}

export interface RequestRoutedToAgencyV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly dueAt: string;
  readonly routedBy: RoutingOrigin;
  readonly ruleId?: string;
  readonly at: string;
}

export interface RequestAwaitingManualRoutingV1 {
  readonly trackingCode: string;
  readonly reason: string;
  readonly at: string;
}

export interface RequestAcknowledgedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly at: string;
}

export interface RequestReferredInsideAgencyV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  /** At least one of `unit` and `toStaff` is present. */
  readonly unit?: string;
  readonly toStaff?: string;
  readonly note?: string;
  readonly at: string;
}

export interface RequestReturnedAsNotResponsibleV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly reason: string;
  readonly at: string;
}

export interface RequestAnsweredV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly outcome: AnswerOutcome;
  readonly text: string;
  readonly answeredAt: string;
  /** The agency's answer template used, at its version (ADR 36); absent when written from scratch. */
  readonly template?: { readonly templateId: string; readonly version: number };
  /** The agency's manager took the caller at the centre and answered in person (ADR 38). */
  readonly inPerson?: true;
  /** Who answered (the manager's user id), present with `inPerson`. */
  readonly answeredBy?: string;
}

export interface FollowUpRecordedV1 {
  readonly trackingCode: string;
  readonly note: string;
  readonly channel: RequestChannel;
  readonly at: string;
}

export interface RequestClosedV1 {
  readonly trackingCode: string;
  readonly reason: CloseReason;
  /** Present exactly when reason is `duplicate`. */
  readonly duplicateOf?: string;
  readonly note?: string;
  /** The knowledge-base article cited; present exactly when reason is `answered_at_first_contact` (ADR 36). */
  readonly article?: { readonly articleId: string; readonly version: number };
  readonly at: string;
}

/** A citizen's personal data on this request was erased; `citizenIndex` points into `citizens` of the registration. */
export interface RequestPersonalDataErasedV1 {
  readonly trackingCode: string;
  readonly citizenIndex: number;
  readonly at: string;
}

export type RequestRegisteredEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestRegistered,
  1,
  RequestRegisteredV1
>;
export type RequestRoutedToAgencyEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestRoutedToAgency,
  1,
  RequestRoutedToAgencyV1
>;
export type RequestAwaitingManualRoutingEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestAwaitingManualRouting,
  1,
  RequestAwaitingManualRoutingV1
>;
export type RequestAcknowledgedEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestAcknowledged,
  1,
  RequestAcknowledgedV1
>;
export type RequestReferredInsideAgencyEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestReferredInsideAgency,
  1,
  RequestReferredInsideAgencyV1
>;
export type RequestReturnedAsNotResponsibleEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestReturnedAsNotResponsible,
  1,
  RequestReturnedAsNotResponsibleV1
>;
export type RequestAnsweredEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestAnswered,
  1,
  RequestAnsweredV1
>;
export type FollowUpRecordedEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.followUpRecorded,
  1,
  FollowUpRecordedV1
>;
export type RequestClosedEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestClosed,
  1,
  RequestClosedV1
>;

export type RequestPersonalDataErasedEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestPersonalDataErased,
  1,
  RequestPersonalDataErasedV1
>;

/**
 * Every request event in its v1 form: personal data and free text in clear. Since v2 the topic carries six
 * of them sealed; v1 is what a consumer holding the citizen key vault gets back when it opens one.
 */
export type RequestLifecycleIntegrationEventV1 =
  | RequestRegisteredEventV1
  | RequestRoutedToAgencyEventV1
  | RequestAwaitingManualRoutingEventV1
  | RequestAcknowledgedEventV1
  | RequestReferredInsideAgencyEventV1
  | RequestReturnedAsNotResponsibleEventV1
  | RequestAnsweredEventV1
  | FollowUpRecordedEventV1
  | RequestClosedEventV1
  | RequestPersonalDataErasedEventV1
  | RequestDeadlineIntegrationEventV1
  | RequestVerdictIntegrationEventV1
  | RequestExtensionIntegrationEventV1
  | RequestMatterIntegrationEventV1
  | RequestAttachmentIntegrationEventV1
  | RequestDirectiveIntegrationEventV1;

// A citizen is either present (name and mobile valid; the national code valid, or null for a mobile-only
// citizen, ADR 39) or erased (`erased: true` and all three null).
const citizenV1: SchemaObject = {
  ...objectOf({ nationalCode: {}, fullName: {}, mobile: {}, erased: { const: true } }, ['erased']),
  if: { required: ['erased'] },
  then: {
    properties: { nationalCode: { type: 'null' }, fullName: { type: 'null' }, mobile: { type: 'null' } },
  },
  else: {
    properties: {
      nationalCode: { oneOf: [nationalCode, { type: 'null' }] },
      fullName: nonEmptyText,
      mobile: iranianMobile,
    },
  },
};

/** Data schemas of the v1 request lifecycle events, keyed by event type. */
export const requestEventDataSchemasV1: Record<
  RequestLifecycleIntegrationEventV1['eventType'],
  SchemaObject
> = {
  [IntegrationEventTypes.requestRegistered]: objectOf(
    {
      trackingCode,
      kind: enumOf(requestKinds),
      channel: enumOf(requestChannels),
      collective: { type: 'boolean' },
      citizens: { type: 'array', minItems: 1, items: citizenV1 },
      countyCode: code,
      categoryCode: code,
      description: nonEmptyText,
      registeredAt: utcTimestamp,
      registeredBy: nonEmptyText,
      campaign: objectOf(
        {
          campaignId: code,
          letterNumber: nonEmptyText,
          letterDate: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
          targetAt: utcTimestamp,
          campaignName: nonEmptyText,
        },
        ['campaignName'],
      ),
      priority: enumOf(requestPriorities),
    },
    ['campaign', 'priority'],
  ),
  [IntegrationEventTypes.requestRoutedToAgency]: objectOf(
    {
      trackingCode,
      agencyCode,
      dueAt: utcTimestamp,
      routedBy: enumOf(routingOrigins),
      ruleId: code,
      at: utcTimestamp,
    },
    ['ruleId'],
  ),
  [IntegrationEventTypes.requestAwaitingManualRouting]: objectOf({
    trackingCode,
    reason: nonEmptyText,
    at: utcTimestamp,
  }),
  [IntegrationEventTypes.requestAcknowledged]: objectOf({ trackingCode, agencyCode, at: utcTimestamp }),
  [IntegrationEventTypes.requestReferredInsideAgency]: objectOf(
    {
      trackingCode,
      agencyCode,
      unit: nonEmptyText,
      toStaff: nonEmptyText,
      note: nonEmptyText,
      at: utcTimestamp,
    },
    ['unit', 'toStaff', 'note'],
    { anyOf: [{ required: ['unit'] }, { required: ['toStaff'] }] },
  ),
  [IntegrationEventTypes.requestReturnedAsNotResponsible]: objectOf({
    trackingCode,
    agencyCode,
    reason: nonEmptyText,
    at: utcTimestamp,
  }),
  [IntegrationEventTypes.requestAnswered]: objectOf(
    {
      trackingCode,
      agencyCode,
      outcome: enumOf(answerOutcomes),
      text: nonEmptyText,
      answeredAt: utcTimestamp,
      // Added with ADR 36, optional: earlier events and consumers stay valid.
      template: objectOf({ templateId: code, version: { type: 'integer', minimum: 1 } }),
      // Added with ADR 38, optional: an agency manager's answer in person, and who gave it.
      inPerson: { const: true },
      answeredBy: nonEmptyText,
    },
    ['template', 'inPerson', 'answeredBy'],
    { dependentRequired: { inPerson: ['answeredBy'] } },
  ),
  [IntegrationEventTypes.followUpRecorded]: objectOf({
    trackingCode,
    note: nonEmptyText,
    channel: enumOf(requestChannels),
    at: utcTimestamp,
  }),
  [IntegrationEventTypes.requestClosed]: objectOf(
    {
      trackingCode,
      reason: enumOf(closeReasons),
      duplicateOf: trackingCode,
      note: nonEmptyText,
      // Added with ADR 36: an optional property, so earlier consumers and events stay valid.
      article: objectOf({ articleId: code, version: { type: 'integer', minimum: 1 } }),
      at: utcTimestamp,
    },
    ['duplicateOf', 'note', 'article'],
    {
      allOf: [
        {
          if: { properties: { reason: { const: 'duplicate' } } },
          then: { required: ['duplicateOf'] },
          else: { not: { required: ['duplicateOf'] } },
        },
        {
          if: { properties: { reason: { const: 'answered_at_first_contact' } } },
          then: { required: ['article'] },
          else: { not: { required: ['article'] } },
        },
      ],
    },
  ),
  [IntegrationEventTypes.requestPersonalDataErased]: objectOf({
    trackingCode,
    citizenIndex: { type: 'integer', minimum: 0 },
    at: utcTimestamp,
  }),
  ...requestDeadlineEventDataSchemasV1,
  ...requestVerdictEventDataSchemasV1,
  ...requestExtensionEventDataSchemasV1,
  ...requestMatterEventDataSchemasV1,
  ...requestAttachmentEventDataSchemasV1,
  ...requestDirectiveEventDataSchemasV1,
};
