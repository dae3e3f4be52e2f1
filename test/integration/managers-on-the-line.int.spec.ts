// Managers on the line (ADR 38), against real PostgreSQL and Kafka: an agency's manager signs in at intake,
// registers and answers a caller in one call; routing leaves the answered request be and opens the verdict
// window; the citizen tracks it answered; the agency's inbox, its topic and its scorecard show it answered
// in person; another agency's manager neither sees it nor answers in a category that is not theirs.
import { randomUUID } from 'node:crypto';
import { Topics } from '@samad/events';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KafkaTopicReader } from '../support/kafka-topic-reader';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { seedDemoUsers } from '../../apps/intake/src/login/demo-users';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { citizen, RequestFlow } from '../support/request-flow';

const ANSWER = 'اکیپ آبفا در محل است؛ آب محله تا ساعت ۱۸ امروز وصل می‌شود';

describe('managers on the line', () => {
  let flow: RequestFlow;
  let intake: InProcessService;
  let routing: InProcessService;
  let agency: InProcessService;
  let reporting: InProcessService;
  let abfaTopic: KafkaTopicReader;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    flow = await RequestFlow.start();
    await seedDemoUsers(flow.sql);
    const env = { SAMAD_DEMO_USERS: '1' };
    routing = await startInProcess('routing', (config) => RoutingModule.register(config), env);
    intake = await startInProcess('intake', (config) => IntakeModule.register(config), env);
    agency = await startInProcess('agency', (config) => AgencyModule.register(config), env);
    reporting = await startInProcess('reporting', (config) => ReportingModule.register(config), env);
    abfaTopic = await new KafkaTopicReader(Topics.agency('ABFA')).start();
  });

  afterAll(async () => {
    await abfaTopic?.stop();
    await reporting?.close();
    await agency?.close();
    await intake?.close();
    await routing?.close();
    await flow?.close();
  });

  const signIn = async (username: string): Promise<Json> => {
    const res = await requestJson('POST', `${intake.baseUrl}/api/auth/login`, {
      body: { username, password: 'samad-demo' },
    });
    expect(res.status).toBe(200);
    tokens.set(username, res.body.accessToken as string);
    return res.body;
  };
  const as = (username: string) => ({ authorization: `Bearer ${tokens.get(username)}` });
  const registration = (categoryCode = 'WAT-CUT'): Json => ({
    kind: 'complaint',
    channel: 'desk',
    collective: false,
    citizens: [citizen],
    countyCode: 'BND',
    categoryCode,
    description: 'آب محله از دیشب قطع است',
  });
  const answeredInPerson = async (username: string, body: Json, headers: Record<string, string> = {}) =>
    requestJson('POST', `${intake.baseUrl}/api/requests/answered-in-person`, {
      body,
      headers: { ...as(username), ...headers },
    });
  const scorecardOf = async (agencyCode: string): Promise<Json | undefined> => {
    const res = await requestJson('GET', `${reporting.baseUrl}/api/reports/scorecards`, {
      headers: await bearer('supervisor'),
    });
    expect(res.status).toBe(200);
    return (res.body.byAgency as Json[]).find((a) => a.agencyCode === agencyCode);
  };

  let code: string;

  it('a manager signs in as their agency’s manager', async () => {
    expect(await signIn('manager.abfa')).toMatchObject({ role: 'agency_manager', agencyCode: 'ABFA' });
    expect(await signIn('manager.bargh')).toMatchObject({ role: 'agency_manager', agencyCode: 'BARGH' });
  });

  it('registers and answers in one call: four facts in the request’s stream, answered in person', async () => {
    const before = (await scorecardOf('ABFA'))?.answeredInPerson ?? 0;
    const idempotencyKey = `manager-abfa-${randomUUID()}`;
    const res = await answeredInPerson(
      'manager.abfa',
      { ...registration(), answeredInPerson: { outcome: 'positive', text: ANSWER } },
      { 'idempotency-key': idempotencyKey },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'answered', answeredBy: 'ABFA' });
    code = res.body.trackingCode as string;

    const events = await flow.events(code);
    expect(events.map((e) => e.type)).toEqual([
      'RequestRegistered',
      'RequestRoutedToAgency',
      'RequestAcknowledged',
      'RequestAnswered',
    ]);
    expect(events[0].data).toMatchObject({ registeredBy: 'manager.abfa', channel: 'desk' });
    expect(events[1].data).toMatchObject({ agencyCode: 'ABFA', routedBy: 'manager' });
    expect(events[3].data).toMatchObject({
      agencyCode: 'ABFA',
      outcome: 'positive',
      text: ANSWER,
      inPerson: true,
      answeredBy: 'manager.abfa',
    });
    expect(events[3].metadata.actor).toEqual({ id: 'manager.abfa', role: 'agency_manager' });

    // A retried submit is the same request, nothing appended.
    const retried = await answeredInPerson(
      'manager.abfa',
      { ...registration(), answeredInPerson: { outcome: 'positive', text: ANSWER } },
      { 'idempotency-key': idempotencyKey },
    );
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.trackingCode).toBe(code);

    // Routing saw the registration and left the answered request be; the answer opened the verdict window.
    await waitFor('the verdict window', async () => {
      const { rows } = await flow.sql.query(
        `SELECT 1 FROM routing.verdict_windows WHERE tracking_code = $1`,
        [code],
      );
      return rows.length === 1 ? true : undefined;
    });
    expect((await flow.events(code)).length).toBe(4);

    // Counted for the agency's scorecard, as answered in person.
    const card = await waitFor('the scorecard counts it', async () => {
      const found = await scorecardOf('ABFA');
      return found && (found.answeredInPerson as number) > before ? found : undefined;
    });
    expect(card.answeredInPerson).toBe(before + 1);
  });

  it('the citizen tracks it answered, may give a verdict, and is told by SMS', async () => {
    const tracked = await requestJson(
      'GET',
      `${intake.baseUrl}/api/track/${code}?mobileLast4=${citizen.mobile.slice(-4)}`,
    );
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({
      status: 'answered',
      agency: { code: 'ABFA' },
      answer: { outcome: 'positive' },
    });
    await waitFor('the verdict open on the lookup', async () => {
      const res = await requestJson(
        'GET',
        `${intake.baseUrl}/api/track/${code}?mobileLast4=${citizen.mobile.slice(-4)}`,
      );
      return res.body.verdict?.openUntil ? true : undefined;
    });
    await waitFor('the answered notice', async () => {
      const { rows } = await flow.sql.query(
        `SELECT kind FROM intake.notifications WHERE tracking_code = $1 AND kind = 'answered'`,
        [code],
      );
      return rows.length === 1 ? true : undefined;
    });
  });

  it('the agency’s topic carries the assignment and the answer in person; the inbox and details show it', async () => {
    const messages = await waitFor('both messages on the ABFA topic', async () => {
      const found = abfaTopic.messages
        .map((m) => JSON.parse(m.value) as Json)
        .filter((m) => m.data.trackingCode === code);
      return found.length >= 3 ? found : undefined;
    });
    expect(messages.map((m) => [m.eventType, m.data.change])).toEqual([
      ['samad.agency.request-assigned', undefined],
      ['samad.agency.request-updated', 'acknowledged'],
      ['samad.agency.request-updated', 'answered'],
    ]);
    expect(messages[2].data).toMatchObject({ status: 'answered', inPerson: true });
    expect(JSON.stringify(messages)).not.toContain(ANSWER);

    const inbox = await waitFor('the request in the ABFA answered inbox', async () => {
      const res = await requestJson(
        'GET',
        `${agency.baseUrl}/api/agency/inbox?status=answered&trackingCode=${code}`,
        {
          headers: as('manager.abfa'),
        },
      );
      expect(res.status).toBe(200);
      return (res.body.items as Json[]).find((i) => i.trackingCode === code);
    });
    expect(inbox.status).toBe('answered');
    const details = await requestJson('GET', `${agency.baseUrl}/api/agency/requests/${code}/details`, {
      headers: as('manager.abfa'),
    });
    expect(details.status).toBe(200);
  });

  it('another agency’s manager neither sees it nor answers in a category not routed to them', async () => {
    const details = await requestJson('GET', `${agency.baseUrl}/api/agency/requests/${code}/details`, {
      headers: as('manager.bargh'),
    });
    expect(details.status).toBe(404);
    const inbox = await requestJson(
      'GET',
      `${agency.baseUrl}/api/agency/inbox?status=all&trackingCode=${code}`,
      {
        headers: as('manager.bargh'),
      },
    );
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).not.toContain(code);
    const other = await requestJson('GET', `${agency.baseUrl}/api/agency/inbox?agency=ABFA&pageSize=200`, {
      headers: as('manager.bargh'),
    });
    expect(other.status).toBe(404);

    const notTheirs = await answeredInPerson('manager.bargh', {
      ...registration('WAT-CUT'),
      answeredInPerson: { outcome: 'negative', text: 'به ما مربوط نیست' },
    });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.code).toBe('CATEGORY_NOT_ROUTED_TO_AGENCY');
  });

  it('only managers use it, managers do not register as operators, and a bad answer stores nothing', async () => {
    const byOperator = await requestJson('POST', `${intake.baseUrl}/api/requests/answered-in-person`, {
      body: { ...registration(), answeredInPerson: { outcome: 'positive', text: ANSWER } },
      headers: await bearer('operator'),
    });
    expect(byOperator.status).toBe(403);
    const asOperator = await requestJson('POST', `${intake.baseUrl}/api/requests`, {
      body: registration(),
      headers: as('manager.abfa'),
    });
    expect(asOperator.status).toBe(403);
    const noAnswer = await answeredInPerson('manager.abfa', registration());
    expect(noAnswer.status).toBe(400);
    const blank = await answeredInPerson('manager.abfa', {
      ...registration(),
      answeredInPerson: { outcome: 'positive', text: '   ' },
    });
    expect(blank.status).toBe(400);
    const withArticle = await answeredInPerson('manager.abfa', {
      ...registration(),
      answeredInPerson: { outcome: 'positive', text: ANSWER },
      answeredAtFirstContact: { articleId: 'x' },
    });
    expect(withArticle.status).toBe(400);
  });
});
