// Typed errors with stable codes: transports map `code`, never the message text.
import type { ExpectedRevision } from './event-store.port';

export type EventStoreErrorCode =
  'WRONG_EXPECTED_VERSION' | 'STREAM_NOT_FOUND' | 'DUPLICATE_EVENT_ID' | 'INVALID_APPEND' | 'NOT_SUPPORTED';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION' as const;

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream' when it has no events. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND' as const;

  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
  }
}

/** Some, not all, of an append's event ids are already in the stream: a retry must resend the same batch. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID' as const;

  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Stream ${streamId}: part of this append is already stored (event ids ${eventIds.join(', ')})`);
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND' as const;

  constructor(
    readonly streamId: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Stream ${streamId}: invalid append: ${reason}`, options);
  }
}

export class NotSupportedError extends EventStoreError {
  readonly code = 'NOT_SUPPORTED' as const;

  constructor(
    readonly operation: string,
    readonly adapter: string,
    reason: string,
  ) {
    super(`${operation} is not supported by the ${adapter} adapter: ${reason}`);
  }
}
