// Priorities (issue #17 item 5, ADR 37), against real PostgreSQL and Kafka: intake registers over HTTP,
// routing gives a critical request its own short deadline, the agency's inbox sorts by priority then due
// time, and the agency's topic says the request is critical.
import { Topics } from '@samad/events';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json, allPages } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KafkaTopicReader } from '../support/kafka-topic-reader';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { citizen, RequestFlow } from '../support/request-flow';

describe('priorities', () => {
  let flow: RequestFlow;
  let intake: InProcessService;
  let routing: InProcessService;
  let agency: InProcessService;
  let abfaTopic: KafkaTopicReader;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    const env = { CRITICAL_DEADLINE_WORKING_HOURS: '4' };
    routing = await startInProcess('routing', (config) => RoutingModule.register(config), env);
    intake = await startInProcess('intake', (config) => IntakeModule.register(config), env);
    agency = await startInProcess('agency', (config) => AgencyModule.register(config), env);
    abfaTopic = await new KafkaTopicReader(Topics.agency('ABFA')).start();
  });

  afterAll(async () => {
    await abfaTopic?.stop();
    await agency?.close();
    await intake?.close();
    await routing?.close();
    await flow?.close();
  });

  const register = async (body: Json) =>
    requestJson('POST', `${intake.baseUrl}/api/requests`, {
      body: {
        kind: 'complaint',
        channel: 'phone',
        collective: false,
        citizens: [citizen],
        countyCode: 'BND',
        description: 'شرح درخواست شهروند',
        ...body,
      },
      headers: await bearer('operator', { sub: 'operator-7' }),
    });

  // Every page, in the inbox's order: the shared test database holds more rows than a page.
  const inbox = async (): Promise<Json[]> =>
    allPages(async (page) => {
      const res = await requestJson('GET', `${agency.baseUrl}/api/agency/inbox?pageSize=200&page=${page}`, {
        headers: await bearer('agency_staff', { agency: 'ABFA' }),
      });
      expect(res.status).toBe(200);
      return res.body;
    });

  it("a priority other than the category's default needs a reason, and nothing is registered without one", async () => {
    const res = await register({ categoryCode: 'WAT-CUT', priority: 'critical' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('priorityReason');
  });

  it("the category's default applies when the operator names none", async () => {
    const res = await register({ categoryCode: 'GAS-LEAK' });
    expect(res.status).toBe(201);
    expect(res.body.priority).toBe('critical');
    const registered = await flow.waitForEvent(res.body.trackingCode, 'RequestRegistered');
    expect(registered.data).toMatchObject({ priority: 'critical' });
  });

  it('a critical request gets its short deadline, jumps its agency’s inbox and is on the topic as critical', async () => {
    // Registered first: a normal request with the same category deadline, and an urgent one due much later.
    const normal = await register({ categoryCode: 'WAT-CUT' });
    const urgent = await register({
      categoryCode: 'WAT-BILL',
      priority: 'urgent',
      priorityReason: 'قبض اشتباه، قطع آب خانه‌ی سالمند',
    });
    const critical = await register({
      categoryCode: 'WAT-CUT',
      priority: 'critical',
      priorityReason: 'بیمارستان بی‌آب است',
    });
    for (const res of [normal, urgent, critical]) expect(res.status).toBe(201);
    const [n, u, c] = [normal, urgent, critical].map((res) => res.body.trackingCode as string);

    const routedNormal = await flow.waitForEvent(n, 'RequestRoutedToAgency');
    const routedCritical = await flow.waitForEvent(c, 'RequestRoutedToAgency');
    const routedUrgent = await flow.waitForEvent(u, 'RequestRoutedToAgency');
    const dueOf = (e: { data: unknown }) => Date.parse((e.data as Json).dueAt);
    expect(dueOf(routedCritical)).toBeLessThan(dueOf(routedNormal));
    expect(dueOf(routedUrgent)).toBeGreaterThan(dueOf(routedNormal));

    // The reason is kept (sealed) in the store, never on a topic.
    const registered = await flow.waitForEvent(c, 'RequestRegistered');
    expect(registered.data).toMatchObject({ priority: 'critical', priorityReason: 'بیمارستان بی‌آب است' });

    const items = await waitFor('all three in the inbox', async () => {
      const found = (await inbox()).filter((i) => [n, u, c].includes(i.trackingCode));
      return found.length === 3 ? found : undefined;
    });
    expect(items.map((i) => [i.trackingCode, i.priority])).toEqual([
      [c, 'critical'],
      [u, 'urgent'],
      [n, 'normal'],
    ]);

    const assigned = await waitFor('the critical assignment on the ABFA topic', async () =>
      abfaTopic.messages
        .map((m) => JSON.parse(m.value) as Json)
        .find((m) => m.eventType === 'samad.agency.request-assigned' && m.data.trackingCode === c),
    );
    expect(assigned.data.priority).toBe('critical');
    expect(JSON.stringify(abfaTopic.messages)).not.toContain('بیمارستان');
  });
});
