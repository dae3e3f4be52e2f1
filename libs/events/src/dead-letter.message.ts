import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventRejection } from './integration-event.validator';
import {
  enumOf,
  identifier,
  jsonSchemaDialect,
  nonEmptyText,
  objectOf,
  utcTimestamp,
} from './schema-fragments';

/**
 * Decoding failures, `refused` (the handler refused a valid event for good: a domain refusal, data the
 * database rejects), and `unpublishable` (the relay could not encode a stored event). `processing_failed` is
 * kept for messages parked by earlier versions, which gave up after a few retries of any failure.
 */
export type DeadLetterReason = IntegrationEventRejection | 'refused' | 'unpublishable' | 'processing_failed';
export const deadLetterReasons: readonly DeadLetterReason[] = [
  'invalid_json',
  'invalid_envelope',
  'unknown_event_type',
  'invalid_event_data',
  'refused',
  'unpublishable',
  'processing_failed',
];

/** A message parked on Topics.deadLetter, keyed like the original so a replay tool can put it back in order. */
export interface DeadLetterMessage {
  readonly originalTopic: string;
  readonly partition: number;
  /** Kafka offsets are int64: kept as a decimal string. */
  readonly offset: string;
  readonly key: string | null;
  readonly reason: DeadLetterReason;
  /** Human-readable detail (validation errors, exception message). */
  readonly error: string;
  readonly failedAt: string;
  /** The original value, byte for byte: UTF-8 text, or base64 when it was not valid UTF-8. */
  readonly payload: string;
  readonly payloadEncoding: 'utf8' | 'base64';
  /** The consumer group that gave up on it. */
  readonly consumerGroup?: string;
  /** The consumer's parked-message id (re-drive by it); absent for messages parked by the relay. */
  readonly parkedId?: string;
}

export const deadLetterMessageSchema: SchemaObject = {
  $schema: jsonSchemaDialect,
  $id: 'urn:samad:schema:dead-letter.v1',
  title: 'samad dead-letter message',
  ...objectOf(
    {
      originalTopic: nonEmptyText,
      partition: { type: 'integer', minimum: 0 },
      offset: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' },
      key: { type: ['string', 'null'] },
      reason: enumOf(deadLetterReasons),
      error: { type: 'string' },
      failedAt: utcTimestamp,
      payload: { type: 'string' },
      payloadEncoding: enumOf(['utf8', 'base64']),
      consumerGroup: identifier,
      parkedId: { type: 'string', format: 'uuid' },
    },
    ['consumerGroup', 'parkedId'],
  ),
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

const asText = (value: string | Uint8Array): { payload: string; payloadEncoding: 'utf8' | 'base64' } => {
  if (typeof value === 'string') return { payload: value, payloadEncoding: 'utf8' };
  try {
    return { payload: utf8.decode(value), payloadEncoding: 'utf8' };
  } catch {
    return { payload: Buffer.from(value).toString('base64'), payloadEncoding: 'base64' };
  }
};

export interface DeadLetterInput {
  readonly originalTopic: string;
  readonly partition: number;
  readonly offset: string | number | bigint;
  readonly key: string | Uint8Array | null | undefined;
  readonly value: string | Uint8Array | null | undefined;
  readonly reason: DeadLetterReason;
  readonly error: unknown;
  /** Passed in, like every clock in the domain. */
  readonly failedAt: Date;
  readonly consumerGroup?: string;
}

export const createDeadLetterMessage = (input: DeadLetterInput): DeadLetterMessage => {
  const key = input.key === null || input.key === undefined ? null : asText(input.key).payload;
  const error = input.error instanceof Error ? input.error.message : String(input.error);
  return {
    originalTopic: input.originalTopic,
    partition: input.partition,
    offset: String(input.offset),
    key,
    reason: input.reason,
    error,
    failedAt: input.failedAt.toISOString(),
    ...asText(input.value ?? ''),
    ...(input.consumerGroup !== undefined && { consumerGroup: input.consumerGroup }),
  };
};
