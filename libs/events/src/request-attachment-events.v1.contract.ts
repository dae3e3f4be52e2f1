import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import { enumOf, identifier, nonEmptyText, objectOf, trackingCode, utcTimestamp } from './schema-fragments';

// Scanned letters and photos (issue #11 item 5; ADR 29), version 1: what was attached, never its bytes.

export interface AttachmentAddedV1 {
  readonly trackingCode: string;
  readonly attachmentId: string;
  readonly contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly size: number;
  readonly sha256: string;
  readonly addedBy: string;
  readonly at: string;
}

export type AttachmentAddedEventV1 = IntegrationEventEnvelope<
  typeof IntegrationEventTypes.requestAttachmentAdded,
  1,
  AttachmentAddedV1
>;

export type RequestAttachmentIntegrationEventV1 = AttachmentAddedEventV1;

export const requestAttachmentEventDataSchemasV1: Record<
  RequestAttachmentIntegrationEventV1['eventType'],
  SchemaObject
> = {
  [IntegrationEventTypes.requestAttachmentAdded]: objectOf({
    trackingCode,
    attachmentId: identifier,
    contentType: enumOf(['application/pdf', 'image/jpeg', 'image/png']),
    size: { type: 'integer', minimum: 1 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    addedBy: nonEmptyText,
    at: utcTimestamp,
  }),
};
