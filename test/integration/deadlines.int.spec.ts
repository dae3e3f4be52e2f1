// The deadline watcher and the supervisor's due time, against real PostgreSQL and Kafka: routing (two
// replicas), agency (its topic relay) and reporting in-process; facts read back from the event store.
import { DataSource } from 'typeorm';
import { Topics, validateIntegrationEvent } from '@samad/events';
import type { EventStore, RecordedEvent } from '@samad/event-store';
import { handleRequestCommand } from '@samad/request-application';
import { DEFAULT_OFFICE_HOURS, trackingCodeFromNumber } from '@samad/request-lifecycle';
import { EVENT_STORE } from '@samad/service-kit';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json, allPages } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KafkaTopicReader } from '../support/kafka-topic-reader';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { DeadlineWatcher } from '../../apps/routing/src/deadlines/deadline-watcher';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { citizen, RequestFlow } from '../support/request-flow';

const DEADLINE_FACTS = ['DeadlineApproaching', 'DeadlineMissed', 'RequestEscalated'];
const countOf = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type).length;

describe('deadlines', () => {
  let flow: RequestFlow;

  beforeAll(async () => {
    flow = await RequestFlow.start();
  });

  afterAll(async () => {
    await flow?.close();
  });

  const routed = async (): Promise<string> => {
    const code = await flow.register('WAT-CUT', 'BND');
    await flow.waitForEvent(code, 'RequestRoutedToAgency');
    return code;
  };

  /** Waits until routing's consumer has put the request's current deadline on the watcher's list. */
  const watched = (code: string, revision: number) =>
    waitFor(`${code} on the deadline watcher's list`, async () => {
      const { rows } = await flow.sql.query<{ check_at: Date; stream_revision: string }>(
        'SELECT check_at, stream_revision FROM routing.open_deadlines WHERE tracking_code = $1',
        [code],
      );
      return rows[0] && Number(rows[0].stream_revision) >= revision ? rows[0] : undefined;
    });

  describe('with two routing replicas watching', () => {
    let routingA: InProcessService;
    let routingB: InProcessService;
    let agency: InProcessService;
    let reporting: InProcessService;
    let abfaTopic: KafkaTopicReader;

    beforeAll(async () => {
      const env = { DEADLINE_WATCH_INTERVAL_MS: '1000', ESCALATION_INSPECTION_WORKING_DAYS: '2' };
      routingA = await startInProcess('routing', (config) => RoutingModule.register(config), env);
      routingB = await startInProcess('routing', (config) => RoutingModule.register(config), env);
      agency = await startInProcess('agency', (config) => AgencyModule.register(config));
      reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
      abfaTopic = await new KafkaTopicReader(Topics.agency('ABFA')).start();
    });

    afterAll(async () => {
      await abfaTopic?.stop();
      await reporting?.close();
      await agency?.close();
      await routingB?.close();
      await routingA?.close();
    });

    const setDueTime = async (code: string, body: object, role: 'supervisor' | 'operator' = 'supervisor') =>
      requestJson('POST', `${routingA.baseUrl}/api/routing/requests/${code}/due-time`, {
        body,
        headers: await bearer(role, { sub: 'supervisor-4' }),
      });

    const report = async (path: string): Promise<Json> => {
      const res = await requestJson('GET', `${reporting.baseUrl}${path}`, {
        headers: await bearer('supervisor'),
      });
      expect(res.status).toBe(200);
      return res.body;
    };

    it('a due time one minute ahead: approaching and missed once each, then an escalation, reported and on the topic', async () => {
      const code = await routed();
      const dueAt = new Date(Date.now() + 60_000).toISOString();
      const set = await setDueTime(code, { dueAt, reason: 'قطعی آب بیمارستان میناب؛ فوری' });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({
        trackingCode: code,
        agencyCode: 'ABFA',
        dueAt,
        dueAtJalali: expect.stringMatching(/۱۴[۰-۹]{2}/),
      });

      await waitFor(
        'the escalation after the missed deadline',
        async () => ((await flow.events(code)).some((e) => e.type === 'RequestEscalated') ? true : undefined),
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      // After the escalation the watcher's next look is level 2, working days away: nothing more is owed now.
      const row = await waitFor('the watcher to schedule level 2', async () => {
        const next = await watched(code, 0);
        return next.check_at.getTime() > Date.now() + 86_400_000 ? next : undefined;
      });
      expect(row).toBeDefined();

      const events = await flow.events(code);
      const types = events.map((e) => e.type);
      expect(types.slice(types.indexOf('DueTimeSet'))).toEqual(['DueTimeSet', ...DEADLINE_FACTS]);
      for (const type of DEADLINE_FACTS) expect(countOf(events, type)).toBe(1);
      const [approaching, missed, escalated] = DEADLINE_FACTS.map((type) =>
        events.find((e) => e.type === type)!,
      );
      expect(approaching.data).toMatchObject({ dueAt, agencyCode: 'ABFA' });
      expect(new Date((approaching.data as Json).at).getTime()).toBeLessThan(Date.parse(dueAt));
      expect(new Date((missed.data as Json).at).getTime()).toBeGreaterThanOrEqual(Date.parse(dueAt));
      expect(escalated.data).toMatchObject({ level: 1, dueAt });
      expect(missed.metadata.actor).toEqual({ id: 'deadline-watcher', role: 'system' });

      // The history shows the facts in Jalali, the supervisor's reason included.
      const history = await report(`/api/requests/${code}/history`);
      const shown = history.events.filter((e: Json) => ['DueTimeSet', ...DEADLINE_FACTS].includes(e.type));
      expect(shown.map((e: Json) => e.type)).toEqual(['DueTimeSet', ...DEADLINE_FACTS]);
      for (const entry of shown) expect(entry.occurredAtJalali).toMatch(/۱۴[۰-۹]{2}/);
      expect(shown[0].data.reason).toBe('قطعی آب بیمارستان میناب؛ فوری');

      const overdue = await waitFor('the overdue report to list it escalated', async () => {
        const found = (
          await allPages((page) => report(`/api/reports/overdue?agency=ABFA&pageSize=200&page=${page}`))
        ).find((r: Json) => r.trackingCode === code);
        return found?.escalationLevel === 1 ? found : undefined;
      });
      expect(overdue).toMatchObject({ dueAt, escalationLevel: 1 });
      const escalations = await allPages((page) =>
        report(`/api/reports/escalations?agency=ABFA&pageSize=200&page=${page}`),
      );
      expect(escalations).toContainEqual(
        expect.objectContaining({ trackingCode: code, level: 1, escalatedTo: 'agency_manager', dueAt }),
      );
      const summary = await report('/api/reports/summary');
      expect(summary.byAgency.find((a: Json) => a.agencyCode === 'ABFA').escalated).toBeGreaterThanOrEqual(1);

      const changes = await waitFor('the deadline facts on the agency topic', async () => {
        const mine = abfaTopic.messages
          .map((m) => JSON.parse(m.value) as Json)
          .filter((m) => m.data.trackingCode === code && m.eventType === 'samad.agency.request-updated');
        return mine.length >= 4 ? mine : undefined;
      });
      for (const message of changes) expect(validateIntegrationEvent(message).ok).toBe(true);
      expect(changes.map((m) => m.data.change)).toEqual([
        'due_time_set',
        'deadline_approaching',
        'deadline_missed',
        'escalated',
      ]);
      expect(changes[3].data).toMatchObject({ escalationLevel: 1, dueAt, status: 'routed' });
      expect(JSON.stringify(changes)).not.toContain('بیمارستان');
    }, 180_000);

    describe('closing by hand', () => {
      let intake: InProcessService;

      beforeAll(async () => {
        intake = await startInProcess('intake', (config) => IntakeModule.register(config));
      });

      afterAll(async () => {
        await intake?.close();
      });

      const close = async (code: string, body: object) =>
        requestJson('POST', `${routingB.baseUrl}/api/routing/requests/${code}/close`, {
          body,
          headers: await bearer('supervisor', { sub: 'supervisor-4' }),
        });
      const track = async (code: string) =>
        (
          await requestJson(
            'GET',
            `${intake.baseUrl}/api/track/${code}?mobileLast4=${citizen.mobile.slice(-4)}`,
          )
        ).body;

      it("closes a duplicate, which the citizen's lookup shows with the original's code, and stops its clock", async () => {
        const original = await routed();
        const duplicate = await routed();
        const res = await close(duplicate, {
          reason: 'duplicate',
          duplicateOf: original,
          note: 'ثبت دوباره',
        });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          trackingCode: duplicate,
          status: 'closed',
          reason: 'duplicate',
          duplicateOf: original,
          closedAt: expect.any(String),
          closedAtJalali: expect.stringMatching(/۱۴[۰-۹]{2}/),
        });
        const tracked = await track(duplicate);
        expect(tracked).toMatchObject({
          status: 'closed',
          closure: { reason: 'duplicate', duplicateOf: original },
        });
        expect(JSON.stringify(tracked)).not.toContain('ثبت دوباره');
        // Its deadline no longer runs: a due time cannot be set on it.
        const set = await setDueTime(duplicate, {
          dueAt: new Date(Date.now() + 3_600_000).toISOString(),
          reason: 'فوری است',
        });
        expect(set.status).toBe(409);
      });

      it('closes a request the citizen withdrew; refuses an unknown original, and closing as answered by hand', async () => {
        const code = await routed();
        // The code the other suites use for "no such request" too.
        const nobody = trackingCodeFromNumber(1);
        const unknownOriginal = await close(code, { reason: 'duplicate', duplicateOf: nobody });
        expect(unknownOriginal.status).toBe(400);
        expect(unknownOriginal.body.errors).toEqual([expect.objectContaining({ field: 'duplicateOf' })]);
        const answered = await close(code, { reason: 'answered' });
        expect(answered.status).toBe(400);
        expect(answered.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

        const withdrawn = await close(code, { reason: 'withdrawn' });
        expect(withdrawn.status).toBe(200);
        expect(await track(code)).toMatchObject({ status: 'closed', closure: { reason: 'withdrawn' } });
        expect((await close(code, { reason: 'withdrawn' })).status).toBe(200); // a retried call
        expect((await close(code, { reason: 'duplicate', duplicateOf: code })).status).toBe(409);
      });
    });

    it('refuses a due time in the past, without a reason, or from an operator', async () => {
      const code = await routed();
      const past = await setDueTime(code, {
        dueAt: new Date(Date.now() - 1000).toISOString(),
        reason: 'فوری است',
      });
      expect(past.status).toBe(400);
      expect(past.body.code).toBe('DUE_DATE_NOT_IN_FUTURE');
      const noReason = await setDueTime(code, { dueAt: new Date(Date.now() + 3_600_000).toISOString() });
      expect(noReason.status).toBe(400);
      expect(new Set(noReason.body.errors.map((e: Json) => e.field))).toEqual(new Set(['reason']));
      const operator = await setDueTime(
        code,
        { dueAt: new Date(Date.now() + 3_600_000).toISOString(), reason: 'فوری است' },
        'operator',
      );
      expect(operator.status).toBe(403);
    });
  });

  describe('replicas racing, and a restart after the moment', () => {
    let routing: InProcessService;
    let store: EventStore;
    let dataSource: DataSource;

    beforeAll(async () => {
      // The service's own watcher looks only once a minute: the test runs the passes itself.
      routing = await startInProcess('routing', (config) => RoutingModule.register(config), {
        DEADLINE_WATCH_INTERVAL_MS: '60000',
      });
      store = routing.app.get(EVENT_STORE);
      dataSource = routing.app.get(DataSource);
    });

    afterAll(async () => {
      await routing?.close();
    });

    const supervisor = { actor: { id: 'supervisor-4', role: 'supervisor' as const } };
    const replicas = () =>
      [1, 2, 3].map(
        () =>
          new DeadlineWatcher(store, dataSource, {
            inspectionAfterWorkingDays: 2,
            workingCalendar: { thursday: 'working', officeHours: DEFAULT_OFFICE_HOURS },
          }),
      );

    it('appends each fact once when the moment passed while no watcher ran and three replicas start at once', async () => {
      const code = await routed();
      const dueAt = new Date(Date.now() + 1500);
      const outcome = await handleRequestCommand(
        flow.store,
        {
          type: 'SetDueTime',
          data: { trackingCode: code, now: new Date(), dueAt, reason: 'فوری', setBy: 'supervisor-4' },
        },
        supervisor,
      );
      await watched(code, Number(outcome.revision));
      await waitFor('the due moment to pass', async () =>
        Date.now() > dueAt.getTime() + 100 ? true : undefined,
      );

      // Earlier tests' requests share the table (a pass claims 100 due rows each): pass until this one's turn.
      await waitFor('the deadline facts', async () => {
        await Promise.all(replicas().map((watcher) => watcher.runOnce()));
        const events = await flow.events(code);
        return DEADLINE_FACTS.every((type) => countOf(events, type) > 0) ? true : undefined;
      });
      // Another round finds nothing more owed.
      await Promise.all(replicas().map((watcher) => watcher.runOnce()));

      const events = await flow.events(code);
      for (const type of DEADLINE_FACTS) expect(countOf(events, type)).toBe(1);
      const { rows } = await flow.sql.query(
        'SELECT check_at FROM routing.open_deadlines WHERE tracking_code = $1',
        [code],
      );
      expect(rows[0].check_at.getTime()).toBeGreaterThan(Date.now() + 86_400_000);

      // Level 2 once the working days have passed, once, whoever gets there.
      const later = new Date(rows[0].check_at.getTime() + 1000);
      const levelTwo = (events: Json[]) =>
        events.some((e) => e.type === 'RequestEscalated' && (e.data as Json).level === 2);
      // Every open request of the shared database is due by then too: pass until this one's turn has come.
      await waitFor('level 2', async () => {
        await Promise.all(replicas().map((watcher) => watcher.runOnce(later)));
        return levelTwo(await flow.events(code)) ? true : undefined;
      });
      const after = await flow.events(code);
      expect(after.filter((e) => e.type === 'RequestEscalated').map((e) => (e.data as Json).level)).toEqual([
        1, 2,
      ]);
      const { rows: left } = await flow.sql.query(
        'SELECT 1 FROM routing.open_deadlines WHERE tracking_code = $1',
        [code],
      );
      expect(left).toEqual([]);
    }, 60_000);

    it('two raw commands for the same fact at once append it once (expected revision, then the decider)', async () => {
      const code = await routed();
      const dueAt = new Date(Date.now() + 500);
      await handleRequestCommand(
        flow.store,
        {
          type: 'SetDueTime',
          data: { trackingCode: code, now: new Date(), dueAt, reason: 'فوری', setBy: 'supervisor-4' },
        },
        supervisor,
      );
      await waitFor('the due moment to pass', async () => (Date.now() > dueAt.getTime() ? true : undefined));
      const missed = () =>
        handleRequestCommand(
          store,
          { type: 'RecordDeadlineMissed', data: { trackingCode: code, dueAt, now: new Date() } },
          { actor: { id: 'deadline-watcher', role: 'system' } },
        );
      const outcomes = await Promise.all([missed(), missed()]);
      expect(outcomes.map((o) => o.appended.length).sort()).toEqual([0, 2]);
      expect(countOf(await flow.events(code), 'DeadlineMissed')).toBe(1);
    });

    it('an answer stops the clock: the watcher appends nothing and forgets the deadline', async () => {
      const code = await routed();
      const dueAt = new Date(Date.now() + 1000);
      const set = await handleRequestCommand(
        flow.store,
        {
          type: 'SetDueTime',
          data: { trackingCode: code, now: new Date(), dueAt, reason: 'فوری', setBy: 'supervisor-4' },
        },
        supervisor,
      );
      await watched(code, Number(set.revision));
      await handleRequestCommand(
        flow.store,
        {
          type: 'Answer',
          data: {
            trackingCode: code,
            now: new Date(),
            agencyCode: 'ABFA',
            outcome: 'positive',
            text: 'وصل شد',
          },
        },
        { actor: { id: 'abfa-staff', role: 'agency_staff' } },
      );
      await waitFor('the due moment to pass', async () => (Date.now() > dueAt.getTime() ? true : undefined));
      // Pass until this request's turn has come (earlier tests' due rows share the table): it is forgotten.
      await waitFor('the answered request off the list', async () => {
        await Promise.all(replicas().map((watcher) => watcher.runOnce()));
        const { rows } = await flow.sql.query(
          'SELECT 1 FROM routing.open_deadlines WHERE tracking_code = $1',
          [code],
        );
        return rows.length === 0 ? true : undefined;
      });
      const events = await flow.events(code);
      for (const type of DEADLINE_FACTS) expect(countOf(events, type)).toBe(0);
      const { rows } = await flow.sql.query('SELECT 1 FROM routing.open_deadlines WHERE tracking_code = $1', [
        code,
      ]);
      expect(rows).toEqual([]);
    });
  });
});
