import { migrateSchema, type MigrationClass } from '@samad/schema-migrations';

/** One PostgreSQL schema per service, created and evolved only by migrations (never `synchronize`). */
export function runSchemaMigrations(
  databaseUrl: string,
  schema: string,
  migrations: MigrationClass[],
): Promise<string[]> {
  return migrateSchema(databaseUrl, { schema, migrations });
}
