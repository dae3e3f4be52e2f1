import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { requestStreamName } from '@samad/request-lifecycle';
import { testEnv, waitFor } from '../../../test/support/environment';
import { TcpProxy } from '../../../test/support/tcp-proxy';
import {
  startService,
  stopService,
  waitForHttp,
  type RunningService,
} from '../../../test/support/service-process';
import { asOperator, registrationBody } from './intake-test-kit';

// Ports of this file only (14100–14199 belong to the outage and health tests).
const INTAKE_PORT = 14100;
const PROXY_PORT = 14101;

// Fishing (JAHAD): these registrations stay out of the inbox other tests page through (water, ABFA).
const outageBody = (): Record<string, unknown> => registrationBody({ categoryCode: 'AGR-FISH' });

interface Attempt {
  key: string;
  body: Record<string, unknown>;
}

/**
 * Intake as its own process whose every PostgreSQL connection (read models, event store, key vault) runs
 * through a proxy the test cuts: registrations during the outage answer 503 with Retry-After, never 500,
 * and a retry with the same Idempotency-Key after the outage stores each request exactly once.
 */
describe('registration while PostgreSQL is unreachable', () => {
  const proxy = new TcpProxy(PROXY_PORT, {
    host: new URL(testEnv.databaseUrl).hostname,
    port: Number(new URL(testEnv.databaseUrl).port || 5432),
  });
  const db = new Client({ connectionString: testEnv.databaseUrl });
  let intake: RunningService;
  let auth: Record<string, string>;

  const submit = (attempt: Attempt): Promise<Response> =>
    fetch(`${intake.baseUrl}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': attempt.key, ...auth },
      body: JSON.stringify(attempt.body),
    });

  // What a retry must leave: one key row, and one registration stored under the key, in its own stream.
  async function storedFor(key: string): Promise<{ keys: number; registrations: string[] }> {
    const keys = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM intake.idempotency_keys WHERE key = $1',
      [key],
    );
    const registrations = await db.query<{ stream_id: string }>(
      `SELECT stream_id FROM event_store.events
        WHERE event_type = 'RequestRegistered' AND metadata->>'causationId' = $1`,
      [`idem:${key}`],
    );
    return { keys: keys.rows[0].n, registrations: registrations.rows.map((r) => r.stream_id) };
  }

  async function expectUnavailable(res: Response): Promise<void> {
    const text = await res.text();
    expect({ status: res.status, text }).toEqual({ status: 503, text: expect.any(String) });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(text)).toEqual({
      type: 'urn:samad:problem:dependency-unavailable',
      title: expect.any(String),
      status: 503,
      code: 'DEPENDENCY_UNAVAILABLE',
    });
    expect(text).not.toMatch(/ECONN|127\.0\.0\.1|terminat|stack|\n\s+at /);
  }

  beforeAll(async () => {
    await db.connect();
    auth = await asOperator('operator-outage');
    await proxy.open();
    const viaProxy = Object.assign(new URL(testEnv.databaseUrl), { port: String(PROXY_PORT) }).toString();
    intake = startService('intake', INTAKE_PORT, { DATABASE_URL: viaProxy });
    await waitForHttp(intake.baseUrl, '/health/ready', 200);
  }, 60_000);

  afterAll(async () => {
    await proxy.cut();
    if (intake) await stopService(intake);
    await db.end();
  }, 60_000);

  it('answers 503 with Retry-After during the outage, and the same key registers once afterwards', async () => {
    const attempt: Attempt = { key: randomUUID(), body: outageBody() };
    await proxy.cut();

    // The first attempt and a retry during the outage: both 503, neither 500, 409 nor 422.
    await expectUnavailable(await submit(attempt));
    await expectUnavailable(await submit(attempt));
    // Liveness does not depend on PostgreSQL; readiness says it is down.
    expect((await fetch(`${intake.baseUrl}/health/live`)).status).toBe(200);
    await waitForHttp(intake.baseUrl, '/health/ready', 503);
    const ready = (await (await fetch(`${intake.baseUrl}/health/ready`)).json()) as { down: string[] };
    expect(ready.down).toContain('postgres');
    expect((await fetch(`${intake.baseUrl}/health/live`)).status).toBe(200);

    await proxy.open();
    await waitForHttp(intake.baseUrl, '/health/ready', 200);
    const done = await submit(attempt);
    expect(done.status).toBe(201);
    const { trackingCode } = (await done.json()) as { trackingCode: string };
    const again = await submit(attempt);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toMatchObject({ trackingCode });
    expect(await storedFor(attempt.key)).toEqual({
      keys: 1,
      registrations: [requestStreamName(trackingCode)],
    });
  }, 60_000);

  it('completes every registration caught mid-way by the cut once retried with its key, each exactly once', async () => {
    const attempts: Attempt[] = Array.from({ length: 24 }, () => ({
      key: randomUUID(),
      body: outageBody(),
    }));
    // Cut while the registrations are in flight: some claimed their key and no more, some appended and
    // lost the answer, some never started. Whatever each one reached, it answers 201 or 503.
    const statuses: number[] = [];
    const inFlight = attempts.map(async (attempt) => {
      const res = await submit(attempt);
      statuses.push(res.status);
      if (res.status !== 201) await expectUnavailable(res);
    });
    await waitFor('the first answers', async () => (statuses.length > 0 ? true : undefined), {
      intervalMs: 1,
    });
    await proxy.cut();
    await Promise.all(inFlight);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503); // the cut did catch registrations on their way

    await proxy.open();
    await waitForHttp(intake.baseUrl, '/health/ready', 200);
    for (const attempt of attempts) {
      const res = await submit(attempt);
      expect({ key: attempt.key, status: res.status }).toEqual({ key: attempt.key, status: 201 });
      const { trackingCode } = (await res.json()) as { trackingCode: string };
      expect(await storedFor(attempt.key)).toEqual({
        keys: 1,
        registrations: [requestStreamName(trackingCode)],
      });
    }
  }, 120_000);
});
