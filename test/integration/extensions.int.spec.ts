// Extensions and information requests (ADR 24) against real PostgreSQL and Kafka: routing (with its deadline
// watcher), agency (its endpoints and topic relay), intake (the operator) and reporting in-process.
import { Topics, validateIntegrationEvent } from '@samad/events';
import type { RecordedEvent } from '@samad/event-store';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import {
  addWorkingMinutes,
  nextDeadlineStep,
  requestStreamName,
  workingMinutesBetween,
  type WorkingCalendar,
} from '@samad/request-lifecycle';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KafkaTopicReader } from '../support/kafka-topic-reader';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { RequestFlow } from '../support/request-flow';

// Offices open all day (but Friday and holidays), so a pause of a few seconds is working time to move by.
const OFFICE_HOURS = { opens: 0, closes: 23 * 60 + 59 };
const calendarOf = (holidays: Set<string>): WorkingCalendar => ({
  thursday: 'working',
  officeHours: OFFICE_HOURS,
  holidays,
});
const countOf = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type).length;
const dataOf = (events: RecordedEvent[], type: string) => events.find((e) => e.type === type)?.data as Json;

describe('extensions and information requests', () => {
  let flow: RequestFlow;
  let routing: InProcessService;
  let agency: InProcessService;
  let intake: InProcessService;
  let reporting: InProcessService;
  let abfaTopic: KafkaTopicReader;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config), {
      DEADLINE_WATCH_INTERVAL_MS: '1000',
      CALENDAR_OFFICE_HOURS: '00:00-23:59',
      CALENDAR_THURSDAY: 'working',
    });
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    intake = await startInProcess('intake', (config) => IntakeModule.register(config));
    reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
    abfaTopic = await new KafkaTopicReader(Topics.agency('ABFA')).start();
  });

  afterAll(async () => {
    await abfaTopic?.stop();
    await reporting?.close();
    await intake?.close();
    await agency?.close();
    await routing?.close();
    await flow?.close();
  });

  const routed = async (): Promise<string> => {
    const code = await flow.register('WAT-CUT', 'BND');
    await flow.waitForEvent(code, 'RequestRoutedToAgency');
    return code;
  };
  const post = async (url: string, body: object, headers: Record<string, string>) =>
    requestJson('POST', url, { body, headers });
  const staff = (agencyCode = 'ABFA') =>
    bearer('agency_staff', { agency: agencyCode, sub: `staff-${agencyCode}` });
  const supervisor = () => bearer('supervisor', { sub: 'supervisor-4' });

  const askExtension = async (code: string, body: object, agencyCode = 'ABFA') =>
    post(`${agency.baseUrl}/api/agency/requests/${code}/extension-requests`, body, await staff(agencyCode));
  const decide = async (code: string, id: string, verdict: 'approve' | 'refuse', body: object = {}) =>
    post(
      `${routing.baseUrl}/api/routing/requests/${code}/extension-requests/${id}/${verdict}`,
      body,
      await supervisor(),
    );
  const askInformation = async (code: string, body: object) =>
    post(`${agency.baseUrl}/api/agency/requests/${code}/information-requests`, body, await staff());
  const supply = async (code: string, body: object) =>
    post(
      `${intake.baseUrl}/api/requests/${code}/information`,
      body,
      await bearer('operator', { sub: 'op-7' }),
    );
  const dueOf = async (code: string): Promise<string> => {
    const events = await flow.events(code);
    const last = [...events]
      .reverse()
      .find((e) => typeof (e.data as Json).dueAt === 'string' && e.type !== 'InformationRequested');
    return (last!.data as Json).dueAt;
  };
  /** The stream as the store keeps it: free text must be sealed there (ADR 19). */
  const storedText = async (code: string): Promise<string> => {
    const { rows } = await flow.sql.query<{ data: string }>(
      'SELECT data::text AS data FROM event_store.events WHERE stream_id = $1',
      [requestStreamName(code)],
    );
    expect(rows.length).toBeGreaterThan(2);
    return rows.map((r) => r.data).join('\n');
  };
  const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

  it('an approved extension moves the due date, and the watcher follows the new deadline', async () => {
    const code = await routed();
    const before = await dueOf(code);
    const proposedDueAt = new Date(Date.parse(before) + 3 * 86_400_000).toISOString();
    const asked = await askExtension(code, { proposedDueAt, reason: 'نیاز به بازدید میدانی کارشناس' });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ trackingCode: code, status: 'routed', extensionId: expect.any(String) });
    const { extensionId } = asked.body;

    // At most one at a time, and only for the agency's own requests.
    const second = await askExtension(code, { proposedDueAt, reason: 'یک بار دیگر می‌پرسیم' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('EXTENSION_ALREADY_PENDING');
    expect((await askExtension(code, { proposedDueAt, reason: 'درخواست دیگری' }, 'BARGH')).status).toBe(404);

    // The supervisor grants a shorter one than proposed: due in three seconds, to watch it pass.
    const dueAt = inFuture(3000);
    const approved = await decide(code, extensionId, 'approve', { dueAt });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({
      trackingCode: code,
      outcome: 'approved',
      dueAt,
      dueAtJalali: expect.stringMatching(/۱۴[۰-۹]{2}/),
    });
    expect((await decide(code, extensionId, 'approve', { dueAt })).status).toBe(200); // a retried call
    expect((await decide(code, extensionId, 'refuse', { reason: 'دیر شد دیگر' })).status).toBe(409);

    await waitFor(
      'the watcher to record the new deadline missed',
      async () => ((await flow.events(code)).some((e) => e.type === 'DeadlineMissed') ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const events = await flow.events(code);
    expect(countOf(events, 'ExtensionRequested')).toBe(1);
    expect(countOf(events, 'ExtensionApproved')).toBe(1);
    expect(dataOf(events, 'ExtensionApproved')).toMatchObject({ extensionId, dueAt, previousDueAt: before });
    expect(dataOf(events, 'DeadlineMissed')).toMatchObject({ dueAt });
    expect(countOf(events, 'DeadlineMissed')).toBe(1);

    // The history shows both facts in Jalali, with the agency's reason.
    const history = await requestJson('GET', `${reporting.baseUrl}/api/requests/${code}/history`, {
      headers: await supervisor(),
    });
    const shown = history.body.events.filter((e: Json) => e.type.startsWith('Extension'));
    expect(shown.map((e: Json) => e.type)).toEqual(['ExtensionRequested', 'ExtensionApproved']);
    for (const entry of shown) expect(entry.occurredAtJalali).toMatch(/۱۴[۰-۹]{2}/);
    expect(shown[0].data.reason).toBe('نیاز به بازدید میدانی کارشناس');
    expect(await storedText(code)).not.toContain('بازدید');

    // The agency's topic carries the facts, without the reason.
    const changes = await waitFor('the extension facts on the agency topic', async () => {
      const mine = abfaTopic.messages
        .map((m) => JSON.parse(m.value) as Json)
        .filter((m) => m.data.trackingCode === code && m.data.change?.startsWith('extension_'));
      return mine.length >= 2 ? mine : undefined;
    });
    for (const message of changes) expect(validateIntegrationEvent(message).ok).toBe(true);
    expect(changes.map((m) => m.data.change)).toEqual(['extension_requested', 'extension_approved']);
    expect(changes[1].data.dueAt).toBe(dueAt);
    expect(JSON.stringify(changes)).not.toContain('بازدید');
  }, 90_000);

  it('a refusal keeps the due date; the staff may then ask again', async () => {
    const code = await routed();
    const before = await dueOf(code);
    const proposedDueAt = new Date(Date.parse(before) + 86_400_000).toISOString();
    const { extensionId } = (await askExtension(code, { proposedDueAt, reason: 'کمبود نیرو در این هفته' }))
      .body;
    expect((await decide(code, extensionId, 'refuse', {})).status).toBe(400); // no reason
    const refused = await decide(code, extensionId, 'refuse', { reason: 'مهلت فعلی کافی است' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ outcome: 'refused', dueAt: before });
    expect((await decide(code, extensionId, 'approve')).status).toBe(409);
    expect((await decide(code, 'no-such-extension', 'approve')).status).toBe(404);
    expect(await dueOf(code)).toBe(before);

    const again = await askExtension(code, { proposedDueAt, reason: 'کمبود نیرو؛ دوباره' });
    expect(again.status).toBe(200);
    const early = await askExtension(code, { proposedDueAt: before, reason: 'زودتر از مهلت فعلی' });
    expect(early.status).toBe(409); // the second one is pending
    const events = await flow.events(code);
    expect(countOf(events, 'ExtensionRefused')).toBe(1);
    expect(countOf(events, 'ExtensionRequested')).toBe(2);
  });

  it('lists a pending extension for the supervisor until it is decided (paged)', async () => {
    const code = await routed();
    const proposedDueAt = new Date(Date.parse(await dueOf(code)) + 86_400_000).toISOString();
    const { extensionId } = (await askExtension(code, { proposedDueAt, reason: 'در انتظار قطعه‌ی یدکی' }))
      .body;
    const pending = async () => {
      const page = await requestJson(
        'GET',
        `${reporting.baseUrl}/api/reports/extension-requests?pageSize=200`,
        {
          headers: await supervisor(),
        },
      );
      expect(page.status).toBe(200);
      return page.body as Json;
    };
    const listed = await waitFor('the extension in the supervisor list', async () =>
      (await pending()).items.find((item: Json) => item.trackingCode === code),
    );
    expect(listed).toMatchObject({
      extensionId,
      agency: { code: 'ABFA' },
      proposedDueAt,
      proposedDueAtJalali: expect.stringMatching(/۱۴[۰-۹]{2}/),
    });
    const first = await pending();
    expect(first).toMatchObject({ page: 1, pageSize: 200, total: expect.any(Number) });
    expect(first.total).toBeGreaterThanOrEqual(1);
    const bad = await requestJson('GET', `${reporting.baseUrl}/api/reports/extension-requests?pageSize=0`, {
      headers: await supervisor(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_INPUT');

    expect((await decide(code, extensionId, 'refuse', { reason: 'مهلت فعلی کافی است' })).status).toBe(200);
    await waitFor('the decided extension to leave the list', async () =>
      (await pending()).items.some((item: Json) => item.trackingCode === code) ? undefined : true,
    );
  });

  it('refuses a proposed date not after the current due date, and an operator', async () => {
    const code = await routed();
    const before = await dueOf(code);
    const early = await askExtension(code, { proposedDueAt: before, reason: 'زودتر از مهلت فعلی' });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('PROPOSED_DUE_NOT_LATER');
    const operator = await post(
      `${agency.baseUrl}/api/agency/requests/${code}/extension-requests`,
      { proposedDueAt: inFuture(86_400_000 * 30), reason: 'اپراتور نمی‌تواند' },
      await bearer('operator'),
    );
    expect(operator.status).toBe(403);
  });

  it('an information request pauses the clock; supplying it resumes with the due date moved by the paused working time', async () => {
    const code = await routed();
    const asked = await askInformation(code, { question: 'نشانی دقیق و پلاک محل را بفرمایید' });
    expect(asked.status).toBe(200);
    expect((await askInformation(code, { question: 'سؤال دوم هم داریم' })).status).toBe(409);

    // While paused the watcher owes nothing, and even a stale one cannot record a miss long after the due date.
    const dueBefore = await dueOf(code);
    const { state } = await loadRequest(flow.store, code);
    expect(
      nextDeadlineStep(state, { ...calendarOf(new Set()), inspectionAfterWorkingDays: 2 }),
    ).toBeUndefined();
    const stale = handleRequestCommand(
      flow.store,
      {
        type: 'RecordDeadlineMissed',
        data: {
          trackingCode: code,
          dueAt: new Date(dueBefore),
          now: new Date(Date.parse(dueBefore) + 30 * 86_400_000),
        },
      },
      { actor: { id: 'deadline-watcher', role: 'system' } },
    );
    await expect(stale).rejects.toMatchObject({ code: 'DEADLINE_PAUSED' });
    const paused = await flow.events(code);
    for (const type of ['DeadlineApproaching', 'DeadlineMissed', 'RequestEscalated']) {
      expect(countOf(paused, type)).toBe(0);
    }

    const supplied = await supply(code, { information: 'پلاک ۱۲، کوچه‌ی رجایی' });
    expect(supplied.status).toBe(200);
    expect((await supply(code, { information: 'دوباره' })).status).toBe(409);

    const resumed = await flow.waitForEvent(code, 'DeadlineResumed');
    const data = resumed.data as Json;
    const calendar = calendarOf(await flow.holidays());
    const minutes = workingMinutesBetween(new Date(data.pausedFrom), new Date(data.pausedUntil), calendar);
    const expected =
      minutes > 0 ? addWorkingMinutes(new Date(dueBefore), minutes, calendar) : new Date(dueBefore);
    expect(data).toMatchObject({ previousDueAt: dueBefore, dueAt: expected.toISOString() });
    const events = await flow.events(code);
    expect(dataOf(events, 'InformationRequested').at).toBe(data.pausedFrom);
    expect(dataOf(events, 'InformationSupplied').at).toBe(data.pausedUntil);
    expect(resumed.metadata.actor).toEqual({ id: 'deadline-watcher', role: 'system' });

    // The watcher follows the moved deadline again.
    const row = await waitFor("the resumed deadline on the watcher's list", async () => {
      const { rows } = await flow.sql.query<{ stream_revision: string }>(
        'SELECT stream_revision FROM routing.open_deadlines WHERE tracking_code = $1',
        [code],
      );
      return rows[0] && Number(rows[0].stream_revision) >= Number(resumed.streamRevision)
        ? rows[0]
        : undefined;
    });
    expect(row).toBeDefined();

    const changes = await waitFor('the information facts on the agency topic', async () => {
      const mine = abfaTopic.messages
        .map((m) => JSON.parse(m.value) as Json)
        .filter((m) => m.data.trackingCode === code && m.eventType === 'samad.agency.request-updated');
      return mine.length >= 3 ? mine : undefined;
    });
    expect(changes.map((m) => m.data.change)).toEqual([
      'information_requested',
      'information_supplied',
      'deadline_resumed',
    ]);
    expect(changes[2].data.dueAt).toBe(data.dueAt);
    expect(JSON.stringify(changes)).not.toContain('پلاک');
    const stored = await storedText(code);
    expect(stored).not.toContain('پلاک');
    expect(stored).not.toContain('نشانی دقیق');
  }, 90_000);

  it('the running watcher records nothing past a paused due moment, then follows the moved one to its miss', async () => {
    const code = await routed();
    const dueAt = inFuture(3000);
    const set = await post(
      `${routing.baseUrl}/api/routing/requests/${code}/due-time`,
      { dueAt, reason: 'فوری: بیمارستان' },
      await supervisor(),
    );
    expect(set.status).toBe(200);
    expect((await askInformation(code, { question: 'شماره‌ی اشتراک را بفرمایید' })).status).toBe(200);
    await waitFor('two watcher passes after the due moment', async () =>
      Date.now() > Date.parse(dueAt) + 2500 ? true : undefined,
    );
    const paused = await flow.events(code);
    expect(countOf(paused, 'DeadlineMissed')).toBe(0);

    expect((await supply(code, { information: 'اشتراک ۴۴۵۱۲' })).status).toBe(200);
    const missed = await flow.waitForEvent(code, 'DeadlineMissed');
    const resumed = dataOf(await flow.events(code), 'DeadlineResumed');
    expect(resumed.previousDueAt).toBe(dueAt);
    expect(Date.parse(resumed.dueAt)).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect((missed.data as Json).dueAt).toBe(resumed.dueAt);
    expect(Date.parse((missed.data as Json).at)).toBeGreaterThanOrEqual(Date.parse(resumed.dueAt));
  }, 60_000);
});
