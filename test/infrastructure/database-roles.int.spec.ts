// Least privilege on real PostgreSQL (ADR 0033), in CloudNativePG's order: grants.sql right after the database
// is made (schemas, default privileges), then every migration as the database's owner, then each service role
// may touch only what the grants say.
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
import { testEnv } from '../support/environment';

const grants = readFileSync(
  join(__dirname, '..', '..', 'infra', 'k8s', 'base', 'postgres', 'grants.sql'),
  'utf8',
);
const database = `samad_roles_${process.pid}`;
const owner = `samad_roles_owner_${process.pid}`;
const serverUrl = new URL(testEnv.databaseUrl);
const urlOf = (db: string, user?: string): string => {
  const url = Object.assign(new URL(serverUrl), { pathname: `/${db}` });
  if (user) url.username = user;
  return url.toString();
};
const PERMISSION_DENIED = '42501';

describe('database roles: each service reaches only its own schema and the event store it needs', () => {
  const admin = new Client({ connectionString: urlOf('postgres') });
  const superuser = new Client({ connectionString: urlOf(database) });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${owner}`);
    await admin.query(`CREATE ROLE ${owner} LOGIN`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${owner}`);
    await superuser.connect();
    await superuser.query(grants); // as CloudNativePG's postInitApplicationSQL, before any migration
    const asOwner = urlOf(database, owner);
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
  });
  afterAll(async () => {
    await superuser.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${owner}`);
    await admin.end();
  });

  /** Runs `sql` as `role` in a transaction that is rolled back; the error code, or 'ok'. */
  async function as(role: string, sql: string): Promise<string> {
    await superuser.query('BEGIN');
    try {
      await superuser.query(`SET LOCAL ROLE ${role}`);
      await superuser.query(sql);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await superuser.query('ROLLBACK');
    }
  }

  it('intake reads and writes its own schema, and appends to and reads the event store', async () => {
    expect(await as('samad_intake', 'SELECT * FROM intake.request_index LIMIT 1')).toBe('ok');
    expect(await as('samad_intake', 'DELETE FROM intake.idempotency_keys')).toBe('ok');
    expect(await as('samad_intake', 'SELECT * FROM event_store.events LIMIT 1')).toBe('ok');
    expect(await as('samad_intake', 'SELECT * FROM personal_data.citizen_keys LIMIT 1')).toBe('ok');
  });

  it('intake cannot read the routing schema, nor change any schema (the owner migrates)', async () => {
    expect(await as('samad_intake', 'SELECT * FROM routing.rules LIMIT 1')).toBe(PERMISSION_DENIED);
    expect(await as('samad_intake', 'SELECT * FROM agency.processed_events LIMIT 1')).toBe(PERMISSION_DENIED);
    expect(await as('samad_intake', 'CREATE TABLE intake.extra (id int)')).toBe(PERMISSION_DENIED);
    expect(await as('samad_intake', 'DROP TABLE intake.request_index')).toBe(PERMISSION_DENIED);
  });

  it('routing cannot read personal data or intake, though it reads the event store', async () => {
    expect(await as('samad_routing', 'SELECT * FROM routing.rules LIMIT 1')).toBe('ok');
    expect(await as('samad_routing', 'SELECT * FROM event_store.events LIMIT 1')).toBe('ok');
    expect(await as('samad_routing', 'SELECT * FROM personal_data.citizen_keys LIMIT 1')).toBe(
      PERMISSION_DENIED,
    );
    expect(await as('samad_routing', 'SELECT * FROM intake.request_index LIMIT 1')).toBe(PERMISSION_DENIED);
  });

  it('reporting reads the event store but never writes it; no service deletes events', async () => {
    expect(await as('samad_reporting', 'SELECT * FROM event_store.events LIMIT 1')).toBe('ok');
    expect(await as('samad_reporting', 'UPDATE event_store.events SET data = data')).toBe(PERMISSION_DENIED);
    for (const role of ['samad_intake', 'samad_routing', 'samad_agency', 'samad_reporting'])
      expect(await as(role, 'DELETE FROM event_store.events')).toBe(PERMISSION_DENIED);
  });

  it('no service role can use the public schema', async () => {
    expect(await as('samad_agency', 'CREATE TABLE public.extra (id int)')).toBe(PERMISSION_DENIED);
  });
});
