// Applies schema personal_data; safe to run twice, and from several processes at once.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { personalDataMigrations } from './migrations';

// Session advisory lock key (two-int form), distinct from the event store's (0x5a4d, 1).
const MIGRATION_LOCK = [0x5a4d, 5] as const;

export const runPersonalDataMigrations = async (databaseUrl: string): Promise<{ applied: string[] }> => {
  const lock = new Client({
    connectionString: databaseUrl,
    application_name: 'samad-personal-data-migrations',
  });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    await lock.query('CREATE SCHEMA IF NOT EXISTS personal_data');
    const dataSource = new DataSource({
      type: 'postgres',
      url: databaseUrl,
      schema: 'personal_data',
      migrationsTableName: 'migrations',
      migrations: personalDataMigrations,
      logging: false,
      extra: { max: 1, application_name: 'samad-personal-data-migrations' },
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return { applied: applied.map((migration) => migration.name) };
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
};
