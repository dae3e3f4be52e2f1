// One PostgreSQL schema evolved by its TypeORM migrations; safe to run twice, and from several processes at once.
import { Client } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

export interface SchemaMigrationOptions {
  readonly schema: string;
  readonly migrations: readonly MigrationClass[];
  /** Kept inside the schema. Default `migrations`. */
  readonly tableName?: string;
}

// Two-int advisory lock space (first int fixed), so it never collides with bigint locks such as stream locks.
const LOCK_SPACE = 0x5a4d;

/** Applies the schema's pending migrations, one transaction each; returns the names applied now. */
export async function migrateSchema(databaseUrl: string, options: SchemaMigrationOptions): Promise<string[]> {
  const { schema, migrations, tableName = 'migrations' } = options;
  const applicationName = `samad-migrations-${schema}`;
  const lock = new Client({ connectionString: databaseUrl, application_name: applicationName });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_SPACE, schema]);
    // TypeORM keeps its migrations table in the schema, so the schema must exist first.
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
    const dataSource = new DataSource({
      type: 'postgres',
      url: databaseUrl,
      schema,
      migrationsTableName: tableName,
      migrations: [...migrations],
      synchronize: false,
      logging: false,
      extra: { max: 1, application_name: applicationName },
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock
      .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE, schema])
      .catch(() => undefined);
    await lock.end();
  }
}
