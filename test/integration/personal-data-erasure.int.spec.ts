// Erasing a citizen, end to end through all four services in-process on the real PostgreSQL and Kafka:
// the key is destroyed, every stream still verifies, the personal fields read as erased in history,
// inbox, search and topics produced afterwards, and every other fact (and every count) survives.
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { Topics, validateIntegrationEvent } from '@samad/events';
import { createEventStore, silentLogger, type EventStore } from '@samad/event-store';
import { erasedText, toPersianDigits } from '@samad/request-lifecycle';
import { randomNationalCode } from '../../apps/intake/test/intake-test-kit';
import { createCitizenKeyVault, createKafka, createProtectedEventStore } from '@samad/service-kit';
import { personalDataKeysFromEnv } from '@samad/personal-data';
import { encodeRecordedRequestEvent } from '@samad/request-application';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { bearer } from '../support/auth';
import { testEnv, waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { readAllOnce } from '../support/read-all';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { consumerGroupCaughtUp, KafkaTopicReader } from '../support/kafka-topic-reader';

/** How supervisors, auditors and admins see an identifier: all but the last four digits hidden. */
const masked = (value: string): string => '*'.repeat(value.length - 4) + value.slice(-4);
const digits = (n: number): string => Array.from({ length: n }, () => randomInt(10)).join('');

// Typed the way an operator would (Persian digits, Arabic letters); stored normalised.
const zahra = { nationalCode: randomNationalCode(), fullName: 'زهرا كريمي', mobile: `0917${digits(7)}` };
const zahraStored = { ...zahra, fullName: 'زهرا کریمی' };
const ali = { nationalCode: randomNationalCode(), fullName: 'علی رئیسی', mobile: `0935${digits(7)}` };

/** Every way Zahra's personal data could show up in a JSON answer or message. */
const zahraTraces = [
  zahra.nationalCode,
  toPersianDigits(zahra.nationalCode),
  zahraStored.fullName,
  zahra.fullName,
  zahra.mobile,
  zahra.mobile.slice(1), // 9xxxxxxxxx, as in +98 9…
];
const expectNoTraceOfZahra = (value: unknown): void => {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  for (const trace of zahraTraces) expect(text).not.toContain(trace);
};

describe('erasing a citizen’s personal data (all four services, real PostgreSQL and Kafka)', () => {
  const services: Record<'intake' | 'routing' | 'agency' | 'reporting', InProcessService> = {} as never;
  const topics: Record<string, KafkaTopicReader> = {};
  let raw: EventStore;
  let sql: Client;

  beforeAll(async () => {
    services.intake = await startInProcess('intake', (config) => IntakeModule.register(config));
    services.routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    services.agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    services.reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
    for (const agency of ['ABFA', 'QFZ', 'SHAHRDARI', 'BARGH']) {
      topics[agency] = await new KafkaTopicReader(Topics.agency(agency)).start();
    }
    topics.requests = await new KafkaTopicReader(Topics.requestEvents).start();
    raw = createEventStore({ kind: 'postgres', connectionString: testEnv.databaseUrl, logger: silentLogger });
    sql = new Client({ connectionString: testEnv.databaseUrl });
    await sql.connect();
  }, 120000);

  afterAll(async () => {
    for (const reader of Object.values(topics)) await reader.stop();
    for (const service of [services.intake, services.routing, services.agency, services.reporting]) {
      await service?.close();
    }
    await raw?.close();
    await sql?.end();
  }, 60000);

  const call = async (
    service: keyof typeof services,
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
  ) => {
    const { status, body: json } = await requestJson(method, `${services[service].baseUrl}${path}`, {
      body,
      headers: auth,
    });
    return { status, body: json }; // tests compare status and body as a whole
  };

  const register = async (categoryCode: string, countyCode: string, citizens: object[]): Promise<string> => {
    const res = await call('intake', 'POST', '/api/requests', await bearer('operator'), {
      channel: 'phone',
      kind: 'complaint',
      collective: citizens.length > 1,
      citizens,
      countyCode,
      categoryCode,
      description: 'آب محله از دیروز قطع است',
    });
    expect(res.status).toBe(201);
    return res.body.trackingCode as string;
  };

  const inboxItem = async (agency: string, code: string): Promise<Json | undefined> => {
    const res = await call(
      'agency',
      'GET',
      `/api/agency/inbox?status=all&trackingCode=${code}`,
      await bearer('agency_staff', { agency }),
    );
    expect(res.status).toBe(200);
    return (res.body.items as Json[]).find((i) => i.trackingCode === code);
  };
  const waitInInbox = (agency: string, code: string, ready: (item: Json) => boolean = () => true) =>
    waitFor(`${code} in ${agency}'s inbox`, async () => {
      const item = await inboxItem(agency, code);
      return item && ready(item) ? item : undefined;
    });

  const search = async (by: 'nationalCode' | 'mobile', value: string): Promise<string[]> => {
    const res = await call('intake', 'POST', '/api/requests/search', await bearer('operator'), {
      [by]: value,
    });
    expect(res.status).toBe(200);
    return (res.body.items as Json[]).map((i) => i.trackingCode as string).sort();
  };

  const history = async (code: string): Promise<Json> => {
    const res = await call('reporting', 'GET', `/api/requests/${code}/history`, await bearer('auditor'));
    expect(res.status).toBe(200);
    return res.body;
  };

  /** An auditor's reveal of a request's identifiers, with a stated reason (recorded). */
  const reveal = async (code: string): Promise<Json> => {
    const res = await call(
      'reporting',
      'POST',
      `/api/requests/${code}/personal-data/reveal`,
      await bearer('auditor'),
      { reason: 'بررسی پرونده پیش و پس از حذف داده‌ها' },
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  /** The summary without its clock (`asOf`), so two snapshots compare by their counts alone. */
  const summary = async (): Promise<Json> => {
    const res = await call('reporting', 'GET', '/api/reports/summary', await bearer('supervisor'));
    expect(res.status).toBe(200);
    const { asOf: _asOf, asOfJalali: _asOfJalali, ...counts } = res.body;
    return counts;
  };

  /** Events in the store the relay has not yet published. */
  const unrelayed = async (): Promise<number> => {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM event_store.events e
        WHERE NOT EXISTS (SELECT 1 FROM event_store.relay_checkpoints c
                           WHERE c.relay_name = 'request-events'
                             AND (e.transaction_id::text::bigint, e.global_position) <= (c."commit", c.prepare))`,
    );
    return rows[0].n;
  };

  /**
   * Everything in the store is on the request topic and every service's consumer has handled it, and
   * handling it appended nothing new (routing reacts by appending): the system is at rest.
   */
  const settled = async (): Promise<void> => {
    const kafka = createKafka({ kafkaBrokers: testEnv.kafkaBrokers, kafkaClientId: 'samad-test-erasure' });
    await waitFor(
      'every event relayed and consumed',
      async () => {
        if ((await unrelayed()) > 0) return undefined;
        for (const group of ['samad-intake', 'samad-routing', 'samad-agency', 'samad-reporting']) {
          if (!(await consumerGroupCaughtUp(kafka, group, Topics.requestEvents))) return undefined;
        }
        return (await unrelayed()) === 0 ? true : undefined;
      },
      { timeoutMs: 60000 },
    );
  };

  it('erases one citizen everywhere and keeps every other fact, count and hash chain', async () => {
    // Two requests of Zahra's, one of Ali's, and a collective one they both signed (Ali first).
    const mine = await register('WAT-CUT', 'BND', [zahra]); // → ABFA, answered below
    const mineToo = await register('MUN-WASTE', 'QSM', [zahra]); // → QFZ, returned after the erasure
    const his = await register('WAT-CUT', 'BND', [ali]); // → ABFA
    const ours = await register('PWR-CUT', 'JSK', [ali, zahra]); // → BARGH, contact: Ali

    await waitInInbox('ABFA', mine);
    await waitInInbox('QFZ', mineToo);
    await waitInInbox('ABFA', his);
    await waitInInbox('BARGH', ours);
    const abfa = await bearer('agency_staff', { agency: 'ABFA' });
    expect(
      (await call('agency', 'POST', `/api/agency/requests/${mine}/acknowledge?agency=ABFA`, abfa)).status,
    ).toBeLessThan(300);
    const answer = 'لوله اصلی تعمیر شد و آب وصل است.';
    const answered = await call('agency', 'POST', `/api/agency/requests/${mine}/answer?agency=ABFA`, abfa, {
      outcome: 'positive',
      text: answer,
    });
    expect(answered.status).toBeLessThan(300);
    await waitInInbox('ABFA', mine, (item) => item.status === 'answered');

    // Before: Zahra is findable, her contact is in the inbox, her history names her.
    // Intake's search index is its own consumer: it may trail the agency inbox by a moment.
    const zahrasRequests = [mine, mineToo, ours].sort();
    await waitFor('Zahra findable in intake', async () =>
      (await search('nationalCode', zahra.nationalCode)).length === 3 ? true : undefined,
    );
    expect(await search('nationalCode', zahra.nationalCode)).toEqual(zahrasRequests);
    expect(await search('mobile', zahra.mobile)).toEqual([mine, mineToo, ours].sort());
    expect((await inboxItem('ABFA', mine))?.citizen).toEqual({
      fullName: zahraStored.fullName,
      mobile: zahra.mobile,
    });
    // Her history names her with her identifiers masked; an auditor's reveal (with a reason) shows them.
    const historyBefore = JSON.stringify(await history(mine));
    expect(historyBefore).toContain(zahraStored.fullName);
    expect(historyBefore).toContain(masked(zahra.nationalCode));
    expect(historyBefore).not.toContain(zahra.nationalCode);
    expect(JSON.stringify(await reveal(mine))).toContain(zahra.nationalCode);
    // The caller search finds her by keyed digests alone: no national code or mobile in clear.
    const indexed = await sql.query(
      `SELECT * FROM intake.request_index JOIN intake.request_citizens USING (tracking_code)
        WHERE tracking_code = ANY($1::text[])`,
      [[mine, mineToo, ours]],
    );
    expect(indexed.rows).toHaveLength(4);
    expectNoTraceOfZahra(indexed.rows);
    await waitFor('the answer counted', async () =>
      (await summary()).byStatus?.answered >= 1 ? true : undefined,
    );
    await settled();
    const before = await summary();

    // Only an administrator may erase.
    const refused = await call('intake', 'POST', '/api/admin/citizens/erase', await bearer('operator'), {
      nationalCode: zahra.nationalCode,
    });
    expect(refused.status).toBe(403);

    const erased = await call('intake', 'POST', '/api/admin/citizens/erase', await bearer('admin'), {
      nationalCode: toPersianDigits(zahra.nationalCode),
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({
      erased: true,
      erasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      citizenRefs: [expect.stringMatching(/^[0-9a-f-]{36}$/)],
      requestsAffected: [mine, mineToo, ours].sort(),
    });

    // Erasing again is fine: nothing is known under that national code any more.
    const again = await call('intake', 'POST', '/api/admin/citizens/erase', await bearer('admin'), {
      nationalCode: zahra.nationalCode,
    });
    expect(again).toEqual({
      status: 200,
      body: { erased: false, erasedAt: null, citizenRefs: [], requestsAffected: [] },
    });

    // History (the auditor's view straight from the store): no trace of her, every other fact intact.
    for (const code of [mine, mineToo, ours]) {
      const h = await history(code);
      expectNoTraceOfZahra(h);
      expect(h.verification).toEqual({ ok: true, eventsChecked: h.events.length });
      const erasure = h.events.at(-1);
      expect(erasure).toMatchObject({ type: 'PersonalDataErased', actor: { role: 'admin' } });
      expectNoTraceOfZahra(await reveal(code));
    }
    expect((await reveal(mine)).citizens).toEqual([
      { index: 0, erased: true, nationalCode: null, mobile: null },
    ]);
    // The agency's details API reads the store too: no contact left to give.
    const details = await call('agency', 'GET', `/api/agency/requests/${mine}/details`, abfa);
    expect(details.status).toBe(200);
    expect(details.body.citizen).toEqual({ fullName: null, mobile: null });
    expectNoTraceOfZahra(details.body);
    const mineHistory = await history(mine);
    expect(mineHistory.events.map((e: Json) => e.type)).toEqual([
      'RequestRegistered',
      'RequestRoutedToAgency',
      'RequestAcknowledged',
      'RequestAnswered',
      'PersonalDataErased',
    ]);
    expect(mineHistory.events[0].data).toMatchObject({
      categoryCode: 'WAT-CUT',
      countyCode: 'BND',
      kind: 'complaint',
      channel: 'phone',
      // Zahra gave the text (she is its representative): it goes with her key (ADR 19).
      description: erasedText,
      registeredAt: expect.any(String),
      citizens: [{ erased: true, nationalCode: null, fullName: null, mobile: null }],
    });
    expect(mineHistory.events[3].data).toMatchObject({ outcome: 'positive', text: erasedText });
    expect(JSON.stringify(mineHistory)).not.toContain(answer);
    // Ali represents the collective request: its text stays, only Zahra's identity goes.
    expect((await history(ours)).events[0].data.description).toBe('آب محله از دیروز قطع است');
    const oursHistory = await history(ours);
    expect(oursHistory.events[0].data.citizens).toEqual([
      { ...ali, nationalCode: masked(ali.nationalCode), mobile: masked(ali.mobile) },
      { erased: true, nationalCode: null, fullName: null, mobile: null },
    ]);

    // The raw store: the same events, sealed; every stream's hash chain still verifies.
    expect(await raw.verifyAll()).toMatchObject({ ok: true });
    for (const code of [mine, mineToo, ours]) expectNoTraceOfZahra(await raw.readStream(`request-${code}`));

    // Read models forget too: search finds nothing by her code or mobile; Ali is still found.
    await waitFor('Zahra gone from the caller search', async () =>
      (await search('nationalCode', zahra.nationalCode)).length === 0 ? true : undefined,
    );
    expect(await search('mobile', zahra.mobile)).toEqual([]);
    expect(await search('nationalCode', ali.nationalCode)).toEqual([his, ours].sort());

    // The agency inbox keeps the request without her contact; other contacts untouched.
    const mineInInbox = await waitInInbox('ABFA', mine, (item) => item.citizen?.fullName === null);
    expect(mineInInbox).toMatchObject({
      status: 'answered',
      category: { code: 'WAT-CUT' },
      county: { code: 'BND' },
    });
    expectNoTraceOfZahra(mineInInbox);
    expect(mineInInbox.description).toBe(erasedText);
    expect(JSON.stringify(mineInInbox)).not.toContain(answer);
    expect((await waitInInbox('QFZ', mineToo, (item) => item.citizen?.fullName === null)).status).toBe(
      'routed',
    );
    expect((await inboxItem('ABFA', his))?.citizen).toEqual({ fullName: ali.fullName, mobile: ali.mobile });
    expect((await inboxItem('BARGH', ours))?.citizen).toEqual({ fullName: ali.fullName, mobile: ali.mobile });

    // Agencies that had her contact are told to drop it.
    for (const [agency, code] of [
      ['ABFA', mine],
      ['QFZ', mineToo],
      ['BARGH', ours],
    ] as const) {
      const notice = await waitFor(`the erasure notice on ${agency}'s topic`, async () =>
        topics[agency].messages
          .map((m) => JSON.parse(m.value) as Json)
          .find((m) => m.data.trackingCode === code && m.data.change === 'personal_data_erased'),
      );
      expect(validateIntegrationEvent(notice)).toMatchObject({ ok: true });
    }

    // The citizen's status lookup can no longer be proven with her (erased) mobile: intended, erasure is final.
    const tracked = await fetch(
      `${services.intake.baseUrl}/api/track/${mine}?mobileLast4=${zahra.mobile.slice(-4)}`,
    );
    expect(tracked.status).toBe(404);
    const hisTracked = await fetch(
      `${services.intake.baseUrl}/api/track/${his}?mobileLast4=${ali.mobile.slice(-4)}`,
    );
    expect(hisTracked.status).toBe(200);

    // Statistics are untouched: with every consumer past the erasure (the notices above prove the relay
    // published all three facts), the summary counts the same.
    await settled();
    expect(await summary()).toEqual(before);
    const overdue = await call(
      'reporting',
      'GET',
      '/api/reports/overdue?pageSize=200',
      await bearer('supervisor'),
    );
    expect(overdue.status).toBe(200);
    expectNoTraceOfZahra([before, overdue.body]); // reports never held personal data in the first place

    // A new event afterwards: QFZ returns her request, routing sends it on to the municipality, whose
    // own topic gets the assignment without any contact data.
    const qfz = await bearer('agency_staff', { agency: 'QFZ' });
    const returned = await call('agency', 'POST', `/api/agency/requests/${mineToo}/return?agency=QFZ`, qfz, {
      reason: 'این محله در محدوده منطقه آزاد نیست',
    });
    expect(returned.status).toBeLessThan(300);
    const assigned = await waitFor('the assignment on the municipality’s topic', async () =>
      topics.SHAHRDARI.messages
        .map((m) => JSON.parse(m.value) as Json)
        .find((m) => m.data.trackingCode === mineToo && m.eventType === 'samad.agency.request-assigned'),
    );
    expect(validateIntegrationEvent(assigned)).toMatchObject({ ok: true });
    expect(assigned.data).toMatchObject({ categoryCode: 'MUN-WASTE', countyCode: 'QSM', citizenCount: 1 });
    expectNoTraceOfZahra(assigned);
    const municipal = await waitInInbox('SHAHRDARI', mineToo);
    expect(municipal.citizen).toEqual({ fullName: null, mobile: null });
    expect(await raw.verifyAll()).toMatchObject({ ok: true });

    // Everything the relay put on the request topic since the erasure is free of her data and valid.
    await waitFor('the re-routing on the request topic', async () =>
      topics.requests.messages.find(
        (m) =>
          m.key === `request-${mineToo}` && m.value.includes('samad.request.returned-as-not-responsible'),
      ),
    );
    const since = topics.requests.messages
      // The topic is shared: another test's poison message (not JSON) may sit on it.
      .flatMap((m) => parsedOrNothing(m.value))
      .filter((m) => m.recordedAt >= erased.body.erasedAt);
    expect(since.filter((m) => m.eventType === 'samad.request.personal-data-erased')).toHaveLength(3);
    for (const message of since) {
      expectNoTraceOfZahra(message);
      expect(validateIntegrationEvent(message)).toMatchObject({ ok: true });
    }

    // And a replay of the whole store (as a new relay or a read-model rebuild reads it) publishes her
    // registrations as erased, through the very encoder the relay uses.
    const replaying = createProtectedEventStore(
      { kind: 'postgres', connectionString: testEnv.databaseUrl },
      'samad-test-replay',
      createCitizenKeyVault(testEnv.databaseUrl, 'samad-test-replay', personalDataKeysFromEnv()),
    );
    try {
      const theirs = (
        await Promise.all([mine, mineToo, ours].map((code) => replaying.readStream(`request-${code}`)))
      ).flat();
      const all = await readAllOnce(replaying, 'their events in $all', (read) =>
        theirs.every((event) => read.some((e) => e.id === event.id)),
      );
      const replayed = all
        .filter((e) => [mine, mineToo, ours].some((code) => e.streamId === `request-${code}`))
        .map((e) => JSON.parse(encodeRecordedRequestEvent(e)) as Json);
      expect(replayed.filter((m) => m.eventType === 'samad.request.registered')).toHaveLength(3);
      for (const message of replayed) {
        expectNoTraceOfZahra(message);
        expect(validateIntegrationEvent(message)).toMatchObject({ ok: true });
      }
    } finally {
      await replaying.close();
    }
  }, 180000);

  it('erases a citizen who filed online without a national code by the mobile, and only them (ADR 39)', async () => {
    // Sara filed online by mobile alone; the same mobile is also on a phone registration with a code.
    const mobile = `0916${digits(7)}`;
    const sara = { fullName: 'سارا احمدی', mobile };
    const reza = { nationalCode: randomNationalCode(), fullName: 'رضا احمدی', mobile };
    const operator = await bearer('operator');
    const online = await call('intake', 'POST', '/api/requests', operator, {
      channel: 'web',
      kind: 'request',
      collective: false,
      citizens: [sara],
      countyCode: 'BND',
      categoryCode: 'WAT-CUT',
      description: 'فشار آب در طبقه سوم کم است',
    });
    expect(online.status).toBe(201);
    const onlineCode = online.body.trackingCode as string;
    // At the desk and on the phone a national code is still required.
    const byPhone = await call('intake', 'POST', '/api/requests', operator, {
      channel: 'phone',
      kind: 'request',
      collective: false,
      citizens: [sara],
      countyCode: 'BND',
      categoryCode: 'WAT-CUT',
      description: 'فشار آب در طبقه سوم کم است',
    });
    expect(byPhone.status).toBe(400);
    expect(JSON.stringify(byPhone.body)).toContain('citizens[0].nationalCode');
    const hisCode = await register('MUN-WASTE', 'QSM', [reza]);

    const pending = new Set([onlineCode, hisCode]);
    await waitFor('both found by the mobile', async () => {
      const found = await search('mobile', mobile);
      return [...pending].every((c) => found.includes(c)) ? true : undefined;
    });
    expect((await reveal(onlineCode)).citizens).toEqual([
      { index: 0, erased: false, nationalCode: null, mobile },
    ]);
    await waitInInbox('ABFA', onlineCode);
    expect((await inboxItem('ABFA', onlineCode))?.citizen).toEqual(sara);

    const erased = await call('intake', 'POST', '/api/admin/citizens/erase', await bearer('admin'), {
      mobile: toPersianDigits(mobile),
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ erased: true, requestsAffected: [onlineCode] });
    const again = await call('intake', 'POST', '/api/admin/citizens/erase', await bearer('admin'), {
      mobile,
    });
    expect(again.body).toMatchObject({ erased: false, requestsAffected: [] });
    for (const body of [{}, { mobile, nationalCode: reza.nationalCode }]) {
      const refused = await call('intake', 'POST', '/api/admin/citizens/erase', await bearer('admin'), body);
      expect(refused.status).toBe(400);
    }

    // Sara is gone everywhere; Reza, who shares the mobile but has a national code, is untouched.
    const h = await history(onlineCode);
    expect(h.verification).toEqual({ ok: true, eventsChecked: h.events.length });
    expect(h.events[0].data.citizens).toEqual([
      { erased: true, nationalCode: null, fullName: null, mobile: null },
    ]);
    expect(JSON.stringify(h)).not.toContain(sara.fullName);
    expect((await reveal(onlineCode)).citizens).toEqual([
      { index: 0, erased: true, nationalCode: null, mobile: null },
    ]);
    await waitFor('Sara gone from the caller search', async () => {
      const found = await search('mobile', mobile);
      return !found.includes(onlineCode) && found.includes(hisCode) ? true : undefined;
    });
    expect(await search('nationalCode', reza.nationalCode)).toEqual([hisCode]);
    expect(
      (await waitInInbox('ABFA', onlineCode, (item) => item.citizen?.fullName === null)).citizen,
    ).toEqual({ fullName: null, mobile: null });
    expect((await reveal(hisCode)).citizens).toEqual([
      { index: 0, erased: false, nationalCode: reza.nationalCode, mobile },
    ]);
    expect(await raw.verifyAll()).toMatchObject({ ok: true });
  }, 120000);
});

function parsedOrNothing(value: string): Json[] {
  try {
    return [JSON.parse(value) as Json];
  } catch {
    return [];
  }
}
