// Test database plumbing: DATABASE_URL (the harness's), created and migrated on demand so a spec can run alone.
import { Client } from 'pg';
import { runEventStoreMigrations } from '../postgres/run-event-store-migrations';

export const testDatabaseUrl = (): string =>
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad_test';

/** Creates the database if it is missing (connecting to the server's "postgres" database). */
export const ensureDatabase = async (databaseUrl: string): Promise<void> => {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // Another process created it in between.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await admin.end();
  }
};

let migrated: Promise<string> | undefined;

/** The test database, created and migrated once per test file. */
export const migratedTestDatabase = (): Promise<string> => {
  migrated ??= (async () => {
    const url = testDatabaseUrl();
    await ensureDatabase(url);
    await runEventStoreMigrations(url);
    return url;
  })();
  return migrated;
};
