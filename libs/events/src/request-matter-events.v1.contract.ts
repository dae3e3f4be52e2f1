import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import { nonEmptyText, objectOf, trackingCode, utcTimestamp } from './schema-fragments';

// Duplicates, collective matters and signatories (issue #11, items 1–3; ADR 27), version 1. No personal
// data: a signatory's national code, name and mobile stay in the event store, sealed (ADR 8/19).

export interface RequestMergedAsDuplicateV1 {
  readonly trackingCode: string;
  readonly survivorCode: string;
  readonly mergedBy: string;
  readonly at: string;
}

export interface RequestDuplicateAbsorbedV1 {
  readonly trackingCode: string;
  readonly absorbedCode: string;
  readonly mergedBy: string;
  readonly at: string;
}

export interface RequestLinkedToMatterV1 {
  readonly trackingCode: string;
  readonly matterId: string;
  readonly linkedBy: string;
  readonly at: string;
}

/** Another citizen signed the collective request: only their place, never who they are. */
export interface RequestSignatoryAddedV1 {
  readonly trackingCode: string;
  readonly signatoryIndex: number;
  readonly addedBy: string;
  readonly at: string;
}

type V1<Type extends string, Data> = IntegrationEventEnvelope<Type, 1, Data>;
const T = IntegrationEventTypes;
export type RequestMergedAsDuplicateEventV1 = V1<
  typeof T.requestMergedAsDuplicate,
  RequestMergedAsDuplicateV1
>;
export type RequestDuplicateAbsorbedEventV1 = V1<
  typeof T.requestDuplicateAbsorbed,
  RequestDuplicateAbsorbedV1
>;
export type RequestLinkedToMatterEventV1 = V1<typeof T.requestLinkedToMatter, RequestLinkedToMatterV1>;
export type RequestSignatoryAddedEventV1 = V1<typeof T.requestSignatoryAdded, RequestSignatoryAddedV1>;

export type RequestMatterIntegrationEventV1 =
  | RequestMergedAsDuplicateEventV1
  | RequestDuplicateAbsorbedEventV1
  | RequestLinkedToMatterEventV1
  | RequestSignatoryAddedEventV1;

export const requestMatterEventDataSchemasV1: Record<
  RequestMatterIntegrationEventV1['eventType'],
  SchemaObject
> = {
  [T.requestMergedAsDuplicate]: objectOf({
    trackingCode,
    survivorCode: trackingCode,
    mergedBy: nonEmptyText,
    at: utcTimestamp,
  }),
  [T.requestDuplicateAbsorbed]: objectOf({
    trackingCode,
    absorbedCode: trackingCode,
    mergedBy: nonEmptyText,
    at: utcTimestamp,
  }),
  [T.requestLinkedToMatter]: objectOf({
    trackingCode,
    matterId: nonEmptyText,
    linkedBy: nonEmptyText,
    at: utcTimestamp,
  }),
  [T.requestSignatoryAdded]: objectOf({
    trackingCode,
    signatoryIndex: { type: 'integer', minimum: 1 },
    addedBy: nonEmptyText,
    at: utcTimestamp,
  }),
};
