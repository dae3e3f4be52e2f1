// Applies schema personal_data; safe to run twice, and from several processes at once.
import { migrateSchema } from '@samad/schema-migrations';
import { personalDataMigrations } from './migrations';

export const runPersonalDataMigrations = async (databaseUrl: string): Promise<{ applied: string[] }> => ({
  applied: await migrateSchema(databaseUrl, { schema: 'personal_data', migrations: personalDataMigrations }),
});
