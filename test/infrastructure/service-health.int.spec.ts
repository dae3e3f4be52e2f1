import { spawn } from 'node:child_process';
import { kafkaBroker } from '../support/kafka-broker';
import { repoRoot, testEnv } from '../support/environment';
import { TcpProxy } from '../support/tcp-proxy';
import { startService, stopService, waitForHttp, type RunningService } from '../support/service-process';

// Each service process reports Kafka and PostgreSQL separately and follows the broker's real state.
describe('a service process and its /health/ready (and its alias /health)', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = startService('routing', 13102);
    await waitForHttp(service.baseUrl);
  }, 60000);

  afterAll(async () => {
    kafkaBroker('start');
    await stopService(service);
  }, 120000);

  it.each(['/health/ready', '/health'])('%s answers 200 with both dependencies up', async (path) => {
    const res = await fetch(`${service.baseUrl}${path}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      service: 'routing',
      status: 'ready',
      checks: { kafka: { status: 'up' }, postgres: { status: 'up' } },
    });
  });

  it('answers 503 naming Kafka when the broker is stopped, and 200 again when it is back', async () => {
    kafkaBroker('stop');
    // The answer is cached for a second: wait for the first one that saw the broker gone.
    await waitForHttp(service.baseUrl, '/health/ready', 503);
    for (const path of ['/health/ready', '/health']) {
      const down = await fetch(`${service.baseUrl}${path}`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({
        status: 'not_ready',
        // The consumer is not in its group while the broker is away: it says so too.
        down: expect.arrayContaining(['kafka']),
        checks: { kafka: { status: 'down' }, postgres: { status: 'up' } },
      });
    }
    // Liveness does not hang on Kafka.
    expect((await fetch(`${service.baseUrl}/health/live`)).status).toBe(200);

    kafkaBroker('start');
    await waitForHttp(service.baseUrl, '/health/ready', 200);
    await waitForHttp(service.baseUrl, '/health', 200);
  }, 120000);

  it('serves its OpenAPI document at /docs, naming the bearer token scheme and each endpoint’s roles', async () => {
    const res = await fetch(`${service.baseUrl}/docs-json`);
    expect(res.status).toBe(200);
    const document = (await res.json()) as {
      info: { title: string };
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: unknown[]; 'x-samad-roles'?: string[] }>>;
    };
    expect(document.info.title).toBe('Samad routing service');
    expect(document.components.securitySchemes).toHaveProperty('bearer');
    expect(document.paths['/api/routing/requests/{code}/route'].post).toMatchObject({
      security: [{ bearer: [] }],
      'x-samad-roles': ['supervisor'],
    });
  });

  it('loads the Swagger UI under a policy that allows its own scripts, and locks the API down', async () => {
    const page = await fetch(`${service.baseUrl}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    for (const [, script] of html.matchAll(/<script src="([^"]+)"/g)) {
      const asset = await fetch(new URL(script, page.url)); // resolved as the browser would
      expect(asset.status).toBe(200);
    }
    const api = await fetch(`${service.baseUrl}/api/routing/rules`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
  });
});

describe('a service process at start and stop', () => {
  it('refuses a wrong configuration value with a clear message and a non-zero exit', async () => {
    const service = startService('intake', 13101, { KAFKA_BROKERS: 'not a broker list' });
    expect(await service.exited).toBe(78);
    expect(service.output()).toContain('invalid configuration: KAFKA_BROKERS: must be host:port');
  });

  // Every part of the configuration is read by the one schema, so each of these stops start-up the same way.
  it.each([
    ['agency', { EVENT_STORE: 'mongo' }, 'EVENT_STORE: must be "postgres" or "eventstoredb"', 14501],
    ['reporting', { PERSONAL_DATA_SECRET: 'too-short' }, 'PERSONAL_DATA_SECRET: must be at least 32', 14502],
    [
      'routing',
      { KAFKA_SASL_MECHANISM: 'kerberos', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      'KAFKA_SASL_MECHANISM: must be one of scram-sha-512, scram-sha-256, plain',
      14503,
    ],
    [
      'intake',
      {
        NODE_ENV: 'production',
        PERSONAL_DATA_SECRET: 'a-real-production-secret-of-enough-length',
        SAMAD_DEMO_USERS: '1',
      },
      'SAMAD_DEMO_USERS: must not be 1 with NODE_ENV=production',
      15101,
    ],
    [
      'routing',
      {
        NODE_ENV: 'production',
        PERSONAL_DATA_SECRET: 'samad-local-development-personal-data-secret-never-in-production',
        SAMAD_DEMO_USERS: '0',
      },
      'PERSONAL_DATA_SECRET: is the development default',
      15102,
    ],
  ] as const)('%s exits 78 on %j, naming the variable', async (name, env, message, port) => {
    const service = startService(name, port, env);
    expect(await service.exited).toBe(78);
    expect(service.output()).toContain(`invalid configuration: ${message}`);
  });

  it('prepare refuses to create the demo users under NODE_ENV=production, naming the variable', async () => {
    const prepare = spawn(
      process.execPath,
      ['-r', `${repoRoot}/scripts/register-paths.js`, `${repoRoot}/dist/scripts/prepare.js`],
      {
        env: {
          ...process.env,
          DATABASE_URL: testEnv.databaseUrl,
          NODE_ENV: 'production',
          SAMAD_DEMO_USERS: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    prepare.stdout.on('data', (d) => (output += d));
    prepare.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((done) => prepare.on('exit', done));
    expect(code).toBe(78);
    expect(output).toContain('SAMAD_DEMO_USERS: must not be 1 with NODE_ENV=production');
  });

  it('refuses to start without the key that verifies access tokens, naming the variable', async () => {
    const service = startService('routing', 13105, { AUTH_PUBLIC_KEY_FILE: '/nonexistent/public-key.pem' });
    expect(await service.exited).toBe(78);
    expect(service.output()).toContain(
      'invalid configuration: AUTH_PUBLIC_KEY_FILE: cannot read a public key',
    );
  });

  it('answers 503 naming PostgreSQL when the database becomes unreachable, and 200 when it is back', async () => {
    const target = new URL(testEnv.databaseUrl);
    const proxy = new TcpProxy(13199, { host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    const viaProxy = Object.assign(new URL(target), { port: '13199' }).toString();
    const service = startService('agency', 13103, { DATABASE_URL: viaProxy });
    try {
      await waitForHttp(service.baseUrl, '/health/ready', 200);
      await proxy.cut();
      await waitForHttp(service.baseUrl, '/health/ready', 503);
      for (const path of ['/health/ready', '/health']) {
        const down = await fetch(`${service.baseUrl}${path}`);
        expect(down.status).toBe(503);
        expect(await down.json()).toMatchObject({
          down: expect.arrayContaining(['postgres']),
          checks: { kafka: { status: 'up' } },
        });
      }
      expect((await fetch(`${service.baseUrl}/health/live`)).status).toBe(200);
      await proxy.open();
      await waitForHttp(service.baseUrl, '/health/ready', 200);
    } finally {
      await proxy.cut();
      await stopService(service);
    }
  }, 60000);

  it('shuts down gracefully on SIGTERM with exit code 0', async () => {
    const service = startService('reporting', 13104, { LOG_LEVEL: 'info' });
    await waitForHttp(service.baseUrl);
    expect(await stopService(service)).toBe(0);
    expect(service.output()).toContain('shutting down');
  }, 60000);
});
