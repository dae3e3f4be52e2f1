import { Client } from 'pg';
import type { Kafka } from 'kafkajs';
import { Topics } from '@samad/events';
import { KafkaRelay, silentLogger, type EventStore, type RecordedEvent } from '@samad/event-store';
import { requestStreamName, trackingCodeFromNumber, type RequestEventType } from '@samad/request-lifecycle';
import { createCitizenKeyVault, createKafka, createProtectedEventStore } from '@samad/service-kit';
import { personalDataKeysFromEnv, storedFormOf } from '@samad/personal-data';
import { encodeRecordedRequestEvent, handleRequestCommand } from '@samad/request-application';
import { testEnv, waitFor } from './environment';

export const citizen = { nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' };

/**
 * What the rest of Samad would do around the service under test: requests appended to the real event
 * store (as intake does) and relayed to Kafka by a real relay, plus SQL and Kafka access to look around.
 */
export class RequestFlow {
  private constructor(
    readonly store: EventStore,
    readonly kafka: Kafka,
    readonly sql: Client,
    private readonly relay: KafkaRelay,
  ) {}

  static async start(): Promise<RequestFlow> {
    // The same sealing store the services use, so registered citizens are stored as in production.
    const store = createProtectedEventStore(
      { kind: 'postgres', connectionString: testEnv.databaseUrl },
      'samad-test-flow',
      createCitizenKeyVault(testEnv.databaseUrl, 'samad-test-flow', personalDataKeysFromEnv()),
    );
    const kafka = createKafka({ kafkaBrokers: testEnv.kafkaBrokers, kafkaClientId: 'samad-test-flow' });
    const sql = new Client({ connectionString: testEnv.databaseUrl });
    await sql.connect();
    // A relay of its own: each test database is fresh, so it publishes the store from the start. Like the
    // services' relay it reads the store as kept, so the topic carries personal data sealed.
    const relay = new KafkaRelay({
      name: `test-flow-${process.pid}-${Date.now()}`,
      store: storedFormOf(store),
      databaseUrl: testEnv.databaseUrl,
      kafka,
      topic: Topics.requestEvents,
      encode: encodeRecordedRequestEvent,
      logger: silentLogger,
    });
    relay.start();
    return new RequestFlow(store, kafka, sql, relay);
  }

  async close(): Promise<void> {
    await this.relay.stop();
    await this.store.close();
    await this.sql.end();
  }

  /** Registers a request as an operator at the 111 centre would; returns its tracking code. */
  async register(categoryCode: string, countyCode: string): Promise<string> {
    const trackingCode = trackingCodeFromNumber(100_000_000 + Math.floor(Math.random() * 800_000_000));
    await handleRequestCommand(
      this.store,
      {
        type: 'RegisterRequest',
        data: {
          trackingCode,
          now: new Date(),
          kind: 'complaint',
          channel: 'phone',
          collective: false,
          citizens: [citizen],
          countyCode,
          categoryCode,
          description: 'سه روز است که در محله‌ی ما مشکل برطرف نشده',
          registeredBy: 'operator-7',
        },
      },
      { actor: { id: 'operator-7', role: 'operator' } },
    );
    return trackingCode;
  }

  events(trackingCode: string): Promise<RecordedEvent[]> {
    return this.store.readStream(requestStreamName(trackingCode));
  }

  /** Waits until the request's stream holds `count` events of the type; returns the last of them. */
  async waitForEvent(trackingCode: string, type: RequestEventType, count = 1): Promise<RecordedEvent> {
    return waitFor(`${count} × ${type} on request ${trackingCode}`, async () => {
      const found = (await this.events(trackingCode)).filter((e) => e.type === type);
      return found.length >= count ? found[count - 1] : undefined;
    });
  }

  /** Working-day holidays as routing reads them. */
  async holidays(): Promise<Set<string>> {
    const { rows } = await this.sql.query<{ day: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM routing.holidays`,
    );
    return new Set(rows.map((r) => r.day));
  }
}
