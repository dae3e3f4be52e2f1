import type { Messages } from '../../i18n';

export interface Named {
  code: string;
  nameFa: string;
  nameEn: string;
}

/** A user of the local identity store as GET /api/admin/users answers it (never a password hash). */
export interface ManagedUser {
  username: string;
  role: Role;
  agency: Named | null;
  extension: string | null;
  disabled: boolean;
  locked: boolean;
  recentFailures: number;
  createdAt: string;
  createdBy?: string;
  changedBy?: string;
  changedAt?: string;
}

export const roles = [
  'operator',
  'agency_staff',
  'agency_system',
  'agency_editor',
  'agency_manager',
  'supervisor',
  'official',
  'auditor',
  'admin',
] as const;
export type Role = (typeof roles)[number];

const roleKeys: Record<Role, keyof Messages> = {
  operator: 'roleOperator',
  agency_staff: 'roleAgencyStaff',
  agency_system: 'roleAgencySystem',
  agency_editor: 'roleAgencyEditor',
  agency_manager: 'roleAgencyManager',
  supervisor: 'roleSupervisor',
  official: 'roleOfficial',
  auditor: 'roleAuditor',
  admin: 'roleAdmin',
};

/** The role in the screen's language; a role this screen does not know shows as the API names it. */
export const roleLabel = (t: Messages, role: string): string =>
  role in roleKeys ? `${t[roleKeys[role as Role]]}` : role;

/** Roles bound to one agency: the agency select is shown, and required, for these only (as the API has it). */
export const isAgencyRole = (role: string | undefined): boolean =>
  role === 'agency_staff' ||
  role === 'agency_system' ||
  role === 'agency_editor' ||
  role === 'agency_manager';

/** The fields a user form shows and the API may name in its Problem Details. */
export const userFields = ['username', 'role', 'agencyCode', 'extension', 'password', 'disabled'];
