// Test database plumbing: DATABASE_URL (the harness's), created and migrated on demand so a spec can run alone.
import { Client } from 'pg';
import { runEventStoreMigrations } from '../postgres/run-event-store-migrations';

// A database of its own next to the harness's, so the store's test streams never reach the services' relay.
export const testDatabaseUrl = (): string => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad_test');
  url.pathname = `${url.pathname}_event_store`;
  return url.toString();
};

/** Creates the database if it is missing (connecting to the server's "postgres" database); `fresh` drops it first. */
export const ensureDatabase = async (databaseUrl: string, fresh = false): Promise<void> => {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
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
    await ensureDatabase(url, true); // fresh for each test file: its counts and positions start from zero
    await runEventStoreMigrations(url);
    return url;
  })();
  return migrated;
};
