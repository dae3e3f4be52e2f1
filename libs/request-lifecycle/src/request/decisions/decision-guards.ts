import { DomainError } from '../../shared/domain-error';
export { definedOnly } from '../../shared/defined-only';
import { normalizePersianText } from '../../shared/persian-text';
import type { RegisteredRequest, RequestState } from '../request.state';
import { isHeldStatus } from '../request.vocabulary';

// Shared checks for the decisions: input first (normalised the way events store it), then state.

/** A command timestamp as stored in events, or INVALID_VALUE. */
export const isoDate = (value: Date, field: string): string => {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new DomainError('INVALID_VALUE', 'must be a valid date', field);
  }
  return value.toISOString();
};

// Control characters other than tab and line breaks, and lone UTF-16 surrogates: not text anyone typed,
// and NUL or a broken surrogate cannot even be stored (PostgreSQL's jsonb refuses them).
const isUnstorable = (value: string): boolean => {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
    if (c >= 0xdc00 && c <= 0xdfff) return true; // a low surrogate with no high one before it
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++; // a well-formed pair
    }
  }
  return false;
};

const storableText = (value: string, field: string): string => {
  if (isUnstorable(value)) {
    throw new DomainError('INVALID_VALUE', 'must not contain control characters or broken Unicode', field);
  }
  return value;
};

/** Normalised Persian text that must not be empty (names, reasons, answers). */
export const requiredText = (value: string | undefined, field: string, keepLineBreaks = true): string => {
  const text =
    typeof value === 'string' ? normalizePersianText(storableText(value, field), { keepLineBreaks }) : '';
  if (text === '') throw new DomainError('VALUE_REQUIRED', 'must not be empty', field);
  return text;
};

/** Normalised text, or undefined when absent or blank. */
export const optionalText = (
  value: string | undefined,
  keepLineBreaks = true,
  field = 'text',
): string | undefined => {
  const text =
    typeof value === 'string' ? normalizePersianText(storableText(value, field), { keepLineBreaks }) : '';
  return text === '' ? undefined : text;
};

/** A reference-data code (county, category, rule): trimmed, non-empty, at most 64 characters. */
export const requiredCode = (value: string | undefined, field: string): string => {
  const code = typeof value === 'string' ? value.trim() : '';
  if (code === '') throw new DomainError('VALUE_REQUIRED', 'must not be empty', field);
  if (code.length > 64) throw new DomainError('INVALID_VALUE', 'must be at most 64 characters', field);
  return code;
};

// Agency codes become Kafka topic names (samad.agency.<code>), so only topic-safe characters.
const agencyCodePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const requiredAgencyCode = (value: string | undefined, field = 'agencyCode'): string => {
  const code = requiredCode(value, field);
  if (!agencyCodePattern.test(code)) {
    throw new DomainError(
      'INVALID_VALUE',
      'letters, digits, - and _ only, starting with a letter or digit',
      field,
    );
  }
  return code;
};

export const oneOf = <T extends string>(value: unknown, allowed: readonly T[], field: string): T => {
  if (!allowed.includes(value as T)) {
    throw new DomainError('INVALID_VALUE', `must be one of ${allowed.join(', ')}`, field);
  }
  return value as T;
};

/** The registered request the command is about; REQUEST_NOT_FOUND on an empty stream. */
export const registered = (state: RequestState, trackingCode: string): RegisteredRequest => {
  if (state.status === 'not_registered') {
    throw new DomainError('REQUEST_NOT_FOUND', `no request ${trackingCode}`, 'trackingCode');
  }
  // A handler that loaded the wrong stream must not write into it.
  if (state.trackingCode !== trackingCode) {
    throw new DomainError(
      'INVALID_VALUE',
      `command for ${trackingCode} decided on ${state.trackingCode}`,
      'trackingCode',
    );
  }
  return state;
};

export const notClosed = (state: RegisteredRequest): void => {
  if (state.status === 'closed') {
    throw new DomainError('REQUEST_ALREADY_CLOSED', `request ${state.trackingCode} is closed`);
  }
};

export const isHeld = (state: RegisteredRequest): boolean => isHeldStatus(state.status);

/**
 * Only the agency holding the request may act on it. Once answered, the answering agency gets
 * REQUEST_ALREADY_ANSWERED and every other agency NOT_ASSIGNED_TO_AGENCY.
 */
export const heldBy = (state: RegisteredRequest, agencyCode: string): void => {
  if (state.agencyCode !== agencyCode || !(isHeld(state) || state.status === 'answered')) {
    throw new DomainError(
      'NOT_ASSIGNED_TO_AGENCY',
      `request ${state.trackingCode} is not assigned to agency ${agencyCode}`,
      'agencyCode',
    );
  }
  if (state.status === 'answered') {
    throw new DomainError('REQUEST_ALREADY_ANSWERED', `request ${state.trackingCode} is already answered`);
  }
};
