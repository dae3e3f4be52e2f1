// Observability over the real system (ADR 0035): four service processes on the real broker and database,
// exporting spans over OTLP/HTTP to a receiver in this test, scraped at /metrics, their logs read back.
import { createServer } from 'node:net';
import { Client } from 'pg';
import { testEnv, waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { startService, stopService, type RunningService } from '../support/service-process';

// Four services, a broker and a database on one machine shared with other work: waits are generous.
const patiently = { timeoutMs: 120000, intervalMs: 500 };

type ServiceName = 'intake' | 'routing' | 'agency' | 'reporting';
const names: ServiceName[] = ['intake', 'routing', 'agency', 'reporting'];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const citizen = { nationalCode: '0499370899', fullName: 'پروین اعتصامی', mobile: '09171234567' };
// The forms a citizen's data could leak in: as sent, and with the digits and letters the services normalise.
const personalData = [citizen.nationalCode, citizen.mobile, '9171234567', citizen.fullName, 'اعتصامی'];

/** One sample's value from the exposition text; 0 when the series is not there yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((label) => line.includes(label))) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

describe('observability: metrics, one trace and joined-up logs for one registration', () => {
  const receiver = new OtlpReceiver();
  const services = {} as Record<ServiceName, RunningService>;
  const sql = new Client({ connectionString: testEnv.databaseUrl });
  const url = (service: ServiceName, path: string): string => `${services[service].baseUrl}${path}`;
  const tokens = new Map<string, string>();

  async function call(
    method: string,
    target: string,
    as?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const auth: Record<string, string> = as ? { authorization: `Bearer ${await tokenOf(as)}` } : {};
    return requestJson(method, target, { body, headers: { ...auth, ...headers } });
  }
  async function tokenOf(username: string): Promise<string> {
    if (!tokens.has(username)) {
      const res = await requestJson('POST', url('intake', '/api/auth/login'), {
        body: { username, password: 'samad-demo' },
      });
      tokens.set(username, res.body.accessToken as string);
    }
    return tokens.get(username)!;
  }
  const scrape = async (service: ServiceName): Promise<string> =>
    (await fetch(url(service, '/metrics'))).text();

  beforeAll(async () => {
    const endpoint = await receiver.start();
    await sql.connect();
    for (const name of names) {
      services[name] = startService(name, await freePort(), {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        LOG_LEVEL: 'debug',
      });
    }
    // Four Node processes starting at once on a busy machine: give them time, and show their output if not.
    const ready = (name: ServiceName) =>
      waitFor(
        `${name} ready`,
        async () => {
          const res = await fetch(url(name, '/health/ready')).catch((error: Error) => {
            throw new Error(`${error.message}: ${String((error.cause as Error | undefined)?.message)}`);
          });
          return res.status === 200 ? true : undefined;
        },
        { timeoutMs: 150000, intervalMs: 500 },
      );
    await Promise.all(names.map(ready)).catch((error: unknown) => {
      for (const name of names)
        process.stderr.write(`--- ${name}\n${services[name].output().slice(-3000)}\n`);
      throw error;
    });
  }, 180000);

  afterAll(async () => {
    await Promise.all(names.map((name) => services[name] && stopService(services[name])));
    await receiver.stop();
    await sql.end();
  }, 60000);

  it('exposes Prometheus series on /metrics of every service, none of them public data', async () => {
    for (const name of names) {
      const res = await fetch(url(name, '/metrics'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toContain(`samad_process_cpu_seconds_total{service="${name}"}`);
      expect(text).toContain('# TYPE samad_http_request_duration_seconds histogram');
      expect(text).toMatch(/samad_readiness_check_up\{.*check="postgres".*\} 1/);
    }
  });

  it('follows a registration to its answer: the request id, one trace over OTLP, counters and logs', async () => {
    const before = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await scrape(n)])));
    const requestId = `obs-${Date.now()}-check`;

    const registered = await call(
      'POST',
      url('intake', '/api/requests'),
      'operator1',
      {
        channel: 'phone',
        kind: 'complaint',
        collective: false,
        citizens: [citizen],
        countyCode: 'BND',
        categoryCode: 'WAT-CUT',
        description: 'فشار آب در کوچه‌ی ما از هفته‌ی پیش بسیار کم است',
      },
      { 'x-request-id': requestId },
    );
    expect(registered.status).toBe(201);
    expect(registered.headers.get('x-request-id')).toBe(requestId);
    const code = registered.body.trackingCode as string;

    await waitFor(
      'the request in ABFA’s inbox',
      async () => {
        const { body } = await call(
          'GET',
          url('agency', `/api/agency/inbox?trackingCode=${code}`),
          'staff.abfa',
        );
        return (body.items as Json[]).find((item) => item.trackingCode === code);
      },
      patiently,
    );
    const answered = await call('POST', url('agency', `/api/agency/requests/${code}/answer`), 'staff.abfa', {
      outcome: 'positive',
      text: 'فشار شبکه در این محله تنظیم شد.',
    });
    expect(answered.status).toBeLessThan(300);
    // A minted id is returned too, and differs from the caller's.
    expect(answered.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(
      'the answer in reporting',
      async () => {
        const { rows } = await sql.query(
          `SELECT 1 FROM reporting.requests WHERE tracking_code = $1 AND status = 'answered'`,
          [code],
        );
        return rows[0];
      },
      patiently,
    );

    // Every event the registration caused carries the caller's id and the trace it belongs to.
    const { rows: events } = await sql.query<{ event_type: string; metadata: Json }>(
      `SELECT event_type, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY stream_revision`,
      [`request-${code}`],
    );
    const caused = events.slice(0, 2);
    expect(caused.map((e) => e.event_type)).toEqual(['RequestRegistered', 'RequestRoutedToAgency']);
    // The answer's events (acknowledged on the way) carry the id minted for the answering call: one per call.
    const answerId = answered.headers.get('x-request-id');
    expect(events.slice(2).map((e) => e.metadata.correlationId)).toEqual(events.slice(2).map(() => answerId));
    for (const event of caused) {
      expect(event.metadata.correlationId).toBe(requestId);
      expect(event.metadata.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    }
    const traceId = (caused[0].metadata.traceparent as string).split('-')[1];
    expect((caused[1].metadata.traceparent as string).split('-')[1]).toBe(traceId);

    // One connected trace: intake's HTTP call, its append, the relay, every consumer, the agency topic.
    const expectedServices = names.map((n) => `samad-${n}`);
    const trace = await waitFor(
      'one trace across the four services',
      async () => {
        const spans = receiver.trace(traceId);
        const consumers = new Set(spans.filter((s) => s.kind === 5).map((s) => s.service));
        const agencyTopic = spans.some((s) => s.service === 'samad-agency' && s.kind === 4);
        return ['samad-routing', 'samad-agency', 'samad-reporting'].every((s) => consumers.has(s)) &&
          agencyTopic
          ? spans
          : undefined;
      },
      patiently,
    );
    expect(new Set(trace.map((s) => s.service))).toEqual(new Set(expectedServices));
    const ids = new Set(trace.map((s) => s.spanId));
    const roots = trace.filter((s) => !s.parentSpanId);
    expect(roots).toEqual([
      expect.objectContaining({ service: 'samad-intake', kind: 2, name: 'POST /api/requests' }),
    ]);
    for (const span of trace.filter((s) => s.parentSpanId)) expect(ids).toContain(span.parentSpanId);
    const parentOf = (span: ReceivedSpan) => trace.find((s) => s.spanId === span.parentSpanId);
    const routingConsumer = trace.find((s) => s.service === 'samad-routing' && s.kind === 5)!;
    expect(parentOf(routingConsumer)).toMatchObject({ service: 'samad-intake', kind: 4 });
    expect(parentOf(parentOf(routingConsumer)!)).toMatchObject({ name: 'event-store append' });

    // Counters and histograms moved.
    const after = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await scrape(n)])));
    const moved = (service: ServiceName, name: string, labels: Record<string, string> = {}) =>
      sample(after[service], name, labels) - sample(before[service], name, labels);
    expect(moved('intake', 'samad_registrations_accepted_total')).toBeGreaterThanOrEqual(1);
    expect(
      moved('intake', 'samad_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/requests',
        status_code: '201',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('intake', 'samad_event_store_append_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(
      moved('intake', 'samad_relay_published_events_total', { relay: 'request-events' }),
    ).toBeGreaterThanOrEqual(3);
    expect(moved('intake', 'samad_relay_publish_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(
      moved('routing', 'samad_consumer_batch_size_count', { group: 'samad-routing' }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('agency', 'samad_consumer_batch_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(moved('agency', 'samad_relay_published_events_total')).toBeGreaterThanOrEqual(1);
    expect(
      moved('reporting', 'samad_consumer_messages_total', { group: 'samad-reporting' }),
    ).toBeGreaterThanOrEqual(3);
    expect(after.reporting).toMatch(/samad_open_requests\{[^}]*agency="[A-Z]+"/);
    expect(after.routing).toMatch(/samad_consumer_lag_messages\{[^}]*group="samad-routing"/);
    for (const text of Object.values(after)) expect(text).not.toContain(code);

    // Every log line of the registration names its id, in each service; no log line holds personal data.
    await waitFor(
      'the consumers’ log lines',
      async () =>
        names.every((n) => services[n].output().includes(`"correlationId":"${requestId}"`))
          ? true
          : undefined,
      patiently,
    );
    const lines = names.flatMap((n) =>
      services[n]
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{')),
    );
    const access = lines
      .map((l) => JSON.parse(l) as Json)
      .find((l) => l.route === '/api/requests' && l.status === 201);
    expect(access).toMatchObject({
      method: 'POST',
      correlationId: requestId,
      actor: { id: 'operator1', role: 'operator' },
      durationMs: expect.any(Number),
    });
    for (const name of names) {
      const own = services[name]
        .output()
        .split('\n')
        .filter((l) => l.includes(`"correlationId":"${requestId}"`));
      expect(own.length).toBeGreaterThan(0);
      for (const line of own) expect(JSON.parse(line).traceId).toBe(traceId);
    }
    for (const text of personalData) expect(lines.filter((l) => l.includes(text))).toEqual([]);
  }, 400000);
});
