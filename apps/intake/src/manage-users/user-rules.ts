import { isKnownCode } from '@samad/reference-data';
import { agencyBoundRoles, type FieldProblem, type TokenRole } from '@samad/service-kit';

/** A new username: lower-case latin letters, digits, dot, dash, underscore; 3 to 64 of them. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
/** Names already in the store may be older (1–64, `@` allowed by the table's own check). */
export const STORED_USERNAME_PATTERN = /^[a-z0-9._@-]{1,64}$/;
/** The demo password (`samad-demo`) is the shortest the code has ever used; nothing shorter is accepted. */
export const MIN_PASSWORD_LENGTH = 10;
/** The sign-in form accepts at most this many characters; a longer password could never be typed in. */
export const MAX_PASSWORD_LENGTH = 256;
/** An operator's PBX extension, as intake.users' check has it (ADR 45). */
export const EXTENSION_PATTERN = /^[0-9]{2,8}$/;

export const fieldMessages = {
  username: 'username: 3 to 64 lower-case latin letters, digits, dot, dash or underscore',
  role: 'unknown role',
  agencyRequired: 'this role acts for one agency: choose the agency',
  agencyRefused: 'only agency roles belong to an agency',
  agencyUnknown: 'unknown agency code',
  extension: 'extension: 2 to 8 digits',
  extensionRefused: 'only operators have a telephone extension',
  password: `password: ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
} as const;

/** What a user may do: the role, the agency it binds to, the operator's extension. */
export interface UserStanding {
  role: TokenRole;
  agencyCode: string | null;
  extension: string | null;
}

export interface UserState extends UserStanding {
  disabled: boolean;
}

export const isAgencyRole = (role: TokenRole): boolean => agencyBoundRoles.includes(role);

/** The rules between the fields (agency roles and only they name a known agency; only operators an extension). */
export function standingProblems(standing: UserStanding): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const agencyRole = isAgencyRole(standing.role);
  if (agencyRole && standing.agencyCode === null) {
    problems.push({ field: 'agencyCode', message: fieldMessages.agencyRequired });
  }
  if (!agencyRole && standing.agencyCode !== null) {
    problems.push({ field: 'agencyCode', message: fieldMessages.agencyRefused });
  }
  if (standing.agencyCode !== null && !isKnownCode('agency', standing.agencyCode)) {
    problems.push({ field: 'agencyCode', message: fieldMessages.agencyUnknown });
  }
  if (standing.extension !== null && standing.role !== 'operator') {
    problems.push({ field: 'extension', message: fieldMessages.extensionRefused });
  }
  return problems;
}

/** Whether open sessions must end: the user lost access, or the rights in their tokens are no longer theirs. */
export const rightsChanged = (before: UserState, after: UserState): boolean =>
  (after.disabled && !before.disabled) ||
  after.role !== before.role ||
  after.agencyCode !== before.agencyCode;

/** An administrator neither disables nor demotes themself: nobody would be left to undo it from this seat. */
export function ownAccessProblem(
  actor: string,
  username: string,
  before: UserState,
  after: UserState,
): FieldProblem | undefined {
  if (actor !== username) return undefined;
  if (after.disabled && !before.disabled) {
    return { field: 'disabled', message: 'you cannot disable your own account' };
  }
  if (after.role !== before.role) return { field: 'role', message: 'you cannot change your own role' };
  return undefined;
}
