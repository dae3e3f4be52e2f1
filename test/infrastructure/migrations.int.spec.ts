import { Client } from 'pg';
import { runSchemaMigrations } from '@samad/service-kit';
import { intakeMigrations } from '../../apps/intake/src/infrastructure/intake.migrations';
import { routingMigrations } from '../../apps/routing/src/infrastructure/routing.migrations';
import { agencyMigrations } from '../../apps/agency/src/infrastructure/agency.migrations';
import { reportingMigrations } from '../../apps/reporting/src/infrastructure/reporting.migrations';
import { testEnv } from '../support/environment';

const database = `samad_migrations_${process.pid}`;
const serverUrl = new URL(testEnv.databaseUrl);

describe('TypeORM migrations on a fresh PostgreSQL database', () => {
  const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
  const admin = new Client({
    connectionString: Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString(),
  });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  const all = {
    intake: intakeMigrations,
    routing: routingMigrations,
    agency: agencyMigrations,
    reporting: reportingMigrations,
  };

  it('creates one schema per service, each with its own migrations table', async () => {
    for (const [schema, migrations] of Object.entries(all)) {
      const applied = await runSchemaMigrations(dbUrl, schema, migrations);
      expect(applied.length).toBe(migrations.length);
    }
    const client = new Client({ connectionString: dbUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_schema = ANY($1) AND table_name = 'migrations' ORDER BY 1`,
      [Object.keys(all)],
    );
    await client.end();
    expect(rows.map((r) => r.table_schema)).toEqual(['agency', 'intake', 'reporting', 'routing']);
  });

  it('is idempotent: a second run applies nothing', async () => {
    for (const [schema, migrations] of Object.entries(all)) {
      expect(await runSchemaMigrations(dbUrl, schema, migrations)).toEqual([]);
    }
  });
});
