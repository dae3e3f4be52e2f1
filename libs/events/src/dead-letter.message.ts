import { createHash } from 'node:crypto';
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

/**
 * A message parked on Topics.deadLetter, keyed like the original so a replay tool can put it back in order.
 * It names the message and why, never its content (ADR 19): a payload may hold personal data, and a copy on
 * a topic with a long retention could never be erased. The consumer that parked it keeps the value in its
 * own parked_messages table, re-driven by parkedId; the digest and size identify it there.
 */
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
  /** Size of the original value in bytes. */
  readonly payloadBytes: number;
  /** SHA-256 of the original value (hex): matches the parked row without carrying its content. */
  readonly payloadSha256: string;
  /**
   * Only in notices from before v2, and in the relay's notices, where it is the event's identity (ids,
   * stream, position, type), never its data.
   */
  readonly payload?: string;
  readonly payloadEncoding?: 'utf8' | 'base64';
  /** The consumer group that gave up on it. */
  readonly consumerGroup?: string;
  /** The consumer's parked-message id (re-drive by it); absent for messages parked by the relay. */
  readonly parkedId?: string;
}

export const deadLetterMessageSchema: SchemaObject = {
  $schema: jsonSchemaDialect,
  $id: 'urn:samad:schema:dead-letter.v2',
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
      payloadBytes: { type: 'integer', minimum: 0 },
      payloadSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      payload: { type: 'string' },
      payloadEncoding: enumOf(['utf8', 'base64']),
      consumerGroup: identifier,
      parkedId: { type: 'string', format: 'uuid' },
    },
    ['payloadBytes', 'payloadSha256', 'payload', 'payloadEncoding', 'consumerGroup', 'parkedId'],
  ),
};

const bytesOf = (value: string | Uint8Array): Buffer =>
  typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);

// A key is a stream id (request-<tracking code>): no personal data. Bytes that are not text go as base64.
const keyText = (key: string | Uint8Array): string => {
  if (typeof key === 'string') return key;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(key);
  } catch {
    return Buffer.from(key).toString('base64');
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
  const key = input.key === null || input.key === undefined ? null : keyText(input.key);
  const payload = bytesOf(input.value ?? '');
  const error = input.error instanceof Error ? input.error.message : String(input.error);
  return {
    originalTopic: input.originalTopic,
    partition: input.partition,
    offset: String(input.offset),
    key,
    reason: input.reason,
    error,
    failedAt: input.failedAt.toISOString(),
    payloadBytes: payload.length,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
    ...(input.consumerGroup !== undefined && { consumerGroup: input.consumerGroup }),
  };
};
