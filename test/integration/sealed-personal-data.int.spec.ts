// Issue #9 items 1, 2 and 11: a request with a known national code, name, mobile and Persian texts flows
// through all four services in-process on the real PostgreSQL and Kafka. Every topic, read from the
// beginning, and every log line the services write hold none of those values in clear; read models hold
// them only where a screen shows them. After the citizen is erased nothing anywhere opens any of it, and
// the store's full verification still passes.
import fs from 'node:fs';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Topics, decodeIntegrationEvent, type RequestLifecycleIntegrationEvent } from '@samad/events';
import { createEventStore, silentLogger, type EventStore } from '@samad/event-store';
import { personalDataKeysFromEnv } from '@samad/personal-data';
import { openRequestEvent } from '@samad/request-application';
import { erasedText, toPersianDigits } from '@samad/request-lifecycle';
import { createCitizenKeyVault, createKafka } from '@samad/service-kit';
import { randomNationalCode } from '../../apps/intake/test/intake-test-kit';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { bearer } from '../support/auth';
import { testEnv, waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { consumerGroupCaughtUp, readTopicsToEnd } from '../support/kafka-topic-reader';

const digits = (n: number): string => Array.from({ length: n }, () => randomInt(10)).join('');
const mark = digits(6); // makes every text of this run unique on a shared broker and database

const citizen = {
  nationalCode: randomNationalCode(),
  fullName: `مهسا تهرانی‌نژاد ${toPersianDigits(mark)}`,
  mobile: `0912${digits(7)}`,
};
const texts = {
  description: `همسایه‌ام آقای بهرامی بیمار است و سه روز است آب نداریم، پلاک ${toPersianDigits(mark)}`,
  followUp: `دوباره تماس گرفت؛ فرزندش در بیمارستان بستری است ${toPersianDigits(mark)}`,
  referral: `به واحد فاضلاب: منزل خانم تهرانی‌نژاد ${toPersianDigits(mark)}`,
  answer: `لوله منزل شما در کوچه شهید رجایی ${toPersianDigits(mark)} تعویض شد`,
};
/** Every value that must never be found in clear, in every form it could take. */
const secrets = [
  citizen.nationalCode,
  toPersianDigits(citizen.nationalCode),
  citizen.fullName,
  citizen.mobile,
  citizen.mobile.slice(1), // 9xxxxxxxxx, as in +98 9…
  ...Object.values(texts),
];
const foundIn = (text: string): string[] => secrets.filter((secret) => text.includes(secret));

// Every log line of the services, captured where pino and Nest write them (fd 1 and 2 of this process).
const logs: string[] = [];
const capture = (fd: unknown, data: unknown): void => {
  if (fd === 1 || fd === 2)
    logs.push(typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString());
};

describe('citizens’ data sealed on every topic and in every log (all four services, real PostgreSQL and Kafka)', () => {
  const services: Record<'intake' | 'routing' | 'agency' | 'reporting', InProcessService> = {} as never;
  let raw: EventStore;
  let sql: Client;
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    const { write, writeSync } = fs;
    const spyWrite = jest.spyOn(fs, 'write').mockImplementation(((
      fd: number,
      data: unknown,
      ...rest: never[]
    ) => {
      capture(fd, data);
      return (write as (...args: unknown[]) => void)(fd, data, ...rest);
    }) as typeof fs.write);
    const spyWriteSync = jest.spyOn(fs, 'writeSync').mockImplementation(((
      fd: number,
      data: unknown,
      ...rest: never[]
    ) => {
      capture(fd, data);
      return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    }) as typeof fs.writeSync);
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      const fd = stream === process.stdout ? 1 : 2;
      stream.write = ((chunk: unknown, ...rest: never[]) => {
        capture(fd, chunk);
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => (stream.write = original as typeof stream.write));
    }
    restore.push(
      () => spyWrite.mockRestore(),
      () => spyWriteSync.mockRestore(),
    );

    // The most talkative level: whatever any service would ever log is in `logs`.
    const verbose = { LOG_LEVEL: 'trace' };
    services.intake = await startInProcess('intake', (config) => IntakeModule.register(config), verbose);
    services.routing = await startInProcess('routing', (config) => RoutingModule.register(config), verbose);
    services.agency = await startInProcess('agency', (config) => AgencyModule.register(config), verbose);
    services.reporting = await startInProcess('reporting', (c) => ReportingModule.register(c), verbose);
    raw = createEventStore({ kind: 'postgres', connectionString: testEnv.databaseUrl, logger: silentLogger });
    sql = new Client({ connectionString: testEnv.databaseUrl });
    await sql.connect();
  }, 120000);

  afterAll(async () => {
    for (const service of [services.intake, services.routing, services.agency, services.reporting]) {
      await service?.close();
    }
    await raw?.close();
    await sql?.end();
    for (const undo of restore.reverse()) undo();
  }, 60000);

  const call = async (
    service: keyof typeof services,
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
  ) => requestJson(method, `${services[service].baseUrl}${path}`, { body, headers: auth });

  const inboxItem = async (code: string): Promise<Json | undefined> => {
    const res = await call(
      'agency',
      'GET',
      `/api/agency/inbox?status=all&trackingCode=${code}`,
      await bearer('agency_staff', { agency: 'ABFA' }),
    );
    expect(res.status).toBe(200);
    return (res.body.items as Json[]).find((i) => i.trackingCode === code);
  };
  const waitInInbox = (code: string, ready: (item: Json) => boolean) =>
    waitFor(`${code} in ABFA's inbox`, async () => {
      const item = await inboxItem(code);
      return item && ready(item) ? item : undefined;
    });

  /** Every event is relayed and every service has consumed it, and consuming appended nothing new. */
  const settled = async (): Promise<void> => {
    const kafka = createKafka({ kafkaBrokers: testEnv.kafkaBrokers, kafkaClientId: 'samad-test-sealed' });
    const unrelayed = async (): Promise<number> => {
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM event_store.events e
          WHERE NOT EXISTS (SELECT 1 FROM event_store.relay_checkpoints c
                             WHERE c.relay_name = 'request-events'
                               AND (e.transaction_id::text::bigint, e.global_position) <= (c."commit", c.prepare))`,
      );
      return rows[0].n;
    };
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

  /** Every topic on the broker (but Kafka's own), read from the beginning to its end. */
  const everyTopic = async () => {
    const kafka = createKafka({ kafkaBrokers: testEnv.kafkaBrokers, kafkaClientId: 'samad-test-sealed' });
    const admin = kafka.admin();
    await admin.connect();
    const names = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    await admin.disconnect();
    return readTopicsToEnd(names);
  };

  /** The tables (schema.table) in which any of the values is found in clear. */
  const tablesHoldingSecrets = async (): Promise<string[]> => {
    const { rows: tables } = await sql.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const holding: string[] = [];
    for (const { name } of tables) {
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${name} t
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE strpos(t::text, s) > 0)`,
        [secrets],
      );
      if (rows[0].n > 0) holding.push(name);
    }
    return holding.sort();
  };

  it('keeps them sealed on every topic and out of every log; after erasure nothing opens them and the store verifies', async () => {
    const operator = await bearer('operator');
    // Error answers never repeat what was sent: a broken body and a refused one.
    // Parsers quote the text around a fault ("Unexpected token 'x', "x{…" is not valid JSON").
    for (const body of [
      `x{"citizens":[{"nationalCode":"${citizen.nationalCode}","fullName":"${citizen.fullName}"}]}`,
      `{"citizens":[{"nationalCode":"${citizen.nationalCode}","fullName":"${citizen.fullName}"`,
      `{"description":"${texts.description}" x}`,
    ]) {
      const broken = await fetch(`${services.intake.baseUrl}/api/requests`, {
        method: 'POST',
        headers: { ...operator, 'content-type': 'application/json' },
        body,
      });
      expect(broken.status).toBe(400);
      expect(foundIn(await broken.text())).toEqual([]);
    }
    const refused = await call('intake', 'POST', '/api/requests', operator, {
      channel: 'phone',
      kind: 'complaint',
      collective: false,
      citizens: [{ ...citizen, mobile: `+98${citizen.mobile.slice(1)}x` }],
      countyCode: 'BND',
      categoryCode: 'WAT-CUT',
      description: texts.description,
    });
    expect(refused.status).toBe(400);
    expect(foundIn(JSON.stringify(refused.body))).toEqual([]);

    // A request with every kind of free text: registered, chased, referred inside ABFA, answered.
    const registered = await call('intake', 'POST', '/api/requests', operator, {
      channel: 'phone',
      kind: 'complaint',
      collective: false,
      citizens: [citizen],
      countyCode: 'BND',
      categoryCode: 'WAT-CUT',
      description: texts.description,
    });
    expect(registered.status).toBe(201);
    const code = registered.body.trackingCode as string;
    await waitInInbox(code, () => true);
    const followUp = await call('intake', 'POST', `/api/requests/${code}/follow-ups`, operator, {
      note: texts.followUp,
      channel: 'phone',
    });
    expect(followUp.status).toBeLessThan(300);
    const abfa = await bearer('agency_staff', { agency: 'ABFA' });
    const act = async (action: string, body?: unknown) =>
      (await call('agency', 'POST', `/api/agency/requests/${code}/${action}?agency=ABFA`, abfa, body)).status;
    expect(await act('acknowledge')).toBeLessThan(300);
    expect(await act('refer', { unit: 'امور فاضلاب', note: texts.referral })).toBeLessThan(300);
    expect(await act('answer', { outcome: 'positive', text: texts.answer })).toBeLessThan(300);

    // The agency's screen shows what it needs, opened through the vault: the contact, the texts.
    const item = await waitInInbox(code, (i) => i.status === 'answered');
    expect(item).toMatchObject({
      citizen: { fullName: citizen.fullName, mobile: citizen.mobile },
      description: texts.description,
      answer: { outcome: 'positive', text: texts.answer },
    });
    await settled();

    // Every topic from the beginning: our request's events are there, none of the values in clear.
    const before = await everyTopic();
    const ours = before.filter((m) => m.key === `request-${code}`);
    expect(ours.filter((m) => m.topic === Topics.requestEvents).length).toBeGreaterThanOrEqual(6);
    expect(ours.filter((m) => m.topic === Topics.agency('ABFA')).length).toBeGreaterThanOrEqual(4);
    for (const message of before)
      expect({ topic: message.topic, found: foundIn(message.value) }).toEqual({
        topic: message.topic,
        found: [],
      });
    const registration = ours
      .filter((m) => m.topic === Topics.requestEvents)
      .map((m) => JSON.parse(m.value) as Json)
      .find((m) => m.eventType === 'samad.request.registered');
    expect(registration).toMatchObject({
      eventVersion: 2,
      data: {
        citizens: [{ citizenRef: expect.any(String), sealed: expect.stringMatching(/^pd1\./) }],
        description: {
          citizenRef: expect.any(String),
          citizenIndex: 0,
          sealed: expect.stringMatching(/^pd1\./),
        },
      },
    });

    // Read models hold the values in clear only where a screen shows them (the agency inbox), and the
    // mobile only where an SMS must reach it (intake's notification recipients and, locally, the outbox).
    // (The outbox row appears once the sender has run, so it may or may not be there yet.)
    const holding = await tablesHoldingSecrets();
    expect(holding).toEqual(expect.arrayContaining(['agency.inbox', 'agency.request_details']));
    expect([
      'agency.inbox',
      'agency.request_details',
      'intake.notification_recipients',
      'intake.sms_outbox',
    ]).toEqual(expect.arrayContaining(holding));

    // Erase her.
    const erased = await call('intake', 'POST', '/api/admin/citizens/erase', await bearer('admin'), {
      nationalCode: citizen.nationalCode,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.requestsAffected).toEqual([code]);
    await waitInInbox(code, (i) => i.citizen?.fullName === null && i.description === erasedText);
    await settled();

    // Nothing on any topic opens any more, not even for a service holding the vault.
    const after = await everyTopic();
    for (const message of after)
      expect({ topic: message.topic, found: foundIn(message.value) }).toEqual({
        topic: message.topic,
        found: [],
      });
    const vault = createCitizenKeyVault(testEnv.databaseUrl, 'samad-test-sealed', personalDataKeysFromEnv());
    try {
      const onTopic = after.filter((m) => m.topic === Topics.requestEvents && m.key === `request-${code}`);
      const opened: Json[] = [];
      for (const message of onTopic) {
        const decoded = decodeIntegrationEvent(message.value);
        if (!decoded.ok) throw new Error(decoded.reason);
        opened.push(await openRequestEvent(vault, decoded.event as RequestLifecycleIntegrationEvent));
      }
      expect(opened.map((e) => e.eventType)).toContain('samad.request.personal-data-erased');
      expect(foundIn(JSON.stringify(opened))).toEqual([]);
      expect(opened.find((e) => e.eventType === 'samad.request.registered')?.data).toMatchObject({
        citizens: [{ erased: true, nationalCode: null, fullName: null, mobile: null }],
        description: erasedText,
      });
    } finally {
      await vault.close();
    }

    // No table holds any of it; the auditor's history shows the facts without the words.
    expect(await tablesHoldingSecrets()).toEqual([]);
    const history = await call('reporting', 'GET', `/api/requests/${code}/history`, await bearer('auditor'));
    expect(history.status).toBe(200);
    expect(foundIn(JSON.stringify(history.body))).toEqual([]);
    expect(history.body.events.map((e: Json) => e.type)).toEqual([
      'RequestRegistered',
      'RequestRoutedToAgency',
      'FollowUpRecorded',
      'RequestAcknowledged',
      'RequestReferredInsideAgency',
      'RequestAnswered',
      'PersonalDataErased',
    ]);
    expect(await raw.verifyAll()).toMatchObject({ ok: true });

    // And the services never logged any of it, at the most talkative level.
    const logText = logs.join('');
    expect(logText).toContain('"service":"intake"'); // the capture did see the services' logs
    expect(foundIn(logText)).toEqual([]);
  }, 240000);

  it('parks a message whose sealed data does not verify, and its dead letter names it without its content', async () => {
    const registered = await call('intake', 'POST', '/api/requests', await bearer('operator'), {
      channel: 'desk',
      kind: 'request',
      collective: false,
      citizens: [{ nationalCode: randomNationalCode(), fullName: 'رضا امیری', mobile: `0917${digits(7)}` }],
      countyCode: 'BND',
      categoryCode: 'WAT-CUT',
      description: `درخواست آزمایشی ${toPersianDigits(mark)}`,
    });
    expect(registered.status).toBe(201);
    const code = registered.body.trackingCode as string;
    await waitInInbox(code, () => true);
    await settled();
    const original = (await everyTopic())
      .filter((m) => m.topic === Topics.requestEvents && m.key === `request-${code}`)
      .map((m) => JSON.parse(m.value) as Json)
      .find((m) => m.eventType === 'samad.request.registered');
    const [citizenOnTopic] = original?.data.citizens as { citizenRef: string; sealed: string }[];
    const [version, iv, ct, tag] = citizenOnTopic.sealed.split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 0x01;
    // A new event id, so no consumer takes it for a redelivery of the real registration.
    const tampered = JSON.stringify({
      ...original,
      eventId: randomUUID(),
      data: {
        ...original?.data,
        citizens: [
          { ...citizenOnTopic, sealed: [version, iv, flipped.toString('base64url'), tag].join('.') },
        ],
      },
    });
    const kafka = createKafka({ kafkaBrokers: testEnv.kafkaBrokers, kafkaClientId: 'samad-test-sealed' });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: Topics.requestEvents,
      messages: [{ key: `request-${code}`, value: tampered }],
    });
    await producer.disconnect();

    // The consumers that open it (intake's index, agency's inbox) park it; nothing stalls.
    for (const schema of ['intake', 'agency']) {
      const parked = await waitFor(`the tampered registration parked by ${schema}`, async () => {
        const { rows } = await sql.query<{ id: string; reason: string; error: string }>(
          `SELECT id::text, reason, error FROM ${schema}.parked_messages WHERE event_id = $1`,
          [JSON.parse(tampered).eventId],
        );
        return rows[0];
      });
      expect(parked).toMatchObject({ reason: 'refused', error: expect.stringMatching(/does not verify/) });
      const notice = await waitFor(`its notice on ${Topics.deadLetter}`, async () =>
        (await readTopicsToEnd([Topics.deadLetter]))
          .map((m) => JSON.parse(m.value) as Json)
          .find((m) => m.parkedId === parked.id),
      );
      expect(notice).toMatchObject({
        originalTopic: Topics.requestEvents,
        reason: 'refused',
        payloadBytes: Buffer.byteLength(tampered),
        payloadSha256: createHash('sha256').update(tampered).digest('hex'),
      });
      expect(notice).not.toHaveProperty('payload');
      expect(JSON.stringify(notice)).not.toContain(citizenOnTopic.citizenRef);
    }
    await settled();
  }, 120000);
});
