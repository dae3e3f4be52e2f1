/** Stable error codes; transports map them (HTTP → Problem Details) through `domainErrorCategory`. */
export const domainErrorCategories = {
  // The command itself is malformed: nothing about the request's state matters.
  VALUE_REQUIRED: 'invalid',
  INVALID_VALUE: 'invalid',
  INVALID_TRACKING_CODE: 'invalid',
  INVALID_NATIONAL_CODE: 'invalid',
  INVALID_MOBILE: 'invalid',
  DUE_DATE_NOT_IN_FUTURE: 'invalid',
  // No such request.
  REQUEST_NOT_FOUND: 'not_found',
  // A proof bundle needs a signed checkpoint to prove against (ADR 30).
  NO_CHECKPOINT_YET: 'conflict',
  // The caller is not the agency that holds the request.
  NOT_ASSIGNED_TO_AGENCY: 'forbidden',
  // The request's state does not allow this command.
  REQUEST_ALREADY_REGISTERED: 'conflict',
  REQUEST_ALREADY_ROUTED: 'conflict',
  REQUEST_ALREADY_AWAITING_MANUAL_ROUTING: 'conflict',
  AGENCY_ALREADY_RETURNED: 'conflict',
  REQUEST_ALREADY_ANSWERED: 'conflict',
  REQUEST_NOT_ANSWERED: 'conflict',
  REQUEST_ALREADY_CLOSED: 'conflict',
  // No agency holds the request with a clock running (answered, returned, closed, not yet routed).
  NO_DEADLINE_RUNNING: 'conflict',
  // A deadline watcher's command about a due time that is no longer the current one, or not reached yet.
  DEADLINE_NOT_CURRENT: 'conflict',
  DEADLINE_NOT_REACHED: 'conflict',
  // The citizen's verdict: already given on this answer, or the window after the answer has ended.
  VERDICT_ALREADY_GIVEN: 'conflict',
  VERDICT_WINDOW_ENDED: 'conflict',
  // Extensions and information requests (ADR 24).
  EXTENSION_ALREADY_PENDING: 'conflict',
  EXTENSION_NOT_FOUND: 'not_found',
  EXTENSION_ALREADY_DECIDED: 'conflict',
  PROPOSED_DUE_NOT_LATER: 'invalid',
  DEADLINE_PAUSED: 'conflict',
  INFORMATION_ALREADY_REQUESTED: 'conflict',
  NO_INFORMATION_REQUESTED: 'conflict',
  // Duplicates, collective matters and signatories (ADR 27).
  ALREADY_IN_MATTER: 'conflict',
  NOT_COLLECTIVE: 'conflict',
  ALREADY_SIGNED: 'conflict',
  MATTER_NOT_FOUND: 'not_found',
  // An agency answers a matter only when it holds every request of it (a 409: the matter's state).
  MATTER_NOT_ALL_ASSIGNED: 'conflict',
  // Officials' directives (ADR 37): the bound agency must be the one holding (or that answered) the request.
  DIRECTIVE_AGENCY_NOT_INVOLVED: 'conflict',
  DIRECTIVE_NOT_FOUND: 'not_found',
  DIRECTIVE_ALREADY_REPORTED: 'conflict',
  DIRECTIVE_NOT_DUE: 'conflict',
  // Knowledge base (ADR 36): an edit made on an older version of the article.
  ARTICLE_VERSION_CONFLICT: 'conflict',
} as const;

export type DomainErrorCode = keyof typeof domainErrorCategories;
export type DomainErrorCategory = (typeof domainErrorCategories)[DomainErrorCode];

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The offending command field for `invalid` errors, e.g. `citizens[1].mobile`. */
    readonly field?: string,
  ) {
    super(message);
  }

  get category(): DomainErrorCategory {
    return domainErrorCategories[this.code];
  }
}

export const isDomainError = (error: unknown, code?: DomainErrorCode): error is DomainError =>
  error instanceof DomainError && (code === undefined || error.code === code);
