// Applies schema auth (scripts/prepare.ts); safe to run twice, and from several processes at once.
import { migrateSchema } from '@samad/schema-migrations';
import { CreateAuth1765000000000 } from './migrations/1765000000000-create-auth';
import { SessionsByUsername1796290000000 } from './migrations/1796290000000-sessions-by-username';

/** Migration classes of schema auth, in order. */
export const authMigrations = [CreateAuth1765000000000, SessionsByUsername1796290000000];

export const runAuthMigrations = async (databaseUrl: string): Promise<{ applied: string[] }> => ({
  applied: await migrateSchema(databaseUrl, { schema: 'auth', migrations: authMigrations }),
});
