// Applies the event_store schema through TypeORM; safe to run twice, and from several processes at once.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { eventStoreMigrations } from './migrations';

// Session advisory lock key (two-int form: never collides with the bigint keys of stream locks).
const MIGRATION_LOCK = [0x5a4d, 1] as const;

export interface EventStoreMigrationResult {
  /** Names of the migrations this call applied (empty when the schema was already up to date). */
  readonly applied: readonly string[];
}

export const runEventStoreMigrations = async (databaseUrl: string): Promise<EventStoreMigrationResult> => {
  const lock = new Client({
    connectionString: databaseUrl,
    application_name: 'samad-event-store-migrations',
  });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    // TypeORM keeps its migrations table in the schema, so the schema must exist first.
    await lock.query('CREATE SCHEMA IF NOT EXISTS event_store');
    const dataSource = new DataSource({
      type: 'postgres',
      url: databaseUrl,
      schema: 'event_store',
      migrationsTableName: 'event_store_migrations',
      migrations: eventStoreMigrations,
      migrationsTransactionMode: 'each',
      logging: false,
      extra: { max: 1, application_name: 'samad-event-store-migrations' },
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
