import { agencyBoundRoles, InputValidationError, type Principal } from '@samad/service-kit';

/** Another agency's inbox answers like one that does not exist: 404 with a stable code. */
export class InboxNotFoundError extends Error {
  readonly code = 'AGENCY_INBOX_NOT_FOUND';

  constructor() {
    super('کارتابلی با این مشخصات نیست (no such inbox)');
  }
}

/** Whether the caller acts for an agency (its staff or its system), and which one. */
export const boundAgencyOf = (principal: Principal): string | undefined =>
  agencyBoundRoles.includes(principal.role) ? principal.agencyCode : undefined;

/**
 * Whose inbox a caller sees: agency staff and systems their own agency's, always (naming another one
 * answers 404, as if it did not exist); supervisors and auditors the agency they name with `?agency=`.
 */
export function inboxAgencyFor(principal: Principal, requested: string | undefined): string {
  const own = boundAgencyOf(principal);
  if (own) {
    if (requested !== undefined && requested !== own) throw new InboxNotFoundError();
    return own;
  }
  if (requested === undefined) {
    throw new InputValidationError([
      { field: 'agency', message: 'name the agency whose inbox to see (?agency=CODE)' },
    ]);
  }
  return requested;
}
