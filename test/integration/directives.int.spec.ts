// Officials' directives (ADR 37) against real PostgreSQL and Kafka: routing (the endpoint and the directive
// watcher), agency (inbox, details, report, topic relay), reporting (the directives report) in-process.
import { Topics, validateIntegrationEvent } from '@samad/events';
import { requestStreamName } from '@samad/request-lifecycle';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KafkaTopicReader } from '../support/kafka-topic-reader';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { RequestFlow } from '../support/request-flow';

const INSTRUCTION = 'ظرف چند ثانیه کارشناس اعزام و نتیجه به دفتر استاندار گزارش شود';

describe('officials’ directives', () => {
  let flow: RequestFlow;
  let routing: InProcessService;
  let agency: InProcessService;
  let reporting: InProcessService;
  let abfaTopic: KafkaTopicReader;
  // One official per run, so the report's counts are this run's only.
  const official = `governor-${Date.now()}`;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config), {
      DEADLINE_WATCH_INTERVAL_MS: '1000',
    });
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
    abfaTopic = await new KafkaTopicReader(Topics.agency('ABFA')).start();
  });

  afterAll(async () => {
    await abfaTopic?.stop();
    await reporting?.close();
    await agency?.close();
    await routing?.close();
    await flow?.close();
  });

  const routed = async (): Promise<string> => {
    const code = await flow.register('WAT-CUT', 'BND');
    await flow.waitForEvent(code, 'RequestRoutedToAgency');
    return code;
  };
  const staff = (agencyCode = 'ABFA') =>
    bearer('agency_staff', { agency: agencyCode, sub: `staff-${agencyCode}` });
  const asOfficial = () => bearer('official', { sub: official });
  const issue = async (body: object, headers?: Record<string, string>) =>
    requestJson('POST', `${routing.baseUrl}/api/routing/directives`, {
      body,
      headers: headers ?? (await asOfficial()),
    });
  const inboxRow = async (code: string): Promise<Json> => {
    const { status, body } = await requestJson(
      'GET',
      `${agency.baseUrl}/api/agency/inbox?trackingCode=${code}`,
      { headers: await staff() },
    );
    expect(status).toBe(200);
    return (body.items as Json[])[0];
  };
  const reportOn = async (code: string, directiveId: string, agencyCode = 'ABFA') =>
    requestJson('POST', `${agency.baseUrl}/api/agency/requests/${code}/directives/${directiveId}/report`, {
      body: { report: 'کارشناس اعزام شد و انشعاب غیرمجاز قطع گردید' },
      headers: await staff(agencyCode),
    });
  const topicChanges = (code: string): Json[] =>
    abfaTopic.messages
      .map((m) => JSON.parse(m.value) as Json)
      .filter((m) => m.data.trackingCode === code && String(m.data.change).startsWith('directive_'));

  it('a directive on two requests reaches the inbox and the topic, is reported on, and escalates when missed', async () => {
    const [first, second] = [await routed(), await routed()];

    // Who may give one, and what is refused.
    const soon = () => new Date(Date.now() + 8000).toISOString();
    const body = {
      trackingCodes: [first, second],
      instruction: INSTRUCTION,
      agencyCode: 'ABFA',
      dueAt: soon(),
    };
    expect((await issue(body, await bearer('operator', { sub: 'op-1' }))).status).toBe(403);
    const past = await issue({ ...body, dueAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('DUE_DATE_NOT_IN_FUTURE');
    const elsewhere = await issue({ ...body, agencyCode: 'BARGH' });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('DIRECTIVE_AGENCY_NOT_INVOLVED');
    expect((await issue({ ...body, agencyCode: 'NOPE' })).status).toBe(400);

    // The official gives it on both requests: a directive of its own each.
    const issued = await issue({ ...body, dueAt: soon() });
    expect(issued.status).toBe(200);
    const directives = issued.body.directives as Json[];
    expect(directives).toEqual([
      { trackingCode: first, outcome: 'issued', directiveId: expect.any(String) },
      { trackingCode: second, outcome: 'issued', directiveId: expect.any(String) },
    ]);
    const [firstId, secondId] = directives.map((d) => d.directiveId as string);
    const issuedEvent = await flow.waitForEvent(first, 'DirectiveIssued');
    expect(issuedEvent.metadata.actor).toEqual({ id: official, role: 'official' });

    // The agency's inbox shows it, without the instruction; the details endpoint gives the instruction.
    const row = await waitFor('the directive in the inbox', async () => {
      const item = await inboxRow(first);
      return item?.directives?.length ? item : undefined;
    });
    expect(row.directives).toEqual([
      {
        directiveId: firstId,
        role: 'official',
        issuedAt: expect.any(String),
        dueAt: issued.body.dueAt,
        dueAtJalali: expect.any(String),
        overdue: false,
      },
    ]);
    const details = await requestJson('GET', `${agency.baseUrl}/api/agency/requests/${first}/details`, {
      headers: await staff(),
    });
    expect(details.status).toBe(200);
    expect(details.body.directives).toEqual([
      expect.objectContaining({ directiveId: firstId, instruction: INSTRUCTION, role: 'official' }),
    ]);

    // The agency's topic: the directive's id, role and due time, never its text.
    const onTopic = await waitFor('directive_issued on the ABFA topic', async () => {
      const mine = topicChanges(first);
      return mine.length >= 1 ? mine : undefined;
    });
    expect(onTopic[0].data).toMatchObject({
      change: 'directive_issued',
      directive: { directiveId: firstId, dueAt: issued.body.dueAt, role: 'official' },
    });
    expect(validateIntegrationEvent(onTopic[0]).ok).toBe(true);
    expect(JSON.stringify(abfaTopic.messages.map((m) => m.value))).not.toContain(INSTRUCTION);

    // The agency reports on the first in time; once only, and only its own.
    expect((await reportOn(first, firstId, 'BARGH')).status).toBe(404);
    const reported = await reportOn(first, firstId);
    expect(reported.status).toBe(200);
    expect(reported.body).toEqual({ trackingCode: first, status: 'routed' });
    const again = await reportOn(first, firstId);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DIRECTIVE_ALREADY_REPORTED');
    expect((await reportOn(first, secondId)).status).toBe(404);

    // The second is missed: the watcher escalates it, and the agency hears of it on its topic.
    await waitFor(
      'the watcher to record the second directive overdue',
      async () => ((await flow.events(second)).some((e) => e.type === 'DirectiveOverdue') ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const overdue = await waitFor('directive_overdue on the ABFA topic', async () =>
      topicChanges(second).find((m) => m.data.change === 'directive_overdue'),
    );
    expect(overdue.data).toMatchObject({ escalationLevel: 1, directive: { directiveId: secondId } });
    expect(validateIntegrationEvent(overdue).ok).toBe(true);
    expect((await flow.events(first)).some((e) => e.type === 'DirectiveOverdue')).toBe(false);
    const secondRow = await waitFor('the inbox to show it overdue', async () => {
      const item = await inboxRow(second);
      return item?.directives?.[0]?.overdue ? item : undefined;
    });
    expect(secondRow.directives).toHaveLength(1);
    expect((await inboxRow(first)).directives).toEqual([]);

    // The report by official, agency and state.
    const counts = await waitFor('the directives report', async () => {
      const { status, body: report } = await requestJson(
        'GET',
        `${reporting.baseUrl}/api/reports/directives?official=${official}`,
        { headers: await bearer('supervisor', { sub: 'supervisor-4' }) },
      );
      expect(status).toBe(200);
      const abfa = (report.rows as Json[]).find((r) => r.agencyCode === 'ABFA');
      return abfa && abfa.reported === 1 && abfa.overdue === 1 ? report : undefined;
    });
    expect(counts).toEqual({
      rows: [
        {
          issuedBy: official,
          role: 'official',
          agencyCode: 'ABFA',
          total: 2,
          open: 0,
          overdue: 1,
          reported: 1,
          reportedLate: 0,
        },
      ],
      total: 2,
    });
    const badState = await requestJson('GET', `${reporting.baseUrl}/api/reports/directives?state=lost`, {
      headers: await bearer('supervisor', { sub: 'supervisor-4' }),
    });
    expect(badState.status).toBe(400);

    // The request's history holds every fact; the instruction and the report are sealed at rest.
    const history = await requestJson('GET', `${reporting.baseUrl}/api/requests/${first}/history`, {
      headers: await bearer('auditor', { sub: 'auditor-1' }),
    });
    expect(history.status).toBe(200);
    const types = JSON.stringify(history.body);
    expect(types).toContain('DirectiveIssued');
    expect(types).toContain('DirectiveReported');
    const { rows } = await flow.sql.query<{ data: string }>(
      'SELECT data::text AS data FROM event_store.events WHERE stream_id = $1',
      [requestStreamName(first)],
    );
    const stored = rows.map((r) => r.data).join('\n');
    expect(stored).toContain('directiveId');
    expect(stored).not.toContain(INSTRUCTION);
    expect(stored).not.toContain('انشعاب غیرمجاز');
  });
});
