/** Errors whose `code` the problem catalog maps to Problem Details (ADR 12, ADR 48). */
export class ManageUsersError extends Error {
  constructor(
    readonly code: 'USER_NOT_FOUND' | 'USERNAME_TAKEN' | 'EXTENSION_TAKEN' | 'CANNOT_CHANGE_OWN_ACCESS',
    message: string,
  ) {
    super(message);
  }
}
