import { DomainError } from '../shared/domain-error';
import { normalizePersianText } from '../shared/persian-text';

/** The access-audit stream: every view of a citizen's personal data in clear, hash-chained like any stream. */
export const PERSONAL_DATA_VIEWS_STREAM = 'access-audit-personal-data';
export const PERSONAL_DATA_VIEWED = 'PersonalDataViewed';

export const personalDataViewFields = [
  'nationalCode',
  'mobile',
  'fullName',
  'description',
  'followUpNotes',
  'attachments',
] as const;
export type PersonalDataViewField = (typeof personalDataViewFields)[number];

/**
 * Who saw which of a request's personal fields in clear, when and why. Never the values themselves:
 * the fact outlives an erasure and must not undo it.
 */
export interface PersonalDataViewed {
  readonly trackingCode: string;
  readonly viewer: { readonly username: string; readonly role: string; readonly agencyCode?: string };
  readonly at: string;
  readonly reason: string;
  readonly fields: readonly PersonalDataViewField[];
}

export const VIEW_REASON_MIN_LENGTH = 5;
export const VIEW_REASON_MAX_LENGTH = 500;

/** A stated reason, normalised like any free text (NFC, no invisible formatting, trimmed); 5–500 characters. */
export function parseViewReason(raw: unknown, field = 'reason'): string {
  if (raw === undefined || raw === null)
    throw new DomainError('VALUE_REQUIRED', 'a reason is required', field);
  if (typeof raw !== 'string') throw new DomainError('INVALID_VALUE', 'reason must be text', field);
  const reason = normalizePersianText(raw);
  if (reason.length === 0) throw new DomainError('VALUE_REQUIRED', 'a reason is required', field);
  const length = [...reason].length;
  if (length < VIEW_REASON_MIN_LENGTH || length > VIEW_REASON_MAX_LENGTH) {
    throw new DomainError(
      'INVALID_VALUE',
      `reason must be ${VIEW_REASON_MIN_LENGTH} to ${VIEW_REASON_MAX_LENGTH} characters`,
      field,
    );
  }
  return reason;
}
