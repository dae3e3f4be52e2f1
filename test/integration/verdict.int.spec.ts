// The citizen's verdict on an answer (ADR 25), against real PostgreSQL and Kafka: intake (the operator's and
// the citizen's endpoints), routing (two replicas: reopened deadlines and the verdict-window watcher), agency
// (its topic relay) and reporting (the history) in-process, with a verdict window of a few seconds.
import { Topics, validateIntegrationEvent } from '@samad/events';
import type { RecordedEvent } from '@samad/event-store';
import { handleRequestCommand } from '@samad/request-application';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KafkaTopicReader } from '../support/kafka-topic-reader';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { citizen, RequestFlow } from '../support/request-flow';

const WINDOW_SECONDS = 20;
const env = {
  VERDICT_WINDOW_DAYS: String(WINDOW_SECONDS / 86_400),
  VERDICT_WATCH_INTERVAL_MS: '500',
};
const COMMENT = 'کارشناس آبفا خیلی دیر آمد';
const OBJECTION = 'آب هنوز قطع است';
const countOf = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type).length;

describe("the citizen's verdict", () => {
  let flow: RequestFlow;
  let intake: InProcessService;
  let routingA: InProcessService;
  let routingB: InProcessService;
  let agency: InProcessService;
  let reporting: InProcessService;
  let abfaTopic: KafkaTopicReader;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routingA = await startInProcess('routing', (config) => RoutingModule.register(config), env);
    routingB = await startInProcess('routing', (config) => RoutingModule.register(config), env);
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
    await routingB?.close();
    await routingA?.close();
    await flow?.close();
  });

  const routed = async (): Promise<string> => {
    const code = await flow.register('WAT-CUT', 'BND');
    await flow.waitForEvent(code, 'RequestRoutedToAgency');
    return code;
  };

  const answer = async (code: string, text = 'لوله تعمیر شد'): Promise<void> => {
    await handleRequestCommand(
      flow.store,
      {
        type: 'Answer',
        data: { trackingCode: code, now: new Date(), agencyCode: 'ABFA', outcome: 'positive', text },
      },
      { actor: { id: 'abfa-staff', role: 'agency_staff' } },
    );
  };

  const byOperator = async (code: string, body: object) =>
    requestJson('POST', `${intake.baseUrl}/api/requests/${code}/verdict`, {
      body,
      headers: await bearer('operator'),
    });

  const byCitizen = (code: string, body: object) =>
    requestJson('POST', `${intake.baseUrl}/api/track/${code}/verdict`, {
      body: { mobileLast4: citizen.mobile.slice(-4), ...body },
    });

  it('the citizen rates the answer with the last four digits; twice is a conflict; the comment stays off the topic', async () => {
    const code = await routed();
    await answer(code);

    const wrongProof = await byCitizen(code, { verdict: 'rate', rating: 4, mobileLast4: '0000' });
    expect(wrongProof.status).toBe(404);
    const outOfRange = await byCitizen(code, { verdict: 'rate', rating: 6 });
    expect(outOfRange.status).toBe(400);

    const lookup = () =>
      requestJson('GET', `${intake.baseUrl}/api/track/${code}?mobileLast4=${citizen.mobile.slice(-4)}`);
    expect((await lookup()).body.verdict).toEqual({
      openUntil: expect.any(String),
      openUntilJalali: expect.stringMatching(/۱۴[۰-۹]{2}/),
    });
    const rated = await byCitizen(code, { verdict: 'rate', rating: 2, comment: COMMENT });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ trackingCode: code, verdict: 'rate' });
    expect((await lookup()).body.verdict).toEqual({ rating: 2 });
    const twice = await byOperator(code, { verdict: 'object', comment: OBJECTION });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'VERDICT_ALREADY_GIVEN' });

    const fact = (await flow.events(code)).find((e) => e.type === 'AnswerRated')!;
    expect(fact.data).toMatchObject({ rating: 2, comment: COMMENT, givenBy: 'citizen', agencyCode: 'ABFA' });
    expect(fact.metadata.actor).toEqual({ id: 'citizen-1', role: 'citizen' });

    const rating = await waitFor('the rating on the agency topic', async () =>
      abfaTopic.messages
        .map((m) => JSON.parse(m.value) as Json)
        .find((m) => m.data.trackingCode === code && m.data.change === 'answer_rated'),
    );
    expect(validateIntegrationEvent(rating).ok).toBe(true);
    expect(rating.data).toMatchObject({ rating: 2, status: 'answered' });
    expect(JSON.stringify(abfaTopic.messages.map((m) => m.value))).not.toContain('دیر آمد');

    const history = await requestJson('GET', `${reporting.baseUrl}/api/requests/${code}/history`, {
      headers: await bearer('supervisor'),
    });
    const shown = history.body.events.find((e: Json) => e.type === 'AnswerRated');
    expect(shown.data.comment).toBe(COMMENT);
    expect(shown.occurredAtJalali).toMatch(/۱۴[۰-۹]{2}/);
  }, 60_000);

  it('an objection reopens to the same agency with a new deadline; the second one escalates to level 2', async () => {
    const code = await routed();

    const early = await byOperator(code, { verdict: 'object' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'REQUEST_NOT_ANSWERED' });

    await answer(code);
    const first = await byOperator(code, { verdict: 'object', comment: OBJECTION });
    expect(first.status).toBe(201);
    expect(first.body.escalationLevel).toBeUndefined();
    const dueAt: string = first.body.dueAt;
    expect(Date.parse(dueAt)).toBeGreaterThan(Date.now() + 86_400_000);

    const objected = (await flow.events(code)).find((e) => e.type === 'AnswerObjected')!;
    expect(objected.data).toMatchObject({ agencyCode: 'ABFA', objection: 1, dueAt, reason: OBJECTION });
    // The deadline watcher takes the reopened deadline (ADR 22).
    await waitFor('the reopened deadline on the watcher list', async () => {
      const { rows } = await flow.sql.query(
        'SELECT stream_revision FROM routing.open_deadlines WHERE tracking_code = $1',
        [code],
      );
      return rows[0] && Number(rows[0].stream_revision) >= Number(objected.streamRevision) ? true : undefined;
    });
    const inbox = await waitFor('the reopened request back in the agency inbox', async () => {
      const { rows } = await flow.sql.query(
        'SELECT status, due_at FROM agency.inbox WHERE tracking_code = $1',
        [code],
      );
      return rows[0]?.status === 'routed' ? rows[0] : undefined;
    });
    expect((inbox.due_at as Date).toISOString()).toBe(dueAt);

    await answer(code, 'این بار لوله عوض شد');
    const second = await byCitizen(code, { verdict: 'object' });
    expect(second.status).toBe(201);
    expect(second.body.escalationLevel).toBe(2);
    const events = await flow.events(code);
    expect(countOf(events, 'AnswerObjected')).toBe(2);
    expect(events.at(-1)).toMatchObject({ type: 'RequestEscalated', data: { level: 2, agencyCode: 'ABFA' } });

    const changes = await waitFor('the reopens and the escalation on the agency topic', async () => {
      const mine = abfaTopic.messages
        .map((m) => JSON.parse(m.value) as Json)
        .filter((m) => m.data.trackingCode === code && ['reopened', 'escalated'].includes(m.data.change));
      return mine.length >= 3 ? mine : undefined;
    });
    for (const message of changes) expect(validateIntegrationEvent(message).ok).toBe(true);
    expect(changes.map((m) => m.data.change)).toEqual(['reopened', 'reopened', 'escalated']);
    expect(changes[0].data).toMatchObject({ status: 'routed', dueAt });
    expect(JSON.stringify(changes)).not.toContain('قطع است');
  }, 60_000);

  it(
    'without an objection the request closes itself once when the window ends, with two watchers running',
    async () => {
      const code = await routed();
      await answer(code);
      const closed = await waitFor(
        'the automatic close',
        async () => ((await flow.events(code)).some((e) => e.type === 'RequestClosed') ? true : undefined),
        { timeoutMs: WINDOW_SECONDS * 1000 + 30_000, intervalMs: 500 },
      );
      expect(closed).toBe(true);
      // Give the other replica its chances to close it again.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const events = await flow.events(code);
      expect(countOf(events, 'RequestClosed')).toBe(1);
      const close = events.find((e) => e.type === 'RequestClosed')!;
      expect(close.data).toMatchObject({ reason: 'answered' });
      expect(close.metadata.actor).toEqual({ id: 'verdict-window-watcher', role: 'system' });

      const late = await byCitizen(code, { verdict: 'rate', rating: 3 });
      expect(late.status).toBe(409);
    },
    WINDOW_SECONDS * 1000 + 60_000,
  );

  it('refuses a verdict after the window even before the watcher closes it', async () => {
    const code = await routed();
    await handleRequestCommand(
      flow.store,
      {
        type: 'Answer',
        data: {
          trackingCode: code,
          now: new Date(Date.now() - 2 * WINDOW_SECONDS * 1000),
          agencyCode: 'ABFA',
          outcome: 'partial',
          text: 'بخشی انجام شد',
        },
      },
      { actor: { id: 'abfa-staff', role: 'agency_staff' } },
    );
    const late = await byOperator(code, { verdict: 'rate', rating: 3 });
    expect(late.status).toBe(409);
    expect(['VERDICT_WINDOW_ENDED', 'REQUEST_ALREADY_CLOSED']).toContain(late.body.code);
  }, 30_000);
});
