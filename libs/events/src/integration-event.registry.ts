import type { SchemaObject } from 'ajv/dist/2020';
import { agencyMessageDataSchemasV1 } from './agency-messages.v1.contract';
import { agencyMessageDataSchemasV2, type AgencyIntegrationEvent } from './agency-messages.v2.contract';
import { versionedEventName } from './event-types';
import { envelopeOptionalProperties, envelopeProperties } from './integration-event.envelope';
import { requestEventDataSchemasV1 } from './request-events.v1.contract';
import {
  requestEventDataSchemasV2,
  type RequestLifecycleIntegrationEvent,
} from './request-events.v2.contract';
import { jsonSchemaDialect, objectOf } from './schema-fragments';

/** Every integration event in its current version (what producers emit and decoding yields after upcasting). */
export type IntegrationEvent = RequestLifecycleIntegrationEvent | AgencyIntegrationEvent;

export interface IntegrationEventSchema {
  readonly eventType: string;
  readonly eventVersion: number;
  /** Self-contained draft 2020-12 schema of the whole envelope with this event's data. */
  readonly schema: SchemaObject;
}

export const integrationEventSchemaId = (eventType: string, eventVersion: number): string =>
  `urn:samad:schema:${versionedEventName(eventType, eventVersion)}`;

const envelopeSchemaFor = (
  eventType: string,
  eventVersion: number,
  dataSchema: SchemaObject,
): SchemaObject => ({
  $schema: jsonSchemaDialect,
  $id: integrationEventSchemaId(eventType, eventVersion),
  title: versionedEventName(eventType, eventVersion),
  ...objectOf(
    {
      ...envelopeProperties,
      eventType: { type: 'string', const: eventType },
      eventVersion: { type: 'integer', const: eventVersion },
      data: dataSchema,
    },
    envelopeOptionalProperties,
  ),
});

const schemasOfVersion = (
  eventVersion: number,
  dataSchemas: Record<string, SchemaObject>,
): IntegrationEventSchema[] =>
  Object.entries(dataSchemas).map(([eventType, dataSchema]) => ({
    eventType,
    eventVersion,
    schema: envelopeSchemaFor(eventType, eventVersion, dataSchema),
  }));

/** The schemas consumers validate against; publish these to agency integrators as-is. */
export const integrationEventSchemas: readonly IntegrationEventSchema[] = [
  ...schemasOfVersion(1, requestEventDataSchemasV1),
  ...schemasOfVersion(1, agencyMessageDataSchemasV1),
  ...schemasOfVersion(2, requestEventDataSchemasV2),
  ...schemasOfVersion(2, agencyMessageDataSchemasV2),
];

/** Schema of the envelope alone (any data object): checked first so a broken envelope gets a precise reason. */
export const envelopeSchema: SchemaObject = {
  $schema: jsonSchemaDialect,
  $id: 'urn:samad:schema:envelope',
  title: 'samad integration event envelope',
  ...objectOf(envelopeProperties, envelopeOptionalProperties),
};

/** Highest version with a schema, i.e. the version producers emit and upcasters lift to. */
export const currentEventVersion = (eventType: string): number | undefined => {
  const versions = integrationEventSchemas
    .filter((s) => s.eventType === eventType)
    .map((s) => s.eventVersion);
  return versions.length === 0 ? undefined : Math.max(...versions);
};

/** The integration event of one type, for handlers that take only that type. */
export type IntegrationEventOf<T extends IntegrationEvent['eventType']> = Extract<
  IntegrationEvent,
  { eventType: T }
>;
