import type { SchemaObject } from 'ajv/dist/2020';
import { actorRoles, type ActorRole } from './request-vocabulary';
import { enumOf, identifier, nonEmptyText, objectOf, utcTimestamp } from './schema-fragments';

export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
}

/**
 * What goes over Kafka. `eventType` never carries the version; `eventVersion` does
 * (the versioned name `samad.request.registered.v1` is used only for schema ids and docs).
 */
export interface IntegrationEventEnvelope<
  Type extends string = string,
  Version extends number = number,
  Data = unknown,
> {
  /** The store's event id (UUID); consumers deduplicate on it. */
  readonly eventId: string;
  readonly eventType: Type;
  readonly eventVersion: Version;
  /** The source stream, e.g. `request-1234567890`; also the Kafka message key, so a request stays ordered. */
  readonly streamId: string;
  /** 0-based revision of the event inside its stream. */
  readonly streamRevision: number;
  /** Global position in the store, a decimal string because it may exceed 2^53. */
  readonly position: string;
  /** When the fact happened (from the event data), UTC ISO-8601. */
  readonly occurredAt: string;
  /** When the store committed it, UTC ISO-8601. */
  readonly recordedAt: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor?: Actor;
  readonly data: Data;
}

export const actorSchema: SchemaObject = objectOf({ id: nonEmptyText, role: enumOf(actorRoles) }, [], {
  additionalProperties: false,
});

/** Envelope properties shared by every integration event schema. */
export const envelopeProperties: Record<string, SchemaObject> = {
  eventId: nonEmptyText,
  eventType: { type: 'string', pattern: '^[a-z]+(\\.[a-z][a-z0-9-]*)+$' },
  // 0 is allowed so a pre-release shape can still be named, upcast and parked with a clear reason.
  eventVersion: { type: 'integer', minimum: 0 },
  streamId: nonEmptyText,
  streamRevision: { type: 'integer', minimum: 0 },
  position: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' },
  occurredAt: utcTimestamp,
  recordedAt: utcTimestamp,
  correlationId: identifier,
  causationId: identifier,
  actor: actorSchema,
  data: { type: 'object' },
};

export const envelopeOptionalProperties = ['correlationId', 'causationId', 'actor'] as const;
