import { Topics } from '@samad/events';
import { waitFor } from '../support/environment';
import { allPages, requestJson, type Json } from '../support/http';
import { KafkaTopicReader, consumerGroupCaughtUp, readTopicToEnd } from '../support/kafka-topic-reader';
import { startService, stopService, waitForHttp, type RunningService } from '../support/service-process';

// The whole system as four OS processes on the real broker and database, driven through HTTP only.
const ports = { intake: 13201, routing: 13202, agency: 13203, reporting: 13204 } as const;
const url = (service: keyof typeof ports, path: string): string =>
  `http://127.0.0.1:${ports[service]}${path}`;

async function call(
  method: string,
  target: string,
  { body, as, headers = {} }: { body?: unknown; as?: string; headers?: Record<string, string> } = {},
) {
  const auth: Record<string, string> = as ? { authorization: `Bearer ${await tokenOf(as)}` } : {};
  return requestJson(method, target, { body, headers: { ...auth, ...headers } });
}

// Everyone signs in for real, as the demo users `npm start` creates (scripts/test.sh sets SAMAD_DEMO_USERS=1).
const tokens = new Map<string, string>();
async function tokenOf(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const res = await call('POST', url('intake', '/api/auth/login'), {
      body: { username, password: 'samad-demo' },
    });
    expect(res.status).toBe(200);
    tokens.set(username, res.body.accessToken as string);
  }
  return tokens.get(username)!;
}
const staffOf = (agency: string): string => `staff.${agency.toLowerCase()}`;

const citizen = { nationalCode: '0499370899', fullName: 'علي كريمي', mobile: '۰۹۱۲۳۴۵۶۷۸۹' };
const registration = (categoryCode: string, countyCode: string, extra: Json = {}) => ({
  channel: 'phone',
  kind: 'complaint',
  collective: false,
  citizens: [citizen],
  countyCode,
  categoryCode,
  description: 'آب محله از دیروز قطع است',
  ...extra,
});

async function register(categoryCode: string, countyCode: string, headers: Record<string, string> = {}) {
  const res = await call('POST', url('intake', '/api/requests'), {
    body: registration(categoryCode, countyCode),
    as: 'operator1',
    headers,
  });
  expect(res.status).toBe(201);
  return res.body.trackingCode as string;
}

// By tracking code: the shared test database may hold more inbox rows than one page.
const inboxOf = async (agency: string, code: string, status = 'open') =>
  (
    await call('GET', url('agency', `/api/agency/inbox?status=${status}&trackingCode=${code}`), {
      as: staffOf(agency),
    })
  ).body.items as Json[];

const waitInInbox = (agency: string, code: string) =>
  waitFor(`${code} in ${agency}'s inbox`, async () =>
    (await inboxOf(agency, code)).find((i) => i.trackingCode === code),
  );

const historyOf = async (code: string) =>
  (await call('GET', url('reporting', `/api/requests/${code}/history`), { as: 'auditor1' })).body;

describe('the request lifecycle end to end: intake → routing → agency → reporting over Kafka', () => {
  const services: RunningService[] = [];
  let abfaTopic: KafkaTopicReader;

  beforeAll(async () => {
    for (const [name, port] of Object.entries(ports)) {
      services.push(startService(name as keyof typeof ports, port));
    }
    await Promise.all(services.map((s) => waitForHttp(s.baseUrl)));
    abfaTopic = await new KafkaTopicReader(Topics.agency('ABFA')).start();
  }, 120000);

  afterAll(async () => {
    await abfaTopic?.stop();
    await Promise.all(services.map(stopService));
  }, 60000);

  it('registers, routes by the rules, reaches the inbox and topic, is acknowledged and answered, and is counted and replayable', async () => {
    const code = await register('WAT-CUT', 'BND');
    expect(code).toMatch(/^\d{10}$/);

    const item = await waitInInbox('ABFA', code);
    expect(item.dueAt).toEqual(expect.any(String));
    expect(await inboxOf('BARGH', code)).not.toContainEqual(expect.objectContaining({ trackingCode: code }));

    const published = await waitFor('the request on ABFA’s own topic', async () =>
      abfaTopic.messages.find((m) => m.key === `request-${code}`),
    );
    expect(published.value).not.toContain(citizen.nationalCode); // agency topics carry no personal data (ADR 19)

    const ack = await call('POST', url('agency', `/api/agency/requests/${code}/acknowledge`), {
      as: 'staff.abfa',
    });
    expect(ack.status).toBeLessThan(300);
    // Another agency's staff cannot touch it: the same 404 as a request that does not exist.
    const foreign = await call('POST', url('agency', `/api/agency/requests/${code}/answer`), {
      as: 'staff.bargh',
      body: { outcome: 'negative', text: 'مربوط به ما نیست' },
    });
    expect(foreign.status).toBe(404);
    const answer = await call('POST', url('agency', `/api/agency/requests/${code}/answer`), {
      as: 'staff.abfa',
      body: { outcome: 'positive', text: 'لوله اصلی تعمیر شد و آب وصل است.' },
    });
    expect(answer.status).toBeLessThan(300);

    const summary = await waitFor('the answer in the summary', async () => {
      const { body } = await call('GET', url('reporting', '/api/reports/summary'), { as: 'supervisor1' });
      return body.byStatus?.answered >= 1 ? body : undefined;
    });
    expect(summary.timeToAnswer.answered).toBeGreaterThanOrEqual(1);
    expect(summary.timeToAnswer.meanHours).toEqual(expect.any(Number));

    const history = await historyOf(code);
    expect(history.events.map((e: Json) => e.type)).toEqual([
      'RequestRegistered',
      'RequestRoutedToAgency',
      'RequestAcknowledged',
      'RequestAnswered',
    ]);
    expect(history.events.map((e: Json) => Number(e.revision))).toEqual([0, 1, 2, 3]);
    for (const event of history.events) expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    // Each fact names who caused it: the signed-in user, or the service that reacted.
    expect(history.events.map((e: Json) => e.actor)).toEqual([
      { id: 'operator1', role: 'operator' },
      expect.objectContaining({ role: 'system' }),
      { id: 'staff.abfa', role: 'agency_staff' },
      { id: 'staff.abfa', role: 'agency_staff' },
    ]);
    expect(history.verification.ok).toBe(true);
  });

  it('puts a request whose category has no rule in the manual queue, and a supervisor routes it', async () => {
    const code = await register('GEN-OTHER', 'MIN');
    await waitFor('the manual queue', async () => {
      const queue = await allPages(
        async (page) =>
          (
            await call('GET', url('routing', `/api/routing/manual-queue?pageSize=200&page=${page}`), {
              as: 'supervisor1',
            })
          ).body,
      );
      return queue.find((i) => i.trackingCode === code);
    });
    const routed = await call('POST', url('routing', `/api/routing/requests/${code}/route`), {
      as: 'supervisor1',
      body: { agencyCode: 'OSTANDARI' },
    });
    expect(routed.status).toBe(200);
    await waitInInbox('OSTANDARI', code);
  });

  it('sends a request returned as not responsible on to the next agency', async () => {
    const code = await register('MUN-WASTE', 'QSM'); // Qeshm: the free zone first, the municipality as fallback
    await waitInInbox('QFZ', code);
    const returned = await call('POST', url('agency', `/api/agency/requests/${code}/return`), {
      as: 'staff.qfz',
      body: { reason: 'این محله در محدوده منطقه آزاد نیست' },
    });
    expect(returned.status).toBeLessThan(300);
    await waitInInbox('SHAHRDARI', code);
    await waitFor(`${code} gone from QFZ`, async () =>
      (await inboxOf('QFZ', code)).every((i) => i.trackingCode !== code) ? true : undefined,
    );
  });

  it('gives one request for a retried submit with the same Idempotency-Key', async () => {
    const key = `e2e-${Date.now()}`;
    const first = await register('PWR-CUT', 'JSK', { 'Idempotency-Key': key });
    const again = await register('PWR-CUT', 'JSK', { 'Idempotency-Key': key });
    expect(again).toBe(first);
    await waitInInbox('BARGH', first);
    const history = await historyOf(first);
    expect(history.events.filter((e: Json) => e.type === 'RequestRegistered')).toHaveLength(1);
  });

  it('changes nothing when Kafka redelivers a message', async () => {
    const code = await register('GAS-LEAK', 'BND');
    await waitInInbox('GAS', code);
    const before = await historyOf(code);
    const summaryBefore = (await call('GET', url('reporting', '/api/reports/summary'), { as: 'supervisor1' }))
      .body;

    // Redeliver the registration and the routing: every consumer has seen both once already.
    const requestTopic = await new KafkaTopicReader(Topics.requestEvents).start();
    const ofThisRequest = (type: string) =>
      requestTopic.messages.find((m) => m.key === `request-${code}` && m.value.includes(`"${type}"`));
    const redelivered = await waitFor('the registered and routed events on the request topic', async () => {
      const found = [
        ofThisRequest('samad.request.registered'),
        ofThisRequest('samad.request.routed-to-agency'),
      ];
      return found.every(Boolean) ? found.map((m) => ({ key: m!.key, value: m!.value })) : undefined;
    });
    await requestTopic.stop();

    const { kafka } = requestTopic;
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: Topics.requestEvents, messages: redelivered });
    await producer.disconnect();

    for (const group of ['samad-intake', 'samad-routing', 'samad-agency', 'samad-reporting']) {
      await waitFor(`${group} past the redelivery`, async () =>
        (await consumerGroupCaughtUp(kafka, group, Topics.requestEvents)) ? true : undefined,
      );
    }
    // Nothing was parked as a failure, and the agency's own topic got the assignment once, not twice.
    const deadLetters = await readTopicToEnd(Topics.deadLetter);
    const gasTopic = await readTopicToEnd(Topics.agency('GAS'));
    expect(deadLetters.filter((m) => m.key === `request-${code}`)).toEqual([]);
    expect(
      gasTopic.filter(
        (m) => m.key === `request-${code}` && m.value.includes('samad.agency.request-assigned'),
      ),
    ).toHaveLength(1);
    const after = await historyOf(code);
    expect(after.events).toHaveLength(before.events.length);
    const summaryAfter = (await call('GET', url('reporting', '/api/reports/summary'), { as: 'supervisor1' }))
      .body;
    expect(summaryAfter.total).toBe(summaryBefore.total);
    expect((await inboxOf('GAS', code)).filter((i) => i.trackingCode === code)).toHaveLength(1);
  });
});
