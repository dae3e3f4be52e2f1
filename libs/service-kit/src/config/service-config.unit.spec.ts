import { DEFAULT_POSTGRES_TIMEOUTS } from '@samad/event-store';
import { DEVELOPMENT_PERSONAL_DATA_SECRET, derivePersonalDataKeys } from '@samad/personal-data';
import { ConfigError, loadServiceConfig } from './service-config';

describe('loadServiceConfig', () => {
  it('gives each service its default port and local infrastructure', () => {
    const config = loadServiceConfig('agency', {});
    expect(config).toMatchObject({
      service: 'agency',
      port: 3003,
      kafkaBrokers: ['127.0.0.1:9092'],
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/samad',
      kafkaClientId: 'samad-agency',
    });
  });

  it('takes overrides from the environment', () => {
    const config = loadServiceConfig('intake', {
      INTAKE_PORT: '4001',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      KAFKA_TOPIC_PARTITIONS: '12',
    });
    expect(config).toMatchObject({ port: 4001, kafkaBrokers: ['k1:9092', 'k2:9092'], topicPartitions: 12 });
  });

  it('names every wrong value at once', () => {
    try {
      loadServiceConfig('routing', { ROUTING_PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'DATABASE_URL',
        'LOG_LEVEL',
        'ROUTING_PORT',
      ]);
    }
  });
});

describe('loadServiceConfig: tokens and HTTP', () => {
  it('verifies local Ed25519 tokens by default, and only intake signs them', () => {
    const routing = loadServiceConfig('routing', { AUTH_KEYS_DIR: '/keys' });
    expect(routing.auth).toEqual({
      issuer: 'samad',
      audience: 'samad-api',
      keys: { source: 'local-file', publicKeyFile: '/keys/public-key.pem' },
      algorithms: ['EdDSA'],
      roleClaim: 'role',
      agencyClaim: 'agency',
      revocationCacheMs: 5000,
    });
    expect(routing.login).toBeUndefined();
    expect(routing.http).toEqual({ corsOrigins: [], bodyLimit: '64kb', trustProxyHops: 0 });
    expect(loadServiceConfig('intake', { AUTH_KEYS_DIR: '/keys' }).login).toMatchObject({
      privateKeyFile: '/keys/signing-key.pem',
      tokenTtlSeconds: 900,
      refreshTtlSeconds: 28800,
      maxFailuresPerPair: 5,
      maxDelaySeconds: 900,
    });
    // The revocation bound is at most 5 s: a longer cache would let a revoked token live on.
    expect(() => loadServiceConfig('routing', { AUTH_REVOCATION_CACHE_MS: '60000' })).toThrow(
      /AUTH_REVOCATION_CACHE_MS/,
    );
    expect(loadServiceConfig('intake', {}).trackRateLimit).toEqual({
      perClientPerMinute: 20,
      perCodePerMinute: 10,
    });
  });

  it("trusts the province's identity provider when AUTH_JWKS_URL is set, and intake issues no tokens", () => {
    const env = {
      AUTH_JWKS_URL: 'https://sso.example.ir/realms/samad/protocol/openid-connect/certs',
      AUTH_ISSUER: 'https://sso.example.ir/realms/samad',
      AUTH_AUDIENCE: 'samad',
      AUTH_ROLE_CLAIM: 'realm_access.roles',
      AUTH_AGENCY_CLAIM: 'samad_agency',
    };
    const config = loadServiceConfig('intake', env);
    expect(config.auth).toMatchObject({
      keys: { source: 'jwks', jwksUrl: env.AUTH_JWKS_URL },
      issuer: env.AUTH_ISSUER,
      algorithms: ['EdDSA', 'ES256', 'RS256'],
      roleClaim: 'realm_access.roles',
    });
    expect(config.login).toBeUndefined();
  });

  it('names wrong token and HTTP settings', () => {
    try {
      loadServiceConfig('intake', {
        AUTH_JWKS_URL: 'ftp://sso',
        AUTH_ALGORITHMS: 'HS256',
        AUTH_TOKEN_TTL_SECONDS: '5',
        CORS_ORIGINS: 'https://ok.example.ir, *',
        HTTP_BODY_LIMIT: 'lots',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0].split('.')[0]).sort()).toEqual([
        'AUTH_ALGORITHMS',
        'AUTH_JWKS_URL',
        'AUTH_TOKEN_TTL_SECONDS',
        'CORS_ORIGINS',
        'HTTP_BODY_LIMIT',
      ]);
    }
  });
});

describe('loadServiceConfig: one reader for every part', () => {
  const problemsOf = (env: NodeJS.ProcessEnv, service: 'intake' | 'agency' = 'agency'): string[] => {
    try {
      loadServiceConfig(service, env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  it('carries the event store, personal-data keys, Kafka security and bind address', () => {
    const config = loadServiceConfig('reporting', {
      DATABASE_URL: 'postgres://db/samad',
      HOST: '127.0.0.1',
      PERSONAL_DATA_SECRET: 'p'.repeat(40),
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'samad-reporting',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(config.host).toBe('127.0.0.1');
    expect(config.eventStore).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://db/samad',
      timeouts: DEFAULT_POSTGRES_TIMEOUTS,
    });
    expect(config.personalDataKeys).toEqual(derivePersonalDataKeys('p'.repeat(40)));
    expect(config.kafkaSecurity).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'samad-reporting', password: 's3cret' },
    });
    expect(loadServiceConfig('reporting', {}).personalDataKeys).toEqual(
      derivePersonalDataKeys(DEVELOPMENT_PERSONAL_DATA_SECRET),
    );
  });

  it('chooses EventStoreDB with its connection string', () => {
    const config = loadServiceConfig('agency', {
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect(config.eventStore).toEqual({
      kind: 'eventstoredb',
      connectionString: 'esdb://localhost:2113?tls=false',
    });
  });

  it.each([
    [{ EVENT_STORE: 'mongo' }, 'EVENT_STORE: must be "postgres" or "eventstoredb", got "mongo"'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING: required with EVENT_STORE=eventstoredb'],
    [{ PERSONAL_DATA_SECRET: 'too-short' }, 'PERSONAL_DATA_SECRET: must be at least 32 characters'],
    [{ NODE_ENV: 'production' }, 'PERSONAL_DATA_SECRET: must be set in production (at least 32 characters)'],
    [
      { NODE_ENV: 'production', PERSONAL_DATA_SECRET: DEVELOPMENT_PERSONAL_DATA_SECRET },
      'PERSONAL_DATA_SECRET: is the development default',
    ],
    [
      { NODE_ENV: 'production', PERSONAL_DATA_SECRET: 'x'.repeat(40), SAMAD_DEMO_USERS: '1' },
      'SAMAD_DEMO_USERS: must not be 1 with NODE_ENV=production (the demo users share a published password)',
    ],
    [
      { KAFKA_SASL_MECHANISM: 'kerberos', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      'KAFKA_SASL_MECHANISM: must be one of scram-sha-512, scram-sha-256, plain',
    ],
    [
      { KAFKA_SASL_MECHANISM: 'plain' },
      'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD: required with KAFKA_SASL_MECHANISM',
    ],
    [{ KAFKA_SSL_CA_FILE: '/nonexistent/ca.crt' }, 'KAFKA_SSL_CA_FILE: cannot read /nonexistent/ca.crt'],
    [
      { PG_STATEMENT_TIMEOUT_MS: 'soon' },
      'PG_STATEMENT_TIMEOUT_MS: Invalid input: expected number, received NaN',
    ],
    [{ PG_CONNECT_TIMEOUT_MS: '0' }, 'PG_CONNECT_TIMEOUT_MS: Too small: expected number to be >=100'],
  ])('refuses %j, naming the variable', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it('gives every PostgreSQL pool the same timeouts, defaults unless PG_*_TIMEOUT_MS say otherwise', () => {
    expect(loadServiceConfig('agency', {}).databaseTimeouts).toEqual(DEFAULT_POSTGRES_TIMEOUTS);
    const config = loadServiceConfig('intake', {
      PG_CONNECT_TIMEOUT_MS: '2500',
      PG_STATEMENT_TIMEOUT_MS: '15000',
      PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: '20000',
    });
    const timeouts = { connectTimeoutMs: 2500, statementTimeoutMs: 15000, idleInTransactionTimeoutMs: 20000 };
    expect(config.databaseTimeouts).toEqual(timeouts);
    expect(config.eventStore).toMatchObject({ kind: 'postgres', timeouts });
  });

  it('reports the problems of every part together', () => {
    const problems = problemsOf(
      {
        INTAKE_PORT: '0',
        EVENT_STORE: 'mongo',
        PERSONAL_DATA_SECRET: 'short',
        KAFKA_SASL_MECHANISM: 'kerberos',
        AUTH_ALGORITHMS: 'HS256',
        HTTP_BODY_LIMIT: 'lots',
        TRACK_RATE_LIMIT_PER_MINUTE: '0',
      },
      'intake',
    );
    expect(problems.map((p) => p.split(':')[0].split('.')[0]).sort()).toEqual([
      'AUTH_ALGORITHMS',
      'EVENT_STORE',
      'HTTP_BODY_LIMIT',
      'INTAKE_PORT',
      'KAFKA_SASL_MECHANISM',
      'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
      'PERSONAL_DATA_SECRET',
      'TRACK_RATE_LIMIT_PER_MINUTE',
    ]);
  });
});
