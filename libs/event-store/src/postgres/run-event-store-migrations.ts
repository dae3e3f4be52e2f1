// Applies the event_store schema; safe to run twice, and from several processes at once.
import { migrateSchema } from '@samad/schema-migrations';
import { eventStoreMigrations } from './migrations';

export interface EventStoreMigrationResult {
  /** Names of the migrations this call applied (empty when the schema was already up to date). */
  readonly applied: readonly string[];
}

export const runEventStoreMigrations = async (databaseUrl: string): Promise<EventStoreMigrationResult> => ({
  applied: await migrateSchema(databaseUrl, {
    schema: 'event_store',
    migrations: eventStoreMigrations,
    tableName: 'event_store_migrations',
  }),
});
