import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import type {
  ErasedCitizenV1,
  FollowUpRecordedV1,
  RequestAcknowledgedEventV1,
  RequestAnsweredV1,
  RequestAwaitingManualRoutingEventV1,
  RequestClosedV1,
  RequestPersonalDataErasedEventV1,
  RequestReferredInsideAgencyV1,
  RequestRegisteredV1,
  RequestReturnedAsNotResponsibleV1,
  RequestRoutedToAgencyEventV1,
} from './request-events.v1.contract';
import { requestEventDataSchemasV1 } from './request-events.v1.contract';
import type { RequestDeadlineIntegrationEventV1 } from './request-deadline-events.v1.contract';
import type { RequestVerdictIntegrationEventV1 } from './request-verdict-events.v1.contract';
import type { RequestExtensionIntegrationEventV1 } from './request-extension-events.v1.contract';
import type { RequestMatterIntegrationEventV1 } from './request-matter-events.v1.contract';
import type { RequestAttachmentIntegrationEventV1 } from './request-attachment-events.v1.contract';
import type { RequestDirectiveIntegrationEventV1 } from './request-directive-events.v1.contract';
import { objectOf } from './schema-fragments';

// Version 2 of the six request events that hold citizens' personal data or free text (issue #9, ADR 19).
// Samad.request-events carries them exactly as the event store keeps them: each citizen sealed under the
// citizen's own key, each free text sealed under the representative's key (citizens[0]). Once a key is
// destroyed nothing on the topic opens any more. A consumer that needs the values opens them through the
// citizen key vault and gets the v1 form back; one that does not (routing, reporting) never sees them.

/** A citizen as stored: a random pseudonym, and the national code, name and mobile sealed (`pd1.…`). */
export interface SealedCitizenV2 {
  readonly citizenRef: string;
  readonly sealed: string;
}

/** Free text as stored: sealed under the key of the citizen at `citizenIndex` of the registration. */
export interface SealedTextV2 {
  readonly citizenRef: string;
  readonly citizenIndex: number;
  readonly sealed: string;
}

/** Free text that is not there to give: given after its citizen was erased, or withheld from a v1 message. */
export interface WithheldTextV2 {
  readonly erased: true;
}

export type ProtectedTextV2 = SealedTextV2 | WithheldTextV2;
export type ProtectedCitizenV2 = SealedCitizenV2 | ErasedCitizenV1;

type Protect<Data, Fields extends keyof Data> = Omit<Data, Fields> & {
  readonly [F in Fields]: undefined extends Data[F] ? ProtectedTextV2 | undefined : ProtectedTextV2;
};

export type RequestRegisteredV2 = Omit<Protect<RequestRegisteredV1, 'description'>, 'citizens'> & {
  readonly citizens: readonly ProtectedCitizenV2[];
};
export type RequestReferredInsideAgencyV2 = Protect<RequestReferredInsideAgencyV1, 'note'>;
export type RequestReturnedAsNotResponsibleV2 = Protect<RequestReturnedAsNotResponsibleV1, 'reason'>;
export type RequestAnsweredV2 = Protect<RequestAnsweredV1, 'text'>;
export type FollowUpRecordedV2 = Protect<FollowUpRecordedV1, 'note'>;
export type RequestClosedV2 = Protect<RequestClosedV1, 'note'>;

type V2<Type extends string, Data> = IntegrationEventEnvelope<Type, 2, Data>;
export type RequestRegisteredEventV2 = V2<
  typeof IntegrationEventTypes.requestRegistered,
  RequestRegisteredV2
>;
export type RequestReferredInsideAgencyEventV2 = V2<
  typeof IntegrationEventTypes.requestReferredInsideAgency,
  RequestReferredInsideAgencyV2
>;
export type RequestReturnedAsNotResponsibleEventV2 = V2<
  typeof IntegrationEventTypes.requestReturnedAsNotResponsible,
  RequestReturnedAsNotResponsibleV2
>;
export type RequestAnsweredEventV2 = V2<typeof IntegrationEventTypes.requestAnswered, RequestAnsweredV2>;
export type FollowUpRecordedEventV2 = V2<typeof IntegrationEventTypes.followUpRecorded, FollowUpRecordedV2>;
export type RequestClosedEventV2 = V2<typeof IntegrationEventTypes.requestClosed, RequestClosedV2>;

/** What samad.request-events carries: the current version of every request event. */
export type RequestLifecycleIntegrationEvent =
  | RequestRegisteredEventV2
  | RequestRoutedToAgencyEventV1
  | RequestAwaitingManualRoutingEventV1
  | RequestAcknowledgedEventV1
  | RequestReferredInsideAgencyEventV2
  | RequestReturnedAsNotResponsibleEventV2
  | RequestAnsweredEventV2
  | FollowUpRecordedEventV2
  | RequestClosedEventV2
  | RequestPersonalDataErasedEventV1
  | RequestDeadlineIntegrationEventV1
  | RequestVerdictIntegrationEventV1
  | RequestExtensionIntegrationEventV1
  | RequestMatterIntegrationEventV1
  | RequestAttachmentIntegrationEventV1
  | RequestDirectiveIntegrationEventV1;

/** The free-text fields of each v2 event (the same names as in v1 and in the domain events). */
export const protectedTextFieldsV2 = {
  [IntegrationEventTypes.requestRegistered]: ['description'],
  [IntegrationEventTypes.requestReferredInsideAgency]: ['note'],
  [IntegrationEventTypes.requestReturnedAsNotResponsible]: ['reason'],
  [IntegrationEventTypes.requestAnswered]: ['text'],
  [IntegrationEventTypes.followUpRecorded]: ['note'],
  [IntegrationEventTypes.requestClosed]: ['note'],
} as const satisfies Partial<Record<RequestLifecycleIntegrationEvent['eventType'], readonly string[]>>;

export type ProtectedEventTypeV2 = keyof typeof protectedTextFieldsV2;

const sealedValue: SchemaObject = {
  type: 'string',
  pattern: '^pd1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$',
};
const citizenRef: SchemaObject = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
};
const closed = (properties: Record<string, SchemaObject>): SchemaObject =>
  objectOf(properties, [], { additionalProperties: false });

const erasedCitizenV1: SchemaObject = closed({
  erased: { const: true },
  nationalCode: { type: 'null' },
  fullName: { type: 'null' },
  mobile: { type: 'null' },
});

// Closed: a citizen or a text in clear, or one with anything next to its sealed bytes, fails validation.
const protectedCitizen: SchemaObject = {
  oneOf: [closed({ citizenRef, sealed: sealedValue }), erasedCitizenV1],
};
const protectedText: SchemaObject = {
  oneOf: [
    closed({ citizenRef, citizenIndex: { type: 'integer', minimum: 0 }, sealed: sealedValue }),
    closed({ erased: { const: true } }),
  ],
};

const withProtectedText = (
  v1: SchemaObject,
  fields: readonly string[],
  extra: Record<string, SchemaObject> = {},
): SchemaObject => ({
  ...v1,
  properties: {
    ...(v1.properties as Record<string, SchemaObject>),
    ...Object.fromEntries(fields.map((field) => [field, protectedText])),
    ...extra,
  },
});

const T = IntegrationEventTypes;

/** Data schemas of the v2 request events, keyed by event type. */
export const requestEventDataSchemasV2: Record<ProtectedEventTypeV2, SchemaObject> = {
  [T.requestRegistered]: withProtectedText(requestEventDataSchemasV1[T.requestRegistered], ['description'], {
    citizens: { type: 'array', minItems: 1, items: protectedCitizen },
  }),
  [T.requestReferredInsideAgency]: withProtectedText(
    requestEventDataSchemasV1[T.requestReferredInsideAgency],
    ['note'],
  ),
  [T.requestReturnedAsNotResponsible]: withProtectedText(
    requestEventDataSchemasV1[T.requestReturnedAsNotResponsible],
    ['reason'],
  ),
  [T.requestAnswered]: withProtectedText(requestEventDataSchemasV1[T.requestAnswered], ['text']),
  [T.followUpRecorded]: withProtectedText(requestEventDataSchemasV1[T.followUpRecorded], ['note']),
  [T.requestClosed]: withProtectedText(requestEventDataSchemasV1[T.requestClosed], ['note']),
};

const isSealedCitizen = (value: unknown): value is SealedCitizenV2 =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SealedCitizenV2).citizenRef === 'string' &&
  typeof (value as SealedCitizenV2).sealed === 'string';

const isProtectedText = (value: unknown): value is ProtectedTextV2 =>
  typeof value === 'object' &&
  value !== null &&
  ((value as WithheldTextV2).erased === true || isSealedCitizen(value));

const erasedCitizen: ErasedCitizenV1 = { erased: true, nationalCode: null, fullName: null, mobile: null };

/**
 * The v2 data of an event whose personal data may be in clear (a v1 message, an event stored before
 * sealing existed): sealed values are kept as they are, anything in clear is withheld (reads as erased).
 * What a topic carries must stay unreadable once a key is destroyed, and a clear value never would.
 */
export const withholdClearPersonalData = (eventType: ProtectedEventTypeV2, data: object): object => {
  const withheld: Record<string, unknown> = { ...data };
  for (const field of protectedTextFieldsV2[eventType]) {
    const value = withheld[field];
    if (value !== undefined && !isProtectedText(value)) withheld[field] = { erased: true };
  }
  if (eventType === T.requestRegistered) {
    const citizens = (withheld.citizens as readonly unknown[] | undefined) ?? [];
    withheld.citizens = citizens.map((c) => (isSealedCitizen(c) ? c : erasedCitizen));
  }
  return withheld;
};

export const isProtectedEventTypeV2 = (eventType: string): eventType is ProtectedEventTypeV2 =>
  Object.prototype.hasOwnProperty.call(protectedTextFieldsV2, eventType);
