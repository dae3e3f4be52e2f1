import type { ActorRole } from '@samad/events';

/** Roles a person or an agency's system can hold in an access token; `citizen` and `system` never log in. */
export const tokenRoles = [
  'operator',
  'agency_staff',
  'agency_system',
  /** Writes knowledge-base articles for the categories routed to its agency (ADR 36). */
  'agency_editor',
  /** An agency's manager at the centre: reads the agency's requests, answers callers in person (ADR 38). */
  'agency_manager',
  'supervisor',
  /** The governor or a deputy: gives directives to agencies and reads their report (ADR 37). */
  'official',
  'auditor',
  'admin',
] as const satisfies readonly ActorRole[];
export type TokenRole = (typeof tokenRoles)[number];

/** Roles bound to one agency by the token's agency claim. */
export const agencyBoundRoles: readonly TokenRole[] = [
  'agency_staff',
  'agency_system',
  'agency_editor',
  'agency_manager',
];

export const isTokenRole = (value: unknown): value is TokenRole =>
  typeof value === 'string' && (tokenRoles as readonly string[]).includes(value);

/** Who is calling, from a verified access token. */
export interface Principal {
  /** The token's subject: the username for local logins, the identity provider's user id otherwise. */
  id: string;
  role: TokenRole;
  /** The agency (UPPERCASE code) an agency-bound token (staff, system, editor, manager) is bound to. */
  agencyCode?: string;
}
