import { KafkaJSError } from 'kafkajs';
import { EventStoreError, WrongExpectedVersionError } from '@samad/event-store';
import { PersonalDataIntegrityError } from '@samad/personal-data';
import { isDomainError } from '@samad/request-lifecycle';

/**
 * What a failure means for whoever retries it:
 * - `transient`: a dependency is away or busy (connection refused or cut, timeout, serialization failure,
 *   deadlock, an optimistic-concurrency race); waiting and trying again will succeed.
 * - `permanent`: the input can never succeed (a domain refusal, data the database rejects by type or
 *   constraint); retrying is pointless.
 * - `unknown`: anything else (a bug). Consumers treat it like transient, so nothing is lost and readiness
 *   reports the stall; HTTP answers it with a plain 500.
 */
export type FailureKind = 'transient' | 'permanent' | 'unknown';

// Node's socket errors: the peer is gone, refused, or slow.
const transientSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs that say "not now" rather than "never".
const transientSqlStates = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57014', // query_canceled (statement timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '58000', // system_error
  '58030', // io_error
]);
const transientSqlClasses = new Set(['08', '53']); // connection exception, insufficient resources
const permanentSqlClasses = new Set(['22', '23']); // data exception, integrity constraint violation

// pg and its pool report lost or slow connections as plain Errors with these messages.
const transientMessages = [
  /connection terminated/i,
  /connection timeout/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection/i,
  /Connection refused/i,
  /socket hang up/i,
  /not queryable/i,
];

/** Thrown by a handler for a message that can never be applied (e.g. it refers to a request it never saw). */
export class UnprocessableMessageError extends Error {
  override readonly name = 'UnprocessableMessageError';
}

const fieldOf = (error: unknown, key: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;

/** Classifies a failure; looks through wrappers (TypeORM's driverError, `cause`, AggregateError). */
export function failureKind(error: unknown, depth = 0): FailureKind {
  if (depth > 5 || error === null || error === undefined) return 'unknown';
  if (isDomainError(error) || error instanceof UnprocessableMessageError) return 'permanent';
  if (error instanceof WrongExpectedVersionError) return 'transient'; // a concurrent writer: reload and retry
  if (error instanceof EventStoreError) return 'permanent';
  // Sealed data on a message that does not verify (tampered, or moved): parked like the relay parks it.
  if (error instanceof PersonalDataIntegrityError) return 'permanent';
  if (error instanceof KafkaJSError) return 'transient'; // broker away, leader moving, request timed out

  const code = fieldOf(error, 'code');
  if (typeof code === 'string') {
    if (transientSocketCodes.has(code) || transientSqlStates.has(code)) return 'transient';
    if (/^[0-9A-Z]{5}$/.test(code)) {
      if (transientSqlClasses.has(code.slice(0, 2))) return 'transient';
      if (permanentSqlClasses.has(code.slice(0, 2))) return 'permanent';
    }
  }
  const inner = [fieldOf(error, 'driverError'), fieldOf(error, 'cause'), fieldOf(error, 'originalError')];
  const errors = fieldOf(error, 'errors');
  if (Array.isArray(errors)) inner.push(...errors);
  for (const nested of inner) {
    const kind = failureKind(nested, depth + 1);
    if (kind !== 'unknown') return kind;
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (transientMessages.some((pattern) => pattern.test(message))) return 'transient';
  return 'unknown';
}

export const isTransientFailure = (error: unknown): boolean => failureKind(error) === 'transient';
