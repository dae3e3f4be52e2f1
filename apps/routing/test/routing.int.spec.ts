// The routing service in-process against real PostgreSQL and Kafka: requests appended to the store reach
// it through the relay, and it answers with facts in the same streams.
import { Topics } from '@samad/events';
import { dueAfterWorkingDays, formatJalali, trackingCodeFromNumber } from '@samad/request-lifecycle';
import { encodeRecordedRequestEvent, handleRequestCommand } from '@samad/request-application';
import { startInProcess, type InProcessService } from '../../../test/support/in-process-service';
import { bearer } from '../../../test/support/auth';
import { waitFor } from '../../../test/support/environment';
import { allPages, type Json } from '../../../test/support/http';
import { RoutingModule } from '../src/routing.module';
import { RequestFlow } from '../../../test/support/request-flow';

interface QueueItem {
  trackingCode: string;
  reason: string;
  category: { code: string };
  county: { code: string };
}

describe('routing service', () => {
  let flow: RequestFlow;
  let routing: InProcessService;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
  });

  afterAll(async () => {
    await routing?.close();
    await flow?.close();
  });

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${routing.baseUrl}${path}`, { headers: await bearer('supervisor') });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  const routeBySupervisor = async (trackingCode: string, body: object) =>
    fetch(`${routing.baseUrl}/api/routing/requests/${trackingCode}/route`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await bearer('supervisor', { sub: 'supervisor-3' })),
      },
      body: JSON.stringify(body),
    });

  // Due dates in office time: configuration's Thursday and hours, the declared holidays from the database.
  const dueAfter = async (at: string, days: number): Promise<string> =>
    dueAfterWorkingDays(new Date(at), days, {
      ...routing.config.workingCalendar,
      holidays: await flow.holidays(),
    }).toISOString();

  const manualQueue = async () =>
    (await allPages((page) =>
      get<Json>(`/api/routing/manual-queue?pageSize=200&page=${page}`),
    )) as QueueItem[];

  const waitInManualQueue = (trackingCode: string) =>
    waitFor(`${trackingCode} in the manual queue`, async () =>
      (await manualQueue()).find((item) => item.trackingCode === trackingCode),
    );

  const ruleId = async (categoryCode: string, countyCode: string | null): Promise<string> => {
    const { rows } = await flow.sql.query<{ id: number }>(
      'SELECT id FROM routing.rules WHERE category_code = $1 AND county_code IS NOT DISTINCT FROM $2',
      [categoryCode, countyCode],
    );
    return String(rows[0].id);
  };

  const returnAsNotResponsible = (trackingCode: string, agencyCode: string) =>
    handleRequestCommand(
      flow.store,
      {
        type: 'ReturnAsNotResponsible',
        data: { trackingCode, now: new Date(), agencyCode, reason: 'این موضوع در حوزه‌ی ما نیست' },
      },
      { actor: { id: `${agencyCode.toLowerCase()}-staff`, role: 'agency_staff' } },
    );

  describe('rules', () => {
    it('lists the seeded rules with category, county and agency names and the deadline', async () => {
      const { items: rules } = await get<{ items: object[] }>('/api/routing/rules');
      expect(rules).toContainEqual({
        id: Number(await ruleId('MUN-WASTE', 'QSM')),
        category: {
          code: 'MUN-WASTE',
          nameFa: 'جمع‌آوری زباله',
          nameEn: 'Waste collection',
          deadlineDays: 3,
        },
        county: { code: 'QSM', nameFa: 'قشم', nameEn: 'Qeshm' },
        agency: { code: 'QFZ', nameFa: 'سازمان منطقه آزاد قشم', nameEn: 'Qeshm Free Zone Organisation' },
        priority: 10,
      });
      expect(rules).toContainEqual(
        expect.objectContaining({ category: expect.objectContaining({ code: 'WAT-CUT' }), county: null }),
      );
    });

    it('lists the agencies a supervisor can choose from', async () => {
      expect((await get<{ items: object[] }>('/api/routing/agencies')).items).toContainEqual({
        code: 'ABFA',
        nameFa: 'شرکت آب و فاضلاب استان هرمزگان',
        nameEn: 'Provincial Water and Wastewater Company',
      });
    });
  });

  describe('routing by rules', () => {
    it('routes a water outage in Bandar Abbas to the water company, due in 3 working days', async () => {
      const code = await flow.register('WAT-CUT', 'BND');

      const routed = await flow.waitForEvent(code, 'RequestRoutedToAgency');
      const [registered] = await flow.events(code);
      const { at, dueAt, ...route } = routed.data as { at: string; dueAt: string };
      expect(route).toEqual({
        trackingCode: code,
        agencyCode: 'ABFA',
        routedBy: 'rules',
        ruleId: await ruleId('WAT-CUT', null),
      });
      expect(dueAt).toBe(await dueAfter(at, 3));
      expect(routed.metadata).toMatchObject({
        actor: { id: 'routing-rules', role: 'system' },
        causationId: registered.id,
      });
    });

    it("routes waste collection on Qeshm by the county's own rule to the free-zone organisation", async () => {
      const code = await flow.register('MUN-WASTE', 'QSM');

      const routed = await flow.waitForEvent(code, 'RequestRoutedToAgency');
      expect(routed.data).toMatchObject({ agencyCode: 'QFZ', ruleId: await ruleId('MUN-WASTE', 'QSM') });
    });

    it('reroutes a request its agency returned, never back to that agency', async () => {
      const code = await flow.register('MUN-WASTE', 'QSM');
      await flow.waitForEvent(code, 'RequestRoutedToAgency');

      await returnAsNotResponsible(code, 'QFZ');

      const rerouted = await flow.waitForEvent(code, 'RequestRoutedToAgency', 2);
      expect(rerouted.data).toMatchObject({
        agencyCode: 'SHAHRDARI',
        ruleId: await ruleId('MUN-WASTE', null),
      });
    });

    it('hands a request to a supervisor when the only responsible agency returned it', async () => {
      const code = await flow.register('WAT-CUT', 'BND');
      await flow.waitForEvent(code, 'RequestRoutedToAgency');

      await returnAsNotResponsible(code, 'ABFA');

      const waiting = await flow.waitForEvent(code, 'RequestAwaitingManualRouting');
      expect((await flow.events(code)).filter((e) => e.type === 'RequestRoutedToAgency')).toHaveLength(1);
      expect(waiting.data).toMatchObject({
        reason: expect.stringContaining('every responsible agency returned it: ABFA'),
      });
      expect(await waitInManualQueue(code)).toMatchObject({
        category: { code: 'WAT-CUT' },
        county: { code: 'BND' },
      });
    });
  });

  describe('manual routing', () => {
    it('queues a request no rule covers; a supervisor routes it and it leaves the queue', async () => {
      const code = await flow.register('GEN-OTHER', 'MIN');
      const queued = await waitInManualQueue(code);
      expect(queued).toMatchObject({
        category: { code: 'GEN-OTHER', nameEn: 'Other subjects' },
        county: { code: 'MIN', nameEn: 'Minab' },
        reason: expect.stringContaining('(no routing rule for category GEN-OTHER in county MIN)'),
      });

      const res = await routeBySupervisor(code, { agencyCode: 'OSTANDARI' });

      expect(res.status).toBe(200);
      const body = await res.json();
      const routed = await flow.waitForEvent(code, 'RequestRoutedToAgency');
      const { at, dueAt } = routed.data as { at: string; dueAt: string };
      expect(body).toEqual({
        trackingCode: code,
        status: 'routed',
        agencyCode: 'OSTANDARI',
        routedBy: 'supervisor',
        dueAt,
        dueAtJalali: formatJalali(new Date(dueAt)),
      });
      expect(dueAt).toBe(await dueAfter(at, 10));
      expect(routed.metadata.actor).toEqual({ id: 'supervisor-3', role: 'supervisor' });
      await waitFor(`${code} out of the manual queue`, async () =>
        (await manualQueue()).some((item) => item.trackingCode === code) ? undefined : true,
      );
    });

    it('answers a retried manual routing as the first call did', async () => {
      const code = await flow.register('GEN-OTHER', 'JSK');
      await flow.waitForEvent(code, 'RequestAwaitingManualRouting');

      const first = await (await routeBySupervisor(code, { agencyCode: 'OSTANDARI' })).json();
      const retry = await routeBySupervisor(code, { agencyCode: 'OSTANDARI' });

      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual(first);
      expect((await flow.events(code)).filter((e) => e.type === 'RequestRoutedToAgency')).toHaveLength(1);
    });

    it('refuses an unknown agency, naming the field, and changes nothing', async () => {
      const code = await flow.register('GEN-OTHER', 'BND');
      await flow.waitForEvent(code, 'RequestAwaitingManualRouting');
      const before = (await flow.events(code)).length;

      const res = await routeBySupervisor(code, { agencyCode: 'NO-SUCH-AGENCY' });

      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [{ field: 'agencyCode' }] });
      expect(await flow.events(code)).toHaveLength(before);
    });

    it('refuses a malformed tracking code (400) and an unknown request (404)', async () => {
      expect((await routeBySupervisor('12345', { agencyCode: 'ABFA' })).status).toBe(400);
      const unknown = await routeBySupervisor(trackingCodeFromNumber(1), { agencyCode: 'ABFA' });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'REQUEST_NOT_FOUND' });
    });

    it('refuses routing a request an agency already holds (409)', async () => {
      const code = await flow.register('WAT-CUT', 'MIN');
      await flow.waitForEvent(code, 'RequestRoutedToAgency');

      const res = await routeBySupervisor(code, { agencyCode: 'OSTANDARI' });

      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: 'REQUEST_ALREADY_ROUTED' });
    });
  });

  describe('redelivery', () => {
    const redeliver = async (event: Parameters<typeof encodeRecordedRequestEvent>[0]) => {
      const producer = flow.kafka.producer();
      await producer.connect();
      try {
        const [sent] = await producer.send({
          topic: Topics.requestEvents,
          messages: [{ key: event.streamId, value: encodeRecordedRequestEvent(event) }],
        });
        return sent;
      } finally {
        await producer.disconnect();
      }
    };

    const committedOffset = async (partition: number): Promise<bigint> => {
      const admin = flow.kafka.admin();
      await admin.connect();
      try {
        const [topic] = await admin.fetchOffsets({
          groupId: 'samad-routing',
          topics: [Topics.requestEvents],
        });
        return BigInt(topic.partitions.find((p) => p.partition === partition)?.offset ?? '-1');
      } finally {
        await admin.disconnect();
      }
    };

    it('appends nothing when Kafka delivers a registration again', async () => {
      const code = await flow.register('WAT-LEAK', 'BND');
      await flow.waitForEvent(code, 'RequestRoutedToAgency');
      const before = await flow.events(code);

      const sent = await redeliver(before[0]);
      await waitFor('routing to consume the redelivered message', async () =>
        (await committedOffset(sent.partition)) > BigInt(sent.baseOffset ?? '0') ? true : undefined,
      );

      expect(await flow.events(code)).toEqual(before);
    });

    it('appends nothing even when the record of having processed it was lost', async () => {
      const code = await flow.register('PWR-CUT', 'BND');
      await flow.waitForEvent(code, 'RequestRoutedToAgency');
      const before = await flow.events(code);
      // As if routing crashed after appending the route but before committing its processed-event record.
      await flow.sql.query('DELETE FROM routing.processed_events WHERE event_id = $1', [before[0].id]);

      await redeliver(before[0]);
      await waitFor('routing to process the registration again', async () => {
        const { rowCount } = await flow.sql.query(
          'SELECT 1 FROM routing.processed_events WHERE event_id = $1',
          [before[0].id],
        );
        return rowCount === 1 ? true : undefined;
      });

      expect(await flow.events(code)).toEqual(before);
    });
  });
});
