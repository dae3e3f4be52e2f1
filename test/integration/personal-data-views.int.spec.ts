// Minimum view by role, and every view on record: the four services in-process on the real PostgreSQL and
// Kafka. Supervisors and auditors see national codes and mobiles masked; a reveal takes a reason and leaves
// a PersonalDataViewed fact in the access-audit stream (hash-chained, never on Kafka) that auditors list
// and reporting counts; an agency fetches its own request's contact through an audited API, and only that.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Topics } from '@samad/events';
import { createEventStore, silentLogger, StreamNotFoundError, type EventStore } from '@samad/event-store';
import { PERSONAL_DATA_VIEWS_STREAM, trackingCodeFromNumber } from '@samad/request-lifecycle';
import { citizen, registrationBody } from '../../apps/intake/test/intake-test-kit';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { bearer } from '../support/auth';
import { testEnv, waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KafkaTopicReader } from '../support/kafka-topic-reader';

type ServiceKey = 'intake' | 'routing' | 'agency' | 'reporting';

const zahra = citizen({ fullName: 'زهرا رئیسی' });
const masked = {
  nationalCode: `******${zahra.nationalCode.slice(-4)}`,
  mobile: `*******${zahra.mobile.slice(-4)}`,
};
const description = 'آب محله‌ی ما سه روز است قطع است؛ لطفاً تماس بگیرید';
const followUpNote = 'شهروند دوباره تماس گرفت؛ هنوز آب وصل نشده';
const supervisor = { sub: 'views-supervisor' };
const auditor = { sub: 'views-auditor' };

describe('minimum view by role, and every view on record (real PostgreSQL and Kafka)', () => {
  const services = {} as Record<ServiceKey, InProcessService>;
  let raw: EventStore;
  let sql: Client;
  let requestTopic: KafkaTopicReader;
  let code: string;

  const call = async (service: ServiceKey, method: string, path: string, auth: object, body?: unknown) =>
    requestJson(method, `${services[service].baseUrl}${path}`, {
      body,
      headers: auth as Record<string, string>,
    });

  /** How many facts the access-audit stream holds (jest runs files one at a time, so this is exact). */
  const recordedViews = async (): Promise<number> => {
    try {
      return (await raw.readStream(PERSONAL_DATA_VIEWS_STREAM)).length;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return 0;
      throw error;
    }
  };

  const reveal = async (who: 'supervisor' | 'auditor', body: unknown, trackingCode = code) =>
    call(
      'reporting',
      'POST',
      `/api/requests/${trackingCode}/personal-data/reveal`,
      await bearer(who, who === 'supervisor' ? supervisor : auditor),
      body,
    );

  const viewsOf = async (query: string): Promise<Json> => {
    const res = await call(
      'reporting',
      'GET',
      `/api/audit/personal-data-views?${query}`,
      await bearer('auditor'),
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  const viewCounts = async (): Promise<Json> => {
    const res = await call(
      'reporting',
      'GET',
      '/api/reports/personal-data-views',
      await bearer('supervisor'),
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    services.intake = await startInProcess('intake', (c) => IntakeModule.register(c));
    services.routing = await startInProcess('routing', (c) => RoutingModule.register(c));
    services.agency = await startInProcess('agency', (c) => AgencyModule.register(c));
    services.reporting = await startInProcess('reporting', (c) => ReportingModule.register(c));
    raw = createEventStore({ kind: 'postgres', connectionString: testEnv.databaseUrl, logger: silentLogger });
    sql = new Client({ connectionString: testEnv.databaseUrl });
    await sql.connect();
    requestTopic = await new KafkaTopicReader(Topics.requestEvents).start();

    const registered = await call(
      'intake',
      'POST',
      '/api/requests',
      await bearer('operator'),
      registrationBody({ categoryCode: 'WAT-CUT', countyCode: 'BND', citizens: [zahra], description }),
    );
    expect(registered.status).toBe(201);
    code = registered.body.trackingCode as string;
    const followUp = await call(
      'intake',
      'POST',
      `/api/requests/${code}/follow-ups`,
      await bearer('operator'),
      {
        note: followUpNote,
        channel: 'phone',
      },
    );
    expect(followUp.status).toBe(201);
    await waitFor('the request in ABFA’s inbox', async () => {
      const res = await call(
        'agency',
        'GET',
        `/api/agency/inbox?status=all&trackingCode=${code}`,
        await bearer('agency_staff', { agency: 'ABFA' }),
      );
      return (res.body.items as Json[]).some((i) => i.trackingCode === code) ? true : undefined;
    });
  }, 120_000);

  afterAll(async () => {
    await requestTopic?.stop();
    for (const service of Object.values(services).reverse()) await service?.close();
    await raw?.close();
    await sql?.end();
  }, 60_000);

  describe('masked by default', () => {
    it.each(['supervisor', 'auditor', 'admin'] as const)(
      'shows the history to a %s with the national code and mobile masked to their last four digits',
      async (role) => {
        const res = await call('reporting', 'GET', `/api/requests/${code}/history`, await bearer(role));
        expect(res.status).toBe(200);
        const registeredEvent = (res.body.events as Json[]).find((e) => e.type === 'RequestRegistered');
        expect(registeredEvent?.data.citizens).toEqual([
          { nationalCode: masked.nationalCode, fullName: zahra.fullName, mobile: masked.mobile },
        ]);
        const text = JSON.stringify(res.body);
        expect(text).not.toContain(zahra.nationalCode);
        expect(text).not.toContain(zahra.mobile);
        expect(res.body.verification).toMatchObject({ ok: true });
      },
    );

    it.each(['supervisor', 'auditor'] as const)(
      'shows an agency’s inbox to a %s with the mobile masked; the agency’s own staff see it in clear',
      async (role) => {
        const looking = await call(
          'agency',
          'GET',
          `/api/agency/inbox?agency=ABFA&status=all&trackingCode=${code}`,
          await bearer(role),
        );
        const seen = (looking.body.items as Json[]).find((i) => i.trackingCode === code);
        expect(seen?.citizen).toEqual({ fullName: zahra.fullName, mobile: masked.mobile });
        expect(JSON.stringify(looking.body)).not.toContain(zahra.mobile);

        const own = await call(
          'agency',
          'GET',
          `/api/agency/inbox?status=all&trackingCode=${code}`,
          await bearer('agency_staff', { agency: 'ABFA' }),
        );
        const held = (own.body.items as Json[]).find((i) => i.trackingCode === code);
        expect(held?.citizen).toEqual({ fullName: zahra.fullName, mobile: zahra.mobile });
      },
    );
  });

  describe('revealing with a reason', () => {
    it('refuses a reveal without a usable reason, or of an unknown request, and records nothing', async () => {
      const before = await recordedViews();
      const missing = await reveal('auditor', {});
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({
        code: 'VALUE_REQUIRED',
        errors: [expect.objectContaining({ field: 'reason' })],
      });
      for (const reason of ['   ', 'کوته', 'x'.repeat(501), 42]) {
        const bad = await reveal('supervisor', { reason });
        expect({
          reason,
          status: bad.status,
          fields: (bad.body.errors as Json[])?.map((e) => e.field),
        }).toEqual({
          reason,
          status: 400,
          fields: ['reason'],
        });
        expect(JSON.stringify(bad.body)).not.toContain(zahra.mobile);
      }
      const unknown = await reveal(
        'auditor',
        { reason: 'بررسی شکایت به دستور بازرس' },
        trackingCodeFromNumber(876_543_210),
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 'REQUEST_NOT_FOUND' });
      expect(await recordedViews()).toBe(before);
    });

    it('answers the clear identifiers, records who and why, lists it for the auditor and counts it', async () => {
      const countsBefore = await viewCounts();
      const before = await recordedViews();
      const reason = '  بررسی شکایت شهروند به دستور بازرس ویژه  ';

      const res = await reveal('auditor', { reason });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        trackingCode: code,
        citizens: [{ index: 0, erased: false, nationalCode: zahra.nationalCode, mobile: zahra.mobile }],
        viewId: expect.any(String),
        viewedAt: expect.any(String),
      });
      const bySupervisor = await reveal('supervisor', { reason: 'هماهنگی با دستگاه برای پاسخ' });
      expect(bySupervisor.status).toBe(200);

      // The fact is in the store's access-audit stream, chained and verified, without the values it revealed.
      const stream = await raw.readStream(PERSONAL_DATA_VIEWS_STREAM);
      expect(stream).toHaveLength(before + 2);
      const fact = stream.find((e) => e.id === res.body.viewId);
      expect(fact).toMatchObject({
        type: 'PersonalDataViewed',
        data: {
          trackingCode: code,
          viewer: { username: auditor.sub, role: 'auditor' },
          reason: reason.trim(),
          fields: ['nationalCode', 'mobile'],
        },
        metadata: { actor: { id: auditor.sub, role: 'auditor' } },
      });
      const stored = JSON.stringify(stream, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      expect(stored).not.toContain(zahra.nationalCode);
      expect(stored).not.toContain(zahra.mobile);
      expect(await raw.verifyStream(PERSONAL_DATA_VIEWS_STREAM)).toEqual({
        ok: true,
        eventsChecked: before + 2,
      });

      const listed = await viewsOf(`trackingCode=${code}&viewer=${auditor.sub}`);
      expect(listed).toEqual({
        items: [
          {
            viewId: res.body.viewId,
            trackingCode: code,
            viewer: auditor.sub,
            role: 'auditor',
            viewedAt: res.body.viewedAt,
            reason: reason.trim(),
            fields: ['nationalCode', 'mobile'],
            revision: String(fact!.streamRevision),
          },
        ],
        total: 1,
        page: 1,
        pageSize: 50,
      });
      const forRequest = await viewsOf(`trackingCode=${code}&pageSize=1&page=2`);
      expect(forRequest.items).toHaveLength(1);
      expect(forRequest.items[0]).toMatchObject({ viewer: auditor.sub }); // newest first: the supervisor's is page 1
      expect(forRequest.total).toBeGreaterThanOrEqual(2);
      const later = new Date(Date.parse(res.body.viewedAt as string) + 60_000).toISOString();
      expect((await viewsOf(`trackingCode=${code}&from=${later}`)).total).toBe(0);

      const countsAfter = await viewCounts();
      expect(countsAfter.total).toBe(countsBefore.total + 2);
      expect(countsAfter.byRole.auditor).toBe((countsBefore.byRole.auditor ?? 0) + 1);
      expect(countsAfter.byRole.supervisor).toBe((countsBefore.byRole.supervisor ?? 0) + 1);
    });

    it('records every one of many reveals at once in the one access-audit stream, chain intact', async () => {
      const before = await recordedViews();
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          reveal(n % 2 === 0 ? 'auditor' : 'supervisor', { reason: `بررسی هم‌زمان شماره ${n + 1}` }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      expect(await recordedViews()).toBe(before + 12);
      expect(await raw.verifyStream(PERSONAL_DATA_VIEWS_STREAM)).toEqual({
        ok: true,
        eventsChecked: before + 12,
      });
      expect((await viewsOf(`trackingCode=${code}&pageSize=200`)).items.map((v: Json) => v.viewId)).toEqual(
        expect.arrayContaining(answers.map((a) => a.body.viewId)),
      );
    });

    it('refuses a bad filter with a Problem Details naming it', async () => {
      const res = await call(
        'reporting',
        'GET',
        '/api/audit/personal-data-views?trackingCode=12&pageSize=500',
        await bearer('auditor'),
      );
      expect(res.status).toBe(400);
      expect((res.body.errors as Json[]).map((e) => e.field).sort()).toEqual(['pageSize', 'trackingCode']);
    });
  });

  describe('the agency details API', () => {
    const detailsOf = async (agency: string, query = '', trackingCode = code) =>
      call(
        'agency',
        'GET',
        `/api/agency/requests/${trackingCode}/details${query}`,
        await bearer('agency_system', { agency, sub: `${agency.toLowerCase()}-integration` }),
      );

    it('gives the agency holding the request its description, contact and follow-up notes, on the record', async () => {
      const before = await recordedViews();
      const res = await detailsOf('ABFA');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        trackingCode: code,
        agencyCode: 'ABFA',
        description,
        citizen: { fullName: zahra.fullName, mobile: zahra.mobile },
        citizenCount: 1,
        directives: [],
        followUps: [{ at: expect.any(String), channel: 'phone', note: followUpNote }],
        viewId: expect.any(String),
      });
      const purpose = encodeURIComponent('تماس با شهروند برای هماهنگی بازدید');
      expect((await detailsOf('ABFA', `?purpose=${purpose}`)).status).toBe(200);
      expect(await recordedViews()).toBe(before + 2);

      const listed = await viewsOf(`trackingCode=${code}&viewer=abfa-integration`);
      expect(listed.items).toEqual([
        expect.objectContaining({
          role: 'agency_system',
          agencyCode: 'ABFA',
          reason: 'تماس با شهروند برای هماهنگی بازدید',
          fields: ['fullName', 'mobile', 'description', 'followUpNotes'],
        }),
        expect.objectContaining({
          viewId: res.body.viewId,
          role: 'agency_system',
          agencyCode: 'ABFA',
          reason: expect.stringContaining('رسیدگی به درخواست'),
        }),
      ]);
    });

    it('answers another agency (or a bad purpose) without data and records nothing', async () => {
      const before = await recordedViews();
      const other = await detailsOf('BARGH');
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ code: 'REQUEST_NOT_FOUND' });
      const unknown = await detailsOf('BARGH', '', trackingCodeFromNumber(876_543_210));
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({
        status: other.status,
        code: other.body.code,
      });
      const naming = await detailsOf('BARGH', '?agency=ABFA');
      expect(naming.status).toBe(404);
      const short = await detailsOf('ABFA', '?purpose=abc');
      expect(short.status).toBe(400);
      expect((short.body.errors as Json[]).map((e) => e.field)).toEqual(['purpose']);
      for (const res of [other, unknown, naming, short])
        expect(JSON.stringify(res.body)).not.toContain(zahra.mobile);
      expect(await recordedViews()).toBe(before);
    });
  });

  it('shows an administrator a parked message with its identifiers masked', async () => {
    const key = `poison-${randomUUID()}`;
    const producer = requestTopic.kafka.producer();
    await producer.connect();
    try {
      // Schema-invalid (no envelope), so every consumer parks it as it came.
      await producer.send({
        topic: Topics.requestEvents,
        messages: [
          {
            key,
            value: JSON.stringify({
              data: { citizens: [{ nationalCode: zahra.nationalCode, mobile: zahra.mobile }] },
            }),
          },
        ],
      });
    } finally {
      await producer.disconnect();
    }
    const id = await waitFor(
      'the parked message',
      async () =>
        (
          (await sql.query(`SELECT id FROM reporting.parked_messages WHERE message_key = $1`, [key]))
            .rows[0] as { id: string } | undefined
        )?.id,
      { timeoutMs: 60_000 },
    );
    const shown = await call(
      'reporting',
      'GET',
      `/api/admin/dead-letters/reporting/${id}`,
      await bearer('admin'),
    );
    expect(shown.status).toBe(200);
    expect(JSON.parse(shown.body.value as string)).toEqual({
      data: { citizens: [{ nationalCode: masked.nationalCode, mobile: masked.mobile }] },
    });
  }, 90_000);

  // Declared last and in a describe, so it runs after every view above was recorded.
  describe('the access-audit stream', () => {
    it('never puts the access-audit stream on Kafka', async () => {
      // The request's own events reach the topic; by then the relay has passed every fact recorded above.
      const head = (await raw.readStream(`request-${code}`)).length;
      await waitFor('the request’s events on samad.request-events', async () =>
        requestTopic.messages.filter((m) => m.key === `request-${code}`).length >= head ? true : undefined,
      );
      const lastView = (
        await raw.readStream(PERSONAL_DATA_VIEWS_STREAM, { direction: 'backwards', maxCount: 1 })
      )[0];
      await waitFor('the relay past the last recorded view', async () => {
        const [row]: { commit: string }[] = (
          await sql.query(
            `SELECT "commit"::text FROM event_store.relay_checkpoints WHERE relay_name = 'request-events'`,
          )
        ).rows;
        return row && BigInt(row.commit) >= lastView.position.commit ? true : undefined;
      });
      // This run's views (the topic may hold older runs' messages: it is read from the beginning).
      const views = requestTopic.messages.filter(
        (m) =>
          m.value.includes(code) &&
          (m.key === PERSONAL_DATA_VIEWS_STREAM || m.value.includes('PersonalDataViewed')),
      );
      expect(views).toEqual([]);
      expect(requestTopic.messages.filter((m) => m.key === `request-${code}`)).not.toEqual([]);
    });
  });
});
