import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { IntegrationEventTypes, Topics, encodeIntegrationEvent, type DeadLetterMessage } from '@samad/events';
import type { EventStore } from '@samad/event-store';
import {
  maskIdentifier,
  requestStreamName,
  toPersianDigits,
  trackingCodeFromNumber,
  type RequestCommand,
} from '@samad/request-lifecycle';
import { type ActorIdentity } from '@samad/service-kit';
import { encodeRecordedRequestEvent, handleRequestCommand } from '@samad/request-application';
import { bearer } from '../../../test/support/auth';
import { testEnv, waitFor } from '../../../test/support/environment';
import { startInProcess, type InProcessService } from '../../../test/support/in-process-service';
import { RequestFlow } from '../../../test/support/request-flow';
import { ReportingModule } from '../src/reporting.module';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const operator: ActorIdentity = { id: 'operator-17', role: 'operator' };
const rules: ActorIdentity = { id: 'routing', role: 'system' };
const abfaStaff: ActorIdentity = { id: 'abfa-staff-3', role: 'agency_staff' };
const citizen = { nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' };

const newTrackingCode = (): string => trackingCodeFromNumber(1 + Math.floor(Math.random() * 8e8));
/** A registration instant no other test uses, so a [T, T + 1 ms) summary window holds only this test's requests. */
const uniqueInstant = (): Date =>
  new Date(Date.UTC(2023, 0, 1) + Math.floor(Math.random() * 700 * 24 * 3600) * 1000);
const at = (base: Date, offsetMs: number): Date => new Date(base.getTime() + offsetMs);

interface Summary {
  total: number;
  followUps: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  byAgency: Record<string, unknown>[];
  byCounty: Record<string, unknown>[];
  byCategory: Record<string, unknown>[];
  timeToAnswer: { answered: number; meanHours: number | null; p90Hours: number | null };
}

interface Overdue {
  total: number;
  items: { trackingCode: string; daysOverdue: number; [key: string]: unknown }[];
}

describe('reporting service (real PostgreSQL, Kafka and event store)', () => {
  let store: EventStore;
  let kafka: Kafka;
  let flow: RequestFlow;
  let producer: Producer;
  let service: InProcessService;

  beforeAll(async () => {
    // Requests appended through the same sealing store the services use, relayed to Kafka from the start.
    flow = await RequestFlow.start();
    store = flow.store;
    kafka = flow.kafka;
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    service = await startInProcess('reporting', (config) => ReportingModule.register(config));
  }, 120000);

  afterAll(async () => {
    await service?.close();
    await producer?.disconnect();
    await flow?.close();
  }, 60000);

  const run = (command: RequestCommand, actor: ActorIdentity) =>
    handleRequestCommand(store, command, { actor, correlationId: `test-${randomUUID()}` });

  const register = (
    trackingCode: string,
    now: Date,
    overrides: {
      countyCode?: string;
      categoryCode?: string;
      channel?: 'phone' | 'desk' | 'trip_letter' | 'web';
    } = {},
  ) =>
    run(
      {
        type: 'RegisterRequest',
        data: {
          trackingCode,
          now,
          kind: 'complaint',
          channel: overrides.channel ?? 'phone',
          collective: false,
          citizens: [citizen],
          countyCode: overrides.countyCode ?? 'BND',
          categoryCode: overrides.categoryCode ?? 'WAT-CUT',
          description: 'آب محله از دیروز قطع است.',
          registeredBy: operator.id,
        },
      },
      operator,
    );

  const route = (trackingCode: string, now: Date, agencyCode: string, dueAt: Date) =>
    run(
      {
        type: 'RouteToAgency',
        data: { trackingCode, now, agencyCode, dueAt, routedBy: 'rules', ruleId: `${agencyCode}-default` },
      },
      rules,
    );

  const acknowledge = (trackingCode: string, now: Date, agencyCode = 'ABFA') =>
    run({ type: 'Acknowledge', data: { trackingCode, now, agencyCode } }, abfaStaff);

  const answer = (trackingCode: string, now: Date, agencyCode = 'ABFA') =>
    run(
      {
        type: 'Answer',
        data: { trackingCode, now, agencyCode, outcome: 'positive', text: 'لوله ترمیم و آب وصل شد.' },
      },
      abfaStaff,
    );

  const followUp = (trackingCode: string, now: Date, note: string) =>
    run({ type: 'RecordFollowUp', data: { trackingCode, now, note, channel: 'phone' } }, operator);

  const get = async <T>(path: string): Promise<{ status: number; type: string; body: T }> => {
    const res = await fetch(`${service.baseUrl}${path}`, { headers: await bearer('auditor') });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as T };
  };

  const summaryAround = async (registeredAt: Date): Promise<Summary> => {
    const window = `from=${registeredAt.toISOString()}&to=${at(registeredAt, 1).toISOString()}`;
    const { status, body } = await get<Summary>(`/api/reports/summary?${window}`);
    expect(status).toBe(200);
    return body;
  };

  const waitForSummary = (what: string, registeredAt: Date, done: (s: Summary) => boolean) =>
    waitFor(
      what,
      async () => {
        const summary = await summaryAround(registeredAt);
        return done(summary) ? summary : undefined;
      },
      { timeoutMs: 90000 },
    );

  it('counts a request answered five hours after registration, by agency, county, category and channel', async () => {
    const code = newTrackingCode();
    const T = uniqueInstant();
    await register(code, T, { countyCode: 'MIN', channel: 'trip_letter' });
    await route(code, at(T, 60_000), 'ABFA', at(T, 3 * DAY));
    await acknowledge(code, at(T, HOUR));
    await answer(code, at(T, 5 * HOUR));

    const summary = await waitForSummary(
      'the answer in the summary',
      T,
      (s) => s.timeToAnswer.answered === 1,
    );

    expect(summary.total).toBe(1);
    expect(summary.byStatus).toMatchObject({ answered: 1, routed: 0, registered: 0 });
    expect(summary.byChannel).toEqual({ phone: 0, desk: 0, trip_letter: 1, web: 0 });
    expect(summary.timeToAnswer).toMatchObject({ answered: 1, meanHours: 5, p90Hours: 5 });
    expect(summary.byAgency).toEqual([
      {
        rank: 1,
        agencyCode: 'ABFA',
        nameFa: 'شرکت آب و فاضلاب استان هرمزگان',
        nameEn: 'Provincial Water and Wastewater Company',
        total: 1,
        open: 0,
        answered: 1,
        overdue: 0,
        escalated: 0,
        escalatedToInspection: 0,
        answeredOnTimeRate: 1,
        meanHoursToAnswer: 5,
        p90HoursToAnswer: 5,
      },
    ]);
    expect(summary.byCounty).toEqual([
      expect.objectContaining({ countyCode: 'MIN', nameFa: 'میناب', total: 1 }),
    ]);
    expect(summary.byCategory).toEqual([
      expect.objectContaining({ categoryCode: 'WAT-CUT', nameEn: 'Water outage', answered: 1 }),
    ]);
  }, 120000);

  it('keeps no personal data in the reporting tables', async () => {
    const code = newTrackingCode();
    const T = uniqueInstant();
    await register(code, T);
    await waitForSummary('the registration in the summary', T, (s) => s.total === 1);

    const db = new Client({ connectionString: testEnv.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT * FROM reporting.requests WHERE tracking_code = $1`, [code]);
      expect(rows).toHaveLength(1);
      const stored = JSON.stringify(rows[0]);
      for (const personal of [citizen.nationalCode, citizen.fullName, citizen.mobile, 'آب محله']) {
        expect(stored).not.toContain(personal);
      }
    } finally {
      await db.end();
    }
  }, 120000);

  it('computes the mean and p90 time to answer in SQL and ranks agencies by answering on time', async () => {
    const T = uniqueInstant();
    const onTime = [1, 2, 10].map(() => newTrackingCode());
    for (const [i, code] of onTime.entries()) {
      await register(code, T);
      await route(code, at(T, 60_000), 'ABFA', at(T, 3 * DAY));
      await answer(code, at(T, [1, 2, 10][i] * HOUR));
    }
    const late = newTrackingCode();
    await register(late, T, { categoryCode: 'PWR-CUT' });
    await route(late, at(T, 60_000), 'BARGH', at(T, 2 * HOUR));
    await answer(late, at(T, 3 * HOUR), 'BARGH');

    const summary = await waitForSummary(
      'four answers in the summary',
      T,
      (s) => s.timeToAnswer.answered === 4,
    );

    // Hours to answer 1, 2, 3, 10: mean 4; p90 by linear interpolation 3 + 0.7 × 7 = 7.9.
    expect(summary.timeToAnswer).toMatchObject({ answered: 4, meanHours: 4, p90Hours: 7.9 });
    expect(summary.byAgency.map((a) => [a.rank, a.agencyCode, a.answeredOnTimeRate])).toEqual([
      [1, 'ABFA', 1],
      [2, 'BARGH', 0],
    ]);
    // Hours to answer 1, 2, 10: p90 = 2 + 0.8 × 8 = 8.4.
    expect(summary.byAgency[0]).toMatchObject({ meanHoursToAnswer: 4.33, p90HoursToAnswer: 8.4 });
  }, 120000);

  it('lists an open request past its due date, most overdue first, but never an answered one', async () => {
    const now = Date.now();
    const overdue = newTrackingCode();
    const moreOverdue = newTrackingCode();
    const answeredLate = newTrackingCode();
    const notYetDue = newTrackingCode();
    // dueAt must be after `now` when routed, so these were routed ten days ago.
    const tenDaysAgo = new Date(now - 10 * DAY);
    for (const code of [overdue, moreOverdue, answeredLate, notYetDue])
      await register(code, tenDaysAgo, { countyCode: 'QSM' });
    await route(overdue, at(tenDaysAgo, 60_000), 'ABFA', new Date(now - 2 * DAY - HOUR));
    await acknowledge(overdue, at(tenDaysAgo, HOUR));
    await route(moreOverdue, at(tenDaysAgo, 60_000), 'ABFA', new Date(now - 5 * DAY - HOUR));
    await route(answeredLate, at(tenDaysAgo, 60_000), 'ABFA', new Date(now - 6 * DAY));
    await answer(answeredLate, new Date(now - DAY));
    await route(notYetDue, at(tenDaysAgo, 60_000), 'ABFA', new Date(now + DAY));

    // Different requests travel on different partitions: wait until all four are fully applied.
    const summary = await waitForSummary(
      'the four requests in their final states',
      tenDaysAgo,
      (s) => s.timeToAnswer.answered === 1 && s.byStatus.routed === 2 && s.byStatus.acknowledged === 1,
    );
    expect(summary.byAgency).toEqual([
      expect.objectContaining({ agencyCode: 'ABFA', total: 4, open: 3, overdue: 2 }),
    ]);

    const { status, body: list } = await get<Overdue>(
      '/api/reports/overdue?agency=ABFA&county=QSM&pageSize=200',
    );
    expect(status).toBe(200);
    const codes = list.items.map((r) => r.trackingCode);
    expect(codes).toEqual(expect.arrayContaining([overdue, moreOverdue]));
    expect(codes).not.toContain(answeredLate);
    expect(codes).not.toContain(notYetDue);
    expect(codes.indexOf(moreOverdue)).toBeLessThan(codes.indexOf(overdue));

    const entry = list.items.find((r) => r.trackingCode === overdue);
    expect(entry).toMatchObject({
      agency: { code: 'ABFA', nameEn: 'Provincial Water and Wastewater Company' },
      county: { code: 'QSM', nameFa: 'قشم', nameEn: 'Qeshm' },
      category: { code: 'WAT-CUT', nameFa: 'قطعی آب' },
      status: 'acknowledged',
      dueAt: new Date(now - 2 * DAY - HOUR).toISOString(),
      daysOverdue: 2,
    });
    expect(entry?.dueAtJalali).toMatch(/[۰-۹]{4}/);
    expect(entry?.daysOverdue).toBeGreaterThanOrEqual(1);

    // Filters narrow the list; lower-case codes are accepted.
    const otherCounty = await get<Overdue>('/api/reports/overdue?agency=abfa&county=MIN');
    expect(otherCounty.body.items.map((r) => r.trackingCode)).not.toContain(overdue);
    const otherAgency = await get<Overdue>('/api/reports/overdue?agency=BARGH');
    expect(otherAgency.body.items.map((r) => r.trackingCode)).not.toContain(overdue);
    const bad = await get<{ errors: { field: string }[] }>('/api/reports/overdue?agency=%3Bdrop&pageSize=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['agency', 'pageSize']);
  }, 120000);

  it("shows a request's full history from the event store, in order, with actor and hash, chain verified", async () => {
    const code = newTrackingCode();
    const T = uniqueInstant();
    await register(code, T);
    await route(code, at(T, 60_000), 'ABFA', at(T, 3 * DAY));
    await answer(code, at(T, 5 * HOUR)); // straight from the inbox: acknowledged and answered together

    // Persian digits and the printed dashes are read as the same code.
    const typed = toPersianDigits(`${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`);
    const { status, body } = await get<{
      trackingCode: string;
      streamId: string;
      events: Record<string, unknown>[];
      verification: unknown;
    }>(`/api/requests/${encodeURIComponent(typed)}/history`);

    expect(status).toBe(200);
    expect(body.trackingCode).toBe(code);
    expect(body.streamId).toBe(requestStreamName(code));
    expect(body.events.map((e) => [e.revision, e.type])).toEqual([
      [0, 'RequestRegistered'],
      [1, 'RequestRoutedToAgency'],
      [2, 'RequestAcknowledged'],
      [3, 'RequestAnswered'],
    ]);
    expect(body.events.map((e) => e.actor)).toEqual([operator, rules, abfaStaff, abfaStaff]);
    expect(body.events.map((e) => e.occurredAt)).toEqual([
      T.toISOString(),
      at(T, 60_000).toISOString(),
      at(T, 5 * HOUR).toISOString(),
      at(T, 5 * HOUR).toISOString(),
    ]);
    for (const event of body.events) {
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(event.correlationId).toMatch(/^test-/);
      expect(event.position).toEqual({
        commit: expect.stringMatching(/^\d+$/),
        prepare: expect.stringMatching(/^\d+$/),
      });
      expect(event.recordedAtJalali).toMatch(/[۰-۹]/);
    }
    expect(new Set(body.events.map((e) => e.hash)).size).toBe(4);
    const commits = body.events.map((e) => BigInt((e.position as { commit: string }).commit));
    expect([...commits].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(commits);
    // National codes and mobiles are masked for every role that may read a history.
    expect(body.events[0].data).toMatchObject({
      trackingCode: code,
      countyCode: 'BND',
      citizens: [
        {
          nationalCode: maskIdentifier(citizen.nationalCode),
          fullName: citizen.fullName,
          mobile: maskIdentifier(citizen.mobile),
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain(citizen.nationalCode);
    expect(body.verification).toEqual({ ok: true, eventsChecked: 4 });
  }, 120000);

  it('answers 404 Problem Details for an unknown request and 400 for a malformed code', async () => {
    const unknown = await get<{ status: number; code: string }>(`/api/requests/${newTrackingCode()}/history`);
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ status: 404, code: 'REQUEST_NOT_FOUND' });

    const code = newTrackingCode();
    const wrongCheckDigit = `${code.slice(0, 9)}${(Number(code[9]) + 1) % 10}`;
    for (const malformed of ['12345', 'abcdefghij', wrongCheckDigit]) {
      const res = await get<{ status: number; errors: { field: string }[] }>(
        `/api/requests/${malformed}/history`,
      );
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    }
  });

  it('refuses a summary window that is not ISO-8601 or ends before it starts', async () => {
    const notIso = await get<{ errors: { field: string }[] }>('/api/reports/summary?from=yesterday');
    expect(notIso.status).toBe(400);
    expect(notIso.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    const backwards = await get<{ errors: { field: string }[] }>(
      '/api/reports/summary?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
  });

  it('does not count a redelivered message twice', async () => {
    const code = newTrackingCode();
    const T = uniqueInstant();
    await register(code, T, { channel: 'desk' });
    await followUp(code, at(T, HOUR), 'شهروند دوباره تماس گرفت.');
    await waitForSummary('the request and its follow-up', T, (s) => s.total === 1 && s.followUps === 1);

    // Publish every event of the stream again, twice, exactly as the relay did (same envelope, same key).
    const recorded = await store.readStream(requestStreamName(code));
    const messages = recorded.map((event) => ({
      key: event.streamId,
      value: encodeRecordedRequestEvent(event),
    }));
    await producer.send({ topic: Topics.requestEvents, messages: [...messages, ...messages] });

    // A later fact on the same key lands behind the duplicates in the same partition: once it shows, they were consumed.
    await followUp(code, at(T, 2 * HOUR), 'پیگیری دوم.');
    const summary = await waitForSummary('the second follow-up', T, (s) => s.followUps >= 2);
    expect(summary.total).toBe(1);
    expect(summary.followUps).toBe(2);
    expect(summary.byChannel.desk).toBe(1);
    expect(summary.byStatus.registered).toBe(1);
  }, 120000);

  it('parks an event for a request it never saw on the dead-letter topic, and goes on', async () => {
    const ghost = newTrackingCode();
    const T = uniqueInstant();
    const streamId = requestStreamName(ghost);
    const parked: DeadLetterMessage[] = [];
    const deadLetters = kafka.consumer({ groupId: `test-dead-letters-${randomUUID()}` });
    await deadLetters.connect();
    await deadLetters.subscribe({ topic: Topics.deadLetter, fromBeginning: true });
    await deadLetters.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === streamId)
          parked.push(JSON.parse(String(message.value)) as DeadLetterMessage);
      },
    });
    try {
      // A valid follow-up whose registration never reached reporting (e.g. it was parked itself).
      await producer.send({
        topic: Topics.requestEvents,
        messages: [
          {
            key: streamId,
            value: encodeIntegrationEvent({
              eventId: randomUUID(),
              eventType: IntegrationEventTypes.followUpRecorded,
              eventVersion: 1,
              streamId,
              streamRevision: 1,
              position: '1',
              occurredAt: T.toISOString(),
              recordedAt: T.toISOString(),
              data: { trackingCode: ghost, note: 'پیگیری', channel: 'phone', at: T.toISOString() },
            }),
          },
        ],
      });
      const [letter] = await waitFor(
        'the parked message',
        async () => (parked.length > 0 ? parked : undefined),
        {
          timeoutMs: 90000,
        },
      );
      expect(letter).toMatchObject({
        originalTopic: Topics.requestEvents,
        reason: 'refused',
        consumerGroup: 'samad-reporting',
        error: expect.stringContaining('not in the read model'),
      });

      // The partition was not left blocked: a later registration of that code is counted, without the parked follow-up.
      await register(ghost, T);
      const summary = await waitForSummary(
        'the registration after the parked message',
        T,
        (s) => s.total === 1,
      );
      expect(summary.followUps).toBe(0);

      // Parked once, in reporting's own table, whatever the redeliveries.
      const sql = new Client({ connectionString: testEnv.databaseUrl });
      await sql.connect();
      try {
        const parkedRows = async () =>
          (
            await sql.query<{ id: string; reason: string; redriven_at: Date | null }>(
              `SELECT id, reason, redriven_at FROM reporting.parked_messages WHERE message_key = $1`,
              [streamId],
            )
          ).rows;
        const [row] = await parkedRows();
        expect(await parkedRows()).toHaveLength(1);
        expect(row).toMatchObject({ reason: 'refused', redriven_at: null });
        expect(letter).toMatchObject({ parkedId: row.id });

        // The admin sees it and re-drives it: now that the registration is there, the follow-up counts.
        const admin = { ...(await bearer('admin')), 'content-type': 'application/json' };
        const listed = await fetch(`${service.baseUrl}/api/admin/dead-letters/reporting?reason=refused`, {
          headers: admin,
        });
        expect(listed.status).toBe(200);
        expect(((await listed.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(
          row.id,
        );
        const redrive = () =>
          fetch(`${service.baseUrl}/api/admin/dead-letters/reporting/redrive`, {
            method: 'POST',
            headers: admin,
            body: JSON.stringify({ ids: [row.id] }),
          });
        expect(((await (await redrive()).json()) as { requested: string[] }).requested).toEqual([row.id]);
        const afterRedrive = await waitForSummary('the re-driven follow-up', T, (s) => s.followUps === 1);
        expect(afterRedrive.total).toBe(1);
        expect((await parkedRows())[0].redriven_at).not.toBeNull();

        // Asking again changes nothing: the message is done.
        expect(((await (await redrive()).json()) as { requested: string[] }).requested).toEqual([]);
      } finally {
        await sql.end();
      }
    } finally {
      await deadLetters.disconnect();
    }
  }, 120000);

  it('parks a message that is not JSON once, with its reason, and goes on', async () => {
    const key = `poison-${randomUUID()}`;
    await producer.send({ topic: Topics.requestEvents, messages: [{ key, value: '{not json' }] });
    const code = newTrackingCode();
    const T = uniqueInstant();
    await register(code, T); // behind the poison on some partition: it is counted, so nothing waits
    await waitForSummary('a registration after the poison', T, (s) => s.total === 1);
    const sql = new Client({ connectionString: testEnv.databaseUrl });
    await sql.connect();
    try {
      const rows = await waitFor('the parked poison', async () => {
        const { rows } = await sql.query<{ reason: string; event_id: string | null }>(
          `SELECT reason, event_id FROM reporting.parked_messages WHERE message_key = $1`,
          [key],
        );
        return rows.length > 0 ? rows : undefined;
      });
      expect(rows).toEqual([{ reason: 'invalid_json', event_id: null }]);
    } finally {
      await sql.end();
    }
  }, 120000);
});
