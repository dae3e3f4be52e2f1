import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import { agencyCode, nonEmptyText, objectOf, trackingCode, utcTimestamp } from './schema-fragments';

// Extensions and information requests (issue #10, items 5 and 6; ADR 24), version 1. No free text: the
// reasons, the question and the information supplied stay in the event store (sealed, ADR 19) and the history.

export interface ExtensionRequestedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly extensionId: string;
  readonly proposedDueAt: string;
  readonly currentDueAt: string;
  readonly requestedBy: string;
  readonly at: string;
}

export interface ExtensionApprovedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly extensionId: string;
  /** The new due date: a new deadline starts. */
  readonly dueAt: string;
  readonly previousDueAt: string;
  readonly decidedBy: string;
  readonly at: string;
}

export interface ExtensionRefusedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly extensionId: string;
  readonly decidedBy: string;
  readonly at: string;
}

/** The clock pauses at `at`; `dueAt` is the due date it paused on. */
export interface InformationRequestedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly requestedBy: string;
  readonly dueAt: string;
  readonly at: string;
}

export interface InformationSuppliedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly suppliedBy: string;
  readonly requestedAt: string;
  readonly at: string;
}

/** The clock runs again; the due date moved by the working time it was paused. */
export interface DeadlineResumedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly dueAt: string;
  readonly previousDueAt: string;
  readonly pausedFrom: string;
  readonly pausedUntil: string;
  readonly at: string;
}

type V1<Type extends string, Data> = IntegrationEventEnvelope<Type, 1, Data>;
const T = IntegrationEventTypes;
export type ExtensionRequestedEventV1 = V1<typeof T.requestExtensionRequested, ExtensionRequestedV1>;
export type ExtensionApprovedEventV1 = V1<typeof T.requestExtensionApproved, ExtensionApprovedV1>;
export type ExtensionRefusedEventV1 = V1<typeof T.requestExtensionRefused, ExtensionRefusedV1>;
export type InformationRequestedEventV1 = V1<typeof T.requestInformationRequested, InformationRequestedV1>;
export type InformationSuppliedEventV1 = V1<typeof T.requestInformationSupplied, InformationSuppliedV1>;
export type DeadlineResumedEventV1 = V1<typeof T.requestDeadlineResumed, DeadlineResumedV1>;

export type RequestExtensionIntegrationEventV1 =
  | ExtensionRequestedEventV1
  | ExtensionApprovedEventV1
  | ExtensionRefusedEventV1
  | InformationRequestedEventV1
  | InformationSuppliedEventV1
  | DeadlineResumedEventV1;

const extensionId = nonEmptyText;
const about = { trackingCode, agencyCode, at: utcTimestamp };

export const requestExtensionEventDataSchemasV1: Record<
  RequestExtensionIntegrationEventV1['eventType'],
  SchemaObject
> = {
  [T.requestExtensionRequested]: objectOf({
    ...about,
    extensionId,
    proposedDueAt: utcTimestamp,
    currentDueAt: utcTimestamp,
    requestedBy: nonEmptyText,
  }),
  [T.requestExtensionApproved]: objectOf({
    ...about,
    extensionId,
    dueAt: utcTimestamp,
    previousDueAt: utcTimestamp,
    decidedBy: nonEmptyText,
  }),
  [T.requestExtensionRefused]: objectOf({ ...about, extensionId, decidedBy: nonEmptyText }),
  [T.requestInformationRequested]: objectOf({ ...about, requestedBy: nonEmptyText, dueAt: utcTimestamp }),
  [T.requestInformationSupplied]: objectOf({
    ...about,
    suppliedBy: nonEmptyText,
    requestedAt: utcTimestamp,
  }),
  [T.requestDeadlineResumed]: objectOf({
    ...about,
    dueAt: utcTimestamp,
    previousDueAt: utcTimestamp,
    pausedFrom: utcTimestamp,
    pausedUntil: utcTimestamp,
  }),
};
