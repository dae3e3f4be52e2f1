// A database made the way CloudNativePG makes the province's (ADR 0033): grants.sql right after the database
// is created (schemas, default privileges), then every migration as the database's owner, then grants.sql
// again, as an operator does after a migration that adds a schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runEventStoreMigrations } from '@samad/event-store';
import { runPersonalDataMigrations } from '@samad/personal-data';
import { runAuthMigrations, runSchemaMigrations } from '@samad/service-kit';
import { intakeMigrations } from '../../apps/intake/src/infrastructure/intake.migrations';
import { routingMigrations } from '../../apps/routing/src/infrastructure/routing.migrations';
import { agencyMigrations } from '../../apps/agency/src/infrastructure/agency.migrations';
import { reportingMigrations } from '../../apps/reporting/src/infrastructure/reporting.migrations';
import { testEnv } from './environment';

export const SERVICE_ROLES = ['samad_intake', 'samad_routing', 'samad_agency', 'samad_reporting'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

const grants = readFileSync(
  join(__dirname, '..', '..', 'infra', 'k8s', 'base', 'postgres', 'grants.sql'),
  'utf8',
);

export interface RolesDatabase {
  readonly name: string;
  /** Connected as a superuser to the roles database. */
  readonly superuser: Client;
  /** The database's URL as `user` (the server's default user when omitted). */
  urlAs(user?: string): string;
  drop(): Promise<void>;
}

/** Creates `samad_<tag>_<pid>` owned by a fresh login role, granted and migrated as in the cluster. */
export async function createRolesDatabase(tag: string): Promise<RolesDatabase> {
  const name = `samad_${tag}_${process.pid}`;
  const owner = `${name}_owner`;
  const serverUrl = new URL(testEnv.databaseUrl);
  const urlOf = (db: string, user?: string): string => {
    const url = Object.assign(new URL(serverUrl), { pathname: `/${db}` });
    if (user) url.username = user;
    return url.toString();
  };
  const admin = new Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`DROP ROLE IF EXISTS ${owner}`);
  await admin.query(`CREATE ROLE ${owner} LOGIN`);
  await admin.query(`CREATE DATABASE ${name} OWNER ${owner}`);
  const superuser = new Client({ connectionString: urlOf(name) });
  await superuser.connect();
  await superuser.query(grants); // as CloudNativePG's postInitApplicationSQL, before any migration
  const asOwner = urlOf(name, owner);
  await runEventStoreMigrations(asOwner);
  await runPersonalDataMigrations(asOwner);
  await runAuthMigrations(asOwner);
  const schemas = {
    intake: intakeMigrations,
    routing: routingMigrations,
    agency: agencyMigrations,
    reporting: reportingMigrations,
  };
  for (const [schema, migrations] of Object.entries(schemas))
    await runSchemaMigrations(asOwner, schema, migrations);
  await superuser.query(grants); // idempotent: an operator runs it again after a new schema
  return {
    name,
    superuser,
    urlAs: (user) => urlOf(name, user),
    async drop() {
      await superuser.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${owner}`);
      await admin.end();
    },
  };
}
