import { createServer, type Server, type Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { createEventStore, PostgresEventStore } from '@samad/event-store';
import { derivePersonalDataKeys, type CitizenKeyVault } from '@samad/personal-data';
import {
  createCitizenKeyVault,
  failureKind,
  loadServiceConfig,
  typeOrmOptions,
  type ServiceConfig,
} from '@samad/service-kit';
import { testEnv } from '../support/environment';

interface Queryable {
  query: (sql: string) => Promise<unknown>;
}

const rowsOf = async (pool: Queryable, sql: string): Promise<Record<string, string>[]> => {
  const result = await pool.query(sql);
  // TypeORM answers rows, pg a result with rows.
  return (Array.isArray(result) ? result : (result as { rows: Record<string, string>[] }).rows) as Record<
    string,
    string
  >[];
};

// Every pool a service opens gets the limits read once by loadServiceConfig (PG_*_TIMEOUT_MS).
describe('PostgreSQL pool timeouts from configuration', () => {
  let config: ServiceConfig;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let vault: CitizenKeyVault;
  const pools: Record<string, () => Queryable> = {
    'the TypeORM pool': () => dataSource,
    'the event store pool': () => store.pool,
    // The vault keeps its pool to itself; the test reaches it to run a statement through it.
    'the key vault pool': () => vault['pool'],
  };

  beforeAll(async () => {
    config = loadServiceConfig('agency', {
      DATABASE_URL: testEnv.databaseUrl,
      PG_CONNECT_TIMEOUT_MS: '4000',
      PG_STATEMENT_TIMEOUT_MS: '300',
      PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: '700',
    });
    dataSource = await new DataSource(typeOrmOptions(config)).initialize();
    const created = createEventStore(config.eventStore);
    if (!(created instanceof PostgresEventStore)) throw new Error('expected the PostgreSQL event store');
    store = created;
    vault = createCitizenKeyVault(
      testEnv.databaseUrl,
      'samad-test-timeouts',
      derivePersonalDataKeys('x'.repeat(32)),
      config.databaseTimeouts,
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await vault?.close();
  });

  it('reads the limits once, for every pool', () => {
    expect(config.databaseTimeouts).toEqual({
      connectTimeoutMs: 4000,
      statementTimeoutMs: 300,
      idleInTransactionTimeoutMs: 700,
    });
  });

  it.each(Object.keys(pools))('%s runs its sessions with the configured server limits', async (name) => {
    const pool = pools[name]();
    expect(await rowsOf(pool, 'SHOW statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
    expect(await rowsOf(pool, 'SHOW idle_in_transaction_session_timeout')).toEqual([
      { idle_in_transaction_session_timeout: '700ms' },
    ]);
  });

  it.each(Object.keys(pools))(
    '%s has a statement longer than the limit cancelled (57014, transient), and goes on serving',
    async (name) => {
      const pool = pools[name]();
      // Without the limit this sleeps two minutes and the test fails on Jest's timeout instead.
      const error: unknown = await pool.query('SELECT pg_sleep(120)').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
      expect(failureKind(error)).toBe('transient');
      expect(await rowsOf(pool, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    },
  );
});

// A server that accepts connections and never answers: only the connect timeout can end the wait.
describe('PostgreSQL pool connect timeout from configuration', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let config: ServiceConfig;

  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    config = loadServiceConfig('agency', {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/silent`,
      PG_CONNECT_TIMEOUT_MS: '300',
    });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => silent.close(done));
  });

  const failureOf = (attempt: Promise<unknown>): Promise<unknown> =>
    attempt.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('gives up connecting in every pool, as a transient failure, instead of waiting forever', async () => {
    const store = createEventStore(config.eventStore);
    if (!(store instanceof PostgresEventStore)) throw new Error('expected the PostgreSQL event store');
    const vault = createCitizenKeyVault(
      config.databaseUrl,
      'samad-test-timeouts',
      derivePersonalDataKeys('x'.repeat(32)),
      config.databaseTimeouts,
    );
    try {
      const failures = [
        await failureOf(new DataSource(typeOrmOptions(config)).initialize()),
        await failureOf(store.pool.query('SELECT 1')),
        await failureOf(vault['pool'].query('SELECT 1')),
      ];
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(Error);
        expect(String((failure as Error).message)).toMatch(/timeout/i);
        expect(failureKind(failure)).toBe('transient');
      }
    } finally {
      await store.close();
      await vault.close();
    }
  });
});
