// The agency service in-process next to routing, against real PostgreSQL and Kafka: requests registered
// in the store are routed, land in the right inbox and topic, and are handled over HTTP.
import { Topics, validateIntegrationEvent } from '@samad/events';
import { formatJalali, trackingCodeFromNumber } from '@samad/request-lifecycle';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json, allPages } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KafkaTopicReader } from '../support/kafka-topic-reader';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { citizen, RequestFlow } from '../support/request-flow';

describe('agency service', () => {
  let flow: RequestFlow;
  let routing: InProcessService;
  let agency: InProcessService;
  let abfaTopic: KafkaTopicReader;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    abfaTopic = await new KafkaTopicReader(Topics.agency('ABFA')).start();
  });

  afterAll(async () => {
    await abfaTopic?.stop();
    await agency?.close();
    await routing?.close();
    await flow?.close();
  });

  const call = async (
    service: InProcessService,
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
  ) => {
    const { status, body: json } = await requestJson(method, `${service.baseUrl}${path}`, {
      body,
      headers: auth,
    });
    return { status, body: json }; // tests compare status and body as a whole
  };

  /** A staff member of the agency; the token names the agency, the query repeats it (allowed when equal). */
  const staffOf = (agencyCode: string) => bearer('agency_staff', { agency: agencyCode, sub: 'staff-12' });

  const act = async (agencyCode: string, code: string, action: string, body?: object) =>
    call(
      agency,
      'POST',
      `/api/agency/requests/${code}/${action}?agency=${agencyCode}`,
      await staffOf(agencyCode),
      body,
    );

  const inbox = async (agencyCode: string, status = 'open', only?: string): Promise<Json[]> => {
    const filter = only ? `&trackingCode=${only}` : '';
    const res = await call(
      agency,
      'GET',
      `/api/agency/inbox?status=${status}${filter}&pageSize=200`,
      await staffOf(agencyCode),
    );
    expect(res.status).toBe(200);
    return res.body.items;
  };

  // By tracking code: the shared test database may hold more inbox rows than one page.
  const itemIn = async (agencyCode: string, code: string, status = 'open') =>
    (await inbox(agencyCode, status, code)).find((item) => item.trackingCode === code);

  /** Waits until the request's row in the agency's inbox satisfies `ready`. */
  const waitForItem = (agencyCode: string, code: string, ready: (item: Json) => boolean = () => true) =>
    waitFor(`${code} in ${agencyCode}'s inbox`, async () => {
      const item = await itemIn(agencyCode, code, 'all');
      return item && ready(item) ? item : undefined;
    });

  const waitUntilGone = (agencyCode: string, code: string) =>
    waitFor(`${code} gone from ${agencyCode}'s inbox`, async () =>
      (await itemIn(agencyCode, code, 'all')) ? undefined : true,
    );

  describe('inbox', () => {
    it("shows a routed request in its agency's inbox with the citizen's contact, and in no other", async () => {
      const code = await flow.register('WAT-CUT', 'BND');

      const item = await waitForItem('ABFA', code);
      const routed = await flow.waitForEvent(code, 'RequestRoutedToAgency');
      const { dueAt, at } = routed.data as { dueAt: string; at: string };
      expect(item).toEqual({
        trackingCode: code,
        status: 'routed',
        priority: 'normal',
        kind: 'complaint',
        channel: 'phone',
        collective: false,
        category: { code: 'WAT-CUT', nameFa: 'قطعی آب', nameEn: 'Water outage' },
        county: { code: 'BND', nameFa: 'بندرعباس', nameEn: 'Bandar Abbas' },
        description: 'سه روز است که در محله‌ی ما مشکل برطرف نشده',
        citizen: { fullName: citizen.fullName, mobile: citizen.mobile },
        citizenCount: 1,
        dueAt,
        dueAtJalali: formatJalali(new Date(dueAt)),
        matterId: null,
        overdue: false,
        routedAt: at,
        directives: [],
      });
      expect(JSON.stringify(await inbox('ABFA', 'all'))).not.toContain(citizen.nationalCode);
      expect(await itemIn('BARGH', code, 'all')).toBeUndefined();
    });

    it('refuses an unknown agency or filter, naming the field', async () => {
      const supervisor = await bearer('supervisor');
      const unknownAgency = await call(agency, 'GET', '/api/agency/inbox?agency=NOPE', supervisor);
      expect(unknownAgency.status).toBe(400);
      expect(unknownAgency.body.errors).toEqual([expect.objectContaining({ field: 'agency' })]);
      const unknownFilter = await call(
        agency,
        'GET',
        '/api/agency/inbox?agency=ABFA&status=late',
        supervisor,
      );
      expect(unknownFilter.status).toBe(400);
      expect(unknownFilter.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
      const notACode = await call(
        agency,
        'GET',
        '/api/agency/inbox?agency=ABFA&trackingCode=12ab',
        supervisor,
      );
      expect(notACode.status).toBe(400);
      expect(notACode.body.errors).toEqual([expect.objectContaining({ field: 'trackingCode' })]);
    });
  });

  describe("agency's own topic", () => {
    it('receives the assignment in the published envelope, without any personal data or text', async () => {
      const code = await flow.register('WAT-LEAK', 'MIN');
      const routed = await flow.waitForEvent(code, 'RequestRoutedToAgency');

      const message = await waitFor(`${code} on ${Topics.agency('ABFA')}`, async () =>
        abfaTopic.messages.find((m) => m.key === `request-${code}`),
      );

      const envelope = JSON.parse(message.value);
      expect(validateIntegrationEvent(envelope)).toMatchObject({ ok: true });
      expect(envelope).toMatchObject({
        eventId: routed.id,
        eventType: 'samad.agency.request-assigned',
        streamId: `request-${code}`,
        streamRevision: 1,
        data: {
          trackingCode: code,
          agencyCode: 'ABFA',
          categoryCode: 'WAT-LEAK',
          citizenCount: 1,
        },
      });
      for (const value of [citizen.nationalCode, citizen.fullName, citizen.mobile, 'محله‌ی ما']) {
        expect(message.value).not.toContain(value);
      }
    });
  });

  describe('handling a request', () => {
    it('acknowledges, refers inside the agency and answers, and the inbox follows', async () => {
      const code = await flow.register('WAT-SEWER', 'BND');
      await waitForItem('ABFA', code);

      expect(await act('ABFA', code, 'acknowledge')).toEqual({
        status: 200,
        body: { trackingCode: code, status: 'acknowledged' },
      });
      await waitForItem('ABFA', code, (item) => item.status === 'acknowledged' && !!item.acknowledgedAt);

      const referred = await act('ABFA', code, 'refer', {
        unit: 'امور فاضلاب منطقه ۲',
        toStaff: 'مهندس احمدی',
      });
      expect(referred.body.status).toBe('referred');
      await waitForItem('ABFA', code, (item) => item.referredTo === 'امور فاضلاب منطقه ۲ / مهندس احمدی');

      const text = 'لوله‌ی فاضلاب تعویض شد و مشکل برطرف است.';
      expect((await act('ABFA', code, 'answer', { outcome: 'positive', text })).body.status).toBe('answered');

      const answered = await waitForItem('ABFA', code, (item) => item.status === 'answered');
      expect(answered.answer).toMatchObject({ outcome: 'positive', text });
      expect(await itemIn('ABFA', code, 'open')).toBeUndefined();
      expect(await itemIn('ABFA', code, 'answered')).toMatchObject({ trackingCode: code });
      const [, , acknowledged] = await flow.events(code);
      expect(acknowledged.metadata.actor).toEqual({ id: 'staff-12', role: 'agency_staff' });
    });

    it("answers another agency's request exactly as an unknown one: 404", async () => {
      const code = await flow.register('WAT-BILL', 'BND');
      await waitForItem('ABFA', code);
      const before = await flow.events(code);

      const foreign = await act('BARGH', code, 'acknowledge');
      const unknownCode = trackingCodeFromNumber(1);
      const unknown = await act('BARGH', unknownCode, 'acknowledge');

      expect(foreign.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(foreign.body.code).toBe('REQUEST_NOT_FOUND');
      expect(unknown.body.code).toBe('REQUEST_NOT_FOUND');
      expect(Object.keys(foreign.body).sort()).toEqual(Object.keys(unknown.body).sort());
      expect(await flow.events(code)).toEqual(before);
    });

    it('refuses bad input with 400 and changes nothing', async () => {
      const code = await flow.register('WAT-CUT', 'RDN');
      await waitForItem('ABFA', code);
      const before = await flow.events(code);

      const badCode = await act('ABFA', '12345', 'acknowledge');
      expect(badCode.status).toBe(400);
      expect(badCode.body.errors).toEqual([expect.objectContaining({ field: 'trackingCode' })]);
      const unknownAgency = await call(
        agency,
        'POST',
        `/api/agency/requests/${code}/acknowledge?agency=NOPE`,
        await staffOf('ABFA'),
      );
      expect(unknownAgency.status).toBe(400);
      const emptyAnswer = await act('ABFA', code, 'answer', { outcome: 'positive', text: '' });
      expect(emptyAnswer.status).toBe(400);
      expect(emptyAnswer.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
      const blankAnswer = await act('ABFA', code, 'answer', { outcome: 'positive', text: '   ' });
      expect(blankAnswer.status).toBe(400);
      const badOutcome = await act('ABFA', code, 'answer', { outcome: 'maybe', text: 'پاسخ' });
      expect(badOutcome.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
      const nowhere = await act('ABFA', code, 'refer', { note: 'بدون واحد' });
      expect(nowhere.status).toBe(400);

      expect(await flow.events(code)).toEqual(before);
    });
  });

  describe('returning a request', () => {
    it('leaves the inbox and reaches the next responsible agency', async () => {
      const code = await flow.register('MUN-WASTE', 'QSM');
      await waitForItem('QFZ', code);

      const returned = await act('QFZ', code, 'return', { reason: 'این محله در محدوده‌ی منطقه‌ی آزاد نیست' });

      expect(returned).toEqual({ status: 200, body: { trackingCode: code, status: 'returned' } });
      await waitForItem('SHAHRDARI', code);
      await waitUntilGone('QFZ', code);
    });

    it('goes to the manual queue when the only responsible agency returns it', async () => {
      const code = await flow.register('WAT-CUT', 'HJB');
      await waitForItem('ABFA', code);

      expect((await act('ABFA', code, 'return', { reason: 'انشعاب غیرمجاز است' })).status).toBe(200);

      await waitUntilGone('ABFA', code);
      const queued = await waitFor(`${code} in the manual queue`, async () => {
        const queue = await allPages(async (page) => {
          const { body } = await call(
            routing,
            'GET',
            `/api/routing/manual-queue?pageSize=200&page=${page}`,
            await bearer('supervisor'),
          );
          return body;
        });
        return queue.find((item) => item.trackingCode === code);
      });
      expect(queued.reason).toContain('every responsible agency returned it: ABFA');
    });
  });
});
