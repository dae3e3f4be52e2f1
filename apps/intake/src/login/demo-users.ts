import type { Client } from 'pg';
import { agencies } from '@samad/reference-data';
import type { TokenRole } from '@samad/service-kit';
import { hashPassword } from './password-hash';

export const DEMO_PASSWORD = 'samad-demo';

export interface DemoUser {
  username: string;
  role: TokenRole;
  agencyCode?: string;
  /** An operator's telephone extension, where the PBX's answered calls pop up (ADR 45). */
  extension?: string;
}

const demoManagerAgencies = ['ABFA', 'BARGH'] as const;

/** One user per role, one staff member per agency (`staff.abfa` for ABFA), a manager for two agencies. */
export const demoUsers = (): DemoUser[] => [
  { username: 'operator1', role: 'operator', extension: '201' },
  { username: 'operator2', role: 'operator', extension: '202' },
  { username: 'supervisor1', role: 'supervisor' },
  { username: 'official1', role: 'official' },
  { username: 'auditor1', role: 'auditor' },
  { username: 'admin1', role: 'admin' },
  ...agencies.map((a): DemoUser => ({
    username: `staff.${a.code.toLowerCase()}`,
    role: 'agency_staff',
    agencyCode: a.code,
  })),
  // Managers present at the centre (ADR 38), for two agencies: `manager.abfa`, `manager.bargh`.
  ...demoManagerAgencies.map((code): DemoUser => ({
    username: `manager.${code.toLowerCase()}`,
    role: 'agency_manager',
    agencyCode: code,
  })),
];

export const isDemoUsername = (username: string): boolean => demoUsers().some((u) => u.username === username);

/** Who the demo users' rows name as their creator, or as the last to change one back. */
export const DEMO_SEED_ACTOR = 'samad-demo-seed';
const seedUndoes = `(users.role, users.agency_code, users.extension, users.disabled)
  IS DISTINCT FROM (EXCLUDED.role, EXCLUDED.agency_code, EXCLUDED.extension, false)`;

/** Creates or resets the demo users (password `samad-demo`); run again, it leaves the same users behind. */
export async function seedDemoUsers(client: Client): Promise<number> {
  const users = demoUsers();
  const hashes = await Promise.all(users.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [i, user] of users.entries()) {
    await client.query(
      `INSERT INTO intake.users (username, password_hash, role, agency_code, extension, disabled, created_by)
       VALUES ($1, $2, $3, $4, $5, false, '${DEMO_SEED_ACTOR}')
       ON CONFLICT (username) DO UPDATE
         SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
             agency_code = EXCLUDED.agency_code, extension = EXCLUDED.extension, disabled = false,
             -- Who changed the user (ADR 48) names the seed only when the seed undid someone's change.
             changed_by = CASE WHEN ${seedUndoes} THEN '${DEMO_SEED_ACTOR}' ELSE users.changed_by END,
             changed_at = CASE WHEN ${seedUndoes} THEN now() ELSE users.changed_at END`,
      [user.username, hashes[i], user.role, user.agencyCode ?? null, user.extension ?? null],
    );
  }
  return users.length;
}

/** Without SAMAD_DEMO_USERS=1 the demo users cannot sign in, even if an earlier demo run created them. */
export async function disableDemoUsers(client: Client): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE intake.users SET disabled = true, changed_by = '${DEMO_SEED_ACTOR}', changed_at = now()
      WHERE username = ANY($1) AND NOT disabled`,
    [demoUsers().map((u) => u.username)],
  );
  return rowCount ?? 0;
}
