// Citizens' SMS notices on the real PostgreSQL and Kafka: intake (with routing and agency for an answer)
// in-process, its HTTP gateway pointed at a local stand-in that speaks Kavenegar's REST API.
import { Kafka, logLevel } from 'kafkajs';
import { IntegrationEventTypes, Topics } from '@samad/events';
import { requestStreamName } from '@samad/request-lifecycle';
import { JsonLogger } from '@samad/service-kit';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { bearer } from '../support/auth';
import { testEnv } from '../support/environment';
import type { Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { KavenegarStandIn } from '../support/kavenegar-stand-in';
import { consumerGroupCaughtUp, readTopicToEnd } from '../support/kafka-topic-reader';
import { OutboxSmsGateway } from '../../apps/intake/src/notifications/outbox.sms-gateway';
import { recordCitizenNotices } from '../../apps/intake/src/notifications/notification.store';
import {
  citizen,
  register,
  registrationBody,
  startIntake,
  waitFor,
  type IntakeUnderTest,
} from '../../apps/intake/test/intake-test-kit';

const API_KEY = 'stand-in-api-key';
const SENDER = '10004346';
const TRACK_URL = 'https://samad.example.ir/track/{code}';

describe('citizen notifications (real PostgreSQL and Kafka, a Kavenegar stand-in)', () => {
  const gateway = new KavenegarStandIn();
  const kafka = new Kafka({
    clientId: 'samad-test-notifications',
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  let intake: IntakeUnderTest;
  let routing: InProcessService;
  let agency: InProcessService;

  // Every line the services log goes through JsonLogger (call-through spies: the logs still go out).
  const logSpies = (['log', 'warn', 'error', 'debug', 'verbose'] as const).map((level) =>
    jest.spyOn(JsonLogger.prototype, level),
  );

  beforeAll(async () => {
    const baseUrl = await gateway.start();
    intake = await startIntake({
      KAVENEGAR_API_KEY: API_KEY,
      KAVENEGAR_BASE_URL: baseUrl,
      KAVENEGAR_SENDER: SENDER,
      SMS_TIMEOUT_MS: '2000',
      NOTIFY_TRACK_URL: TRACK_URL,
      NOTIFY_POLL_MS: '50',
      NOTIFY_RETRY_INITIAL_MS: '50',
      NOTIFY_RETRY_MAX_MS: '200',
    });
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
  }, 120000);

  afterAll(async () => {
    await agency?.close();
    await routing?.close();
    await intake?.close();
    await gateway.stop();
    for (const spy of logSpies) spy.mockRestore();
  }, 60000);

  /** The notices of one request, as an administrator reads them. */
  const notices = async (trackingCode: string): Promise<Json[]> => {
    const res = await fetch(`${intake.baseUrl}/api/admin/notifications?trackingCode=${trackingCode}`, {
      headers: await bearer('admin'),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Json[] }).items;
  };
  const noticeOf = async (trackingCode: string, kind: string, status: string): Promise<Json> =>
    waitFor(`${kind} notice of ${trackingCode} ${status}`, async () =>
      (await notices(trackingCode)).find((n) => n.kind === kind && n.status === status),
    );

  // Water cuts in Bandar Abbas go to ABFA.
  const registerFor = async (...citizens: ReturnType<typeof citizen>[]): Promise<string> =>
    (
      await register(
        intake.baseUrl,
        registrationBody({
          citizens,
          collective: citizens.length > 1,
          countyCode: 'BND',
          categoryCode: 'WAT-CUT',
        }),
      )
    ).trackingCode;

  it('texts the tracking code once at registration, through the Kavenegar API', async () => {
    const zahra = citizen();
    const code = await registerFor(zahra);

    const sent = await noticeOf(code, 'registered', 'sent');
    expect(sent).toMatchObject({
      recipient: `*******${zahra.mobile.slice(-4)}`,
      gateway: 'kavenegar',
      attempts: 1,
      lastError: null,
    });
    expect(gateway.sentTo(zahra.mobile)).toEqual([
      {
        apiKey: API_KEY,
        receptor: zahra.mobile,
        message: sent.message,
        sender: SENDER,
        localid: sent.id,
        answered: 200,
      },
    ]);
    expect(sent.message).toContain(`کد پیگیری: ${code}`);
    expect(sent.message).toContain(TRACK_URL.replace('{code}', code));
    expect(await notices(code)).toHaveLength(1);
  });

  it('texts every signatory of a collective request, each mobile once', async () => {
    const [ali, reza] = [citizen(), citizen()];
    const code = await registerFor(ali, reza, { ...citizen(), mobile: ali.mobile });

    await waitFor('both signatories texted', async () =>
      (await notices(code)).filter((n) => n.status === 'sent').length === 2 ? true : undefined,
    );
    expect(await notices(code)).toHaveLength(2);
    expect(gateway.acceptedFor(ali.mobile)).toHaveLength(1);
    expect(gateway.acceptedFor(reza.mobile)).toHaveLength(1);
  });

  it('sends nothing twice when the registration is delivered again, even past the processed-event record', async () => {
    const sara = citizen();
    const code = await registerFor(sara);
    await noticeOf(code, 'registered', 'sent');

    const stream = requestStreamName(code);
    const original = await waitFor('the registration on the topic', async () =>
      (await readTopicToEnd(Topics.requestEvents)).find(
        (m) =>
          m.key === stream &&
          (JSON.parse(m.value) as Json).eventType === IntegrationEventTypes.requestRegistered,
      ),
    );
    const eventId = (JSON.parse(original.value) as Json).eventId as string;
    const producer = kafka.producer();
    await producer.connect();
    try {
      // Once as a plain redelivery, once with intake's record of it gone (only the notice key is left).
      await producer.send({
        topic: Topics.requestEvents,
        messages: [{ key: original.key, value: original.value, partition: original.partition }],
      });
      await waitFor('intake consumed the redelivery', () => caughtUp());
      await intake.dataSource.query(
        `DELETE FROM intake.processed_events WHERE consumer = 'samad-intake' AND event_id = $1`,
        [eventId],
      );
      await producer.send({
        topic: Topics.requestEvents,
        messages: [{ key: original.key, value: original.value, partition: original.partition }],
      });
      await waitFor('intake consumed it again', async () =>
        (await caughtUp()) && (await processed(eventId)) ? true : undefined,
      );
    } finally {
      await producer.disconnect();
    }

    expect(await notices(code)).toEqual([
      expect.objectContaining({ kind: 'registered', status: 'sent', attempts: 1 }),
    ]);
    expect(gateway.sentTo(sara.mobile)).toHaveLength(1);
  });

  it('retries a gateway error (5xx) with backoff and sends once', async () => {
    const maryam = citizen();
    gateway.script(maryam.mobile, [503, 502]);
    const code = await registerFor(maryam);

    const sent = await noticeOf(code, 'registered', 'sent');
    expect(sent.attempts).toBe(3);
    expect(gateway.sentTo(maryam.mobile).map((s) => [s.answered, s.localid])).toEqual([
      [503, sent.id],
      [502, sent.id],
      [200, sent.id],
    ]);
  });

  it('parks a notice the gateway refuses for good (4xx) after one attempt', async () => {
    const hassan = citizen();
    gateway.script(hassan.mobile, [411]);
    const code = await registerFor(hassan);

    const parked = await noticeOf(code, 'registered', 'parked');
    expect(parked).toMatchObject({ attempts: 1, lastError: 'kavenegar status 411', gateway: null });
    expect(gateway.sentTo(hassan.mobile)).toHaveLength(1);
  });

  it('registers (201) while the gateway is down, and texts once it is back', async () => {
    const leila = citizen();
    gateway.down(leila.mobile);
    const code = await registerFor(leila); // register() fails the test unless it answers 201

    await waitFor('a few failed attempts', async () =>
      (await notices(code)).find((n) => n.status === 'pending' && n.attempts >= 2),
    );
    expect((await notices(code))[0].lastError).toMatch(/^kavenegar (unreachable|timeout)/);
    gateway.up(leila.mobile);

    await noticeOf(code, 'registered', 'sent');
    expect(gateway.acceptedFor(leila.mobile)).toHaveLength(1);
  });

  it('texts the answer with how to see it, rate it or object', async () => {
    const nahid = citizen();
    const code = await registerFor(nahid);
    const abfa = await bearer('agency_staff', { agency: 'ABFA' });
    const command = async (action: string, body?: unknown): Promise<number> =>
      (
        await fetch(`${agency.baseUrl}/api/agency/requests/${code}/${action}`, {
          method: 'POST',
          headers: { ...abfa, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).status;
    await waitFor('in ABFA’s inbox', async () => ((await command('acknowledge')) < 300 ? true : undefined));
    expect(
      await command('answer', { outcome: 'positive', text: 'لوله اصلی تعمیر شد و آب وصل است.' }),
    ).toBeLessThan(300);

    const answered = await noticeOf(code, 'answered', 'sent');
    expect(answered.message).toContain(code);
    expect(answered.message).toContain('امتیاز یا اعتراض');
    expect(answered.message).toContain(TRACK_URL.replace('{code}', code));
    expect(answered.message).toContain('۱۱۱');
    expect(answered.message).not.toContain('لوله'); // the answer's text stays in the lookup
    expect(gateway.acceptedFor(nahid.mobile).map((s) => s.message)).toEqual([
      expect.stringContaining('کد پیگیری'),
      answered.message,
    ]);
  });

  it('on erasure, cancels what is pending and keeps the mobile nowhere', async () => {
    const parisa = citizen();
    const first = await registerFor(parisa);
    await noticeOf(first, 'registered', 'sent');
    gateway.down(parisa.mobile);
    const second = await registerFor(parisa);
    await waitFor('a failed attempt', async () => (await notices(second)).find((n) => n.attempts >= 1));

    const erased = await fetch(`${intake.baseUrl}/api/admin/citizens/erase`, {
      method: 'POST',
      headers: { ...(await bearer('admin')), 'content-type': 'application/json' },
      body: JSON.stringify({ nationalCode: parisa.nationalCode }),
    });
    expect(erased.status).toBe(200);

    const cancelled = await noticeOf(second, 'registered', 'cancelled');
    expect(cancelled).toMatchObject({ recipient: null });
    await waitFor('the first request forgets her too', async () =>
      (await notices(first))[0].recipient === null ? true : undefined,
    );
    expect(await notices(first)).toEqual([expect.objectContaining({ status: 'sent', recipient: null })]);
    const [{ n }] = (await intake.dataSource.query(
      `SELECT count(*)::int AS n FROM intake.notification_recipients WHERE mobile = $1`,
      [parisa.mobile],
    )) as { n: number }[];
    expect(n).toBe(0);
    gateway.up(parisa.mobile);
    expect(gateway.acceptedFor(parisa.mobile)).toHaveLength(1);
  });

  it('the local outbox keeps a sent text until the citizen is erased', async () => {
    // The adapter `npm start` uses without an API key, against a notice of a real registration.
    const omid = citizen();
    gateway.down(omid.mobile); // the HTTP gateway never sends it; the outbox does
    const code = await registerFor(omid);
    const [notice] = await waitFor('the notice', async () => {
      const found = await notices(code);
      return found.length > 0 ? found : undefined;
    });
    const outbox = new OutboxSmsGateway(intake.dataSource);
    const result = await outbox.send({
      reference: notice.id,
      receptor: omid.mobile,
      message: notice.message,
    });
    expect(result).toMatchObject({ ok: true, messageId: expect.stringMatching(/^outbox-\d+$/) });
    const inOutbox = async (): Promise<unknown[]> =>
      intake.dataSource.query(`SELECT receptor, message FROM intake.sms_outbox WHERE notification_id = $1`, [
        notice.id,
      ]);
    expect(await inOutbox()).toEqual([{ receptor: omid.mobile, message: notice.message }]);

    await intake.dataSource.transaction((manager) =>
      recordCitizenNotices(
        manager,
        {
          eventId: '00000000-0000-4000-8000-000000000001',
          eventType: IntegrationEventTypes.requestPersonalDataErased,
          eventVersion: 1,
          streamId: requestStreamName(code),
          streamRevision: 99,
          occurredAt: new Date().toISOString(),
          data: { trackingCode: code, citizenIndex: 0, at: new Date().toISOString() },
        } as never,
        { trackUrl: TRACK_URL },
      ),
    );
    expect(await inOutbox()).toEqual([]);
    expect((await notices(code))[0]).toMatchObject({ status: 'cancelled', recipient: null });
    gateway.up(omid.mobile);
  });

  it('logs no mobile and no text of any SMS sent above', () => {
    const logged = logSpies.flatMap((spy) => spy.mock.calls).map((args) => JSON.stringify(args));
    expect(logged.some((line) => line.includes('notification'))).toBe(true); // the retries above were logged
    expect(gateway.received.length).toBeGreaterThan(10);
    for (const sms of gateway.received) {
      for (const line of logged) {
        expect(line).not.toContain(sms.receptor.slice(1)); // 9xxxxxxxxx, with or without the 0 or +98
        for (const part of sms.message.split('\n')) expect(line).not.toContain(part);
      }
    }
  });

  const caughtUp = async (): Promise<true | undefined> =>
    (await consumerGroupCaughtUp(kafka, 'samad-intake', Topics.requestEvents)) ? true : undefined;
  const processed = async (eventId: string): Promise<boolean> =>
    (
      (await intake.dataSource.query(
        `SELECT 1 FROM intake.processed_events WHERE consumer = 'samad-intake' AND event_id = $1`,
        [eventId],
      )) as unknown[]
    ).length === 1;
});
