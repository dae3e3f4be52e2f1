import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@samad/events';
import { ReadinessRegistry } from '@samad/service-kit';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { testEnv, waitFor } from '../support/environment';
import { consumerGroupCaughtUp } from '../support/kafka-topic-reader';
import { TcpProxy } from '../support/tcp-proxy';
import { startService, stopService, waitForHttp, type RunningService } from '../support/service-process';

// Ports of this file only (14100–14199 belong to the outage and health tests).
const ROUTING_PORT = 14110;
const PROXY_PORT = 14111;

/**
 * Readiness costs nothing under a probe storm: every PostgreSQL connection of the routing process runs
 * through a proxy that counts them, and a hundred probes open none beyond what the pool already holds.
 */
describe('GET /health/ready under a probe storm', () => {
  const target = new URL(testEnv.databaseUrl);
  const proxy = new TcpProxy(PROXY_PORT, { host: target.hostname, port: Number(target.port || 5432) });
  const db = new Client({ connectionString: testEnv.databaseUrl });
  let routing: RunningService;

  const backendsOf = async (applicationName: string): Promise<number[]> =>
    (
      await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
        applicationName,
      ])
    ).rows.map((r) => r.pid);

  beforeAll(async () => {
    await db.connect();
    await proxy.open();
    const viaProxy = Object.assign(new URL(target), { port: String(PROXY_PORT) }).toString();
    routing = startService('routing', ROUTING_PORT, { DATABASE_URL: viaProxy });
    await waitForHttp(routing.baseUrl, '/health/ready', 200);
    // Routing's only other database work is its consumer: let it finish what earlier tests published.
    const kafka = new Kafka({ brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING });
    await waitFor(
      'routing to consume every request event',
      async () =>
        (await consumerGroupCaughtUp(kafka, 'samad-routing', Topics.requestEvents)) ? true : undefined,
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  }, 180_000);

  afterAll(async () => {
    await proxy.cut();
    if (routing) await stopService(routing);
    await db.end();
  }, 60_000);

  it('answers a storm of probes from the service’s own pool, opening no new PostgreSQL connection per probe', async () => {
    const acceptedBefore = proxy.accepted;
    const poolBefore = new Set(await backendsOf('samad-routing-typeorm'));

    const concurrent = await Promise.all(
      Array.from({ length: 50 }, (_, i) => fetch(`${routing.baseUrl}/health${i % 2 ? '/ready' : ''}`)),
    );
    const sequential: Response[] = [];
    for (let i = 0; i < 50; i++) sequential.push(await fetch(`${routing.baseUrl}/health/ready`));
    const answers = [...concurrent, ...sequential];

    expect(answers.map((res) => res.status)).toEqual(Array(100).fill(200));
    expect(await answers[0].json()).toMatchObject({
      service: 'routing',
      status: 'ready',
      checks: { postgres: { status: 'up' }, kafka: { status: 'up' } },
    });
    // At most one: the pool may have let an idle connection go before the storm and open it again.
    expect(proxy.accepted - acceptedBefore).toBeLessThanOrEqual(1);
    const poolAfter = await backendsOf('samad-routing-typeorm');
    expect(poolAfter.filter((pid) => !poolBefore.has(pid)).length).toBeLessThanOrEqual(1);
  });

  it('stays live while PostgreSQL is cut, and ready again once it is back', async () => {
    await proxy.cut();
    try {
      expect((await fetch(`${routing.baseUrl}/health/live`)).status).toBe(200);
      await waitForHttp(routing.baseUrl, '/health/ready', 503);
      const res = await fetch(`${routing.baseUrl}/health/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        status: 'not_ready',
        down: expect.arrayContaining(['postgres']), // the consumer waits on it too
        checks: { postgres: { status: 'down' }, kafka: { status: 'up' } },
      });
      const live = await fetch(`${routing.baseUrl}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ service: 'routing', status: 'alive' });
    } finally {
      await proxy.open();
    }
    await waitForHttp(routing.baseUrl, '/health/ready', 200);
  }, 60_000);
});

describe('components that report into GET /health/ready', () => {
  let routing: InProcessService;
  let registry: ReadinessRegistry;

  const readiness = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${routing.baseUrl}/health/ready`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    registry = routing.app.get(ReadinessRegistry);
  }, 60_000);

  afterAll(async () => {
    await routing?.close();
  });

  it('adds each registered check to the answer, and a check that is not ready takes the replica out', async () => {
    const unregister = registry.register('component', () => ({ ready: true, details: { lag: 0 } }));
    await waitForHttp(routing.baseUrl, '/health/ready', 200);
    expect((await readiness()).body).toMatchObject({
      status: 'ready',
      checks: {
        postgres: { status: 'up' },
        kafka: { status: 'up' },
        consumer: { status: 'up', details: expect.objectContaining({ lag: expect.any(Number) }) },
        component: { status: 'up', details: { lag: 0 } },
      },
    });

    unregister();
    const stalled = registry.register('component', () => ({
      ready: false,
      details: { lag: 12, stalled: true },
    }));
    const failing = registry.register('relay', async () => {
      throw new Error('relay state unreadable');
    });
    await waitForHttp(routing.baseUrl, '/health/ready', 503);
    expect(await readiness()).toEqual({
      status: 503,
      body: expect.objectContaining({
        status: 'not_ready',
        down: ['component', 'relay'],
        checks: expect.objectContaining({
          component: { status: 'down', details: { lag: 12, stalled: true } },
          relay: { status: 'down', error: 'relay state unreadable' },
        }),
      }),
    });

    stalled();
    failing();
    await waitForHttp(routing.baseUrl, '/health/ready', 200);
    // The service's own consumer stays; the test's components are gone.
    expect(Object.keys((await readiness()).body.checks as object)).toEqual(['postgres', 'kafka', 'consumer']);
  }, 60_000);
});
