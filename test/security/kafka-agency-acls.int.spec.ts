// Issue #15 item 4: the agency users of infra/k8s/base/kafka/users-agencies.yaml, created on a real broker with
// SASL/SCRAM and the standard authorizer exactly as Strimzi's user operator would, may read their own topic
// and nothing else.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Topics } from '@samad/events';
import { SaslKafkaBroker, strimziKafkaUsers } from '../support/sasl-kafka-broker';

jest.setTimeout(120000);

/** The protocol error's name, also when kafkajs wraps it (retries exhausted, non-retriable). */
const errorType = (error: unknown): string | undefined => {
  const e = error as { type?: string; originalError?: unknown; cause?: unknown } | undefined;
  if (e === undefined || e === null) return undefined;
  return e.type ?? errorType(e.originalError) ?? errorType(e.cause) ?? String(error);
};

describe('agency Kafka users and their ACLs (SASL/SCRAM broker)', () => {
  const broker = new SaslKafkaBroker();
  const agencies = strimziKafkaUsers('users-agencies.yaml').map((u) => u.name.replace(/^agency-/, ''));
  const consumers: Consumer[] = [];

  const as = (agency: string): Kafka =>
    broker.kafka(`agency-${agency}-test`, broker.user(`agency-${agency}`));

  /** Subscribes and runs a consumer; resolves with the first message's value or the error it crashed on. */
  const consume = async (
    kafka: Kafka,
    groupId: string,
    topic: string,
  ): Promise<{ value?: string; error?: string }> => {
    const consumer = kafka.consumer({ groupId, retry: { retries: 3, restartOnFailure: async () => false } });
    consumers.push(consumer);
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
    } catch (error) {
      return { error: errorType(error) };
    }
    return new Promise((resolve) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => resolve({ error: errorType(payload.error) }));
      void consumer.run({
        eachMessage: async ({ message }) => resolve({ value: message.value?.toString() }),
      });
    });
  };

  beforeAll(async () => {
    await broker.start(['users-agencies.yaml']);
    const topics = [...agencies.map(Topics.agency), Topics.requestEvents];
    await broker.createTopics(topics);
    // Something to read on every topic, written by the super user (as the services' relays would).
    const producer = broker.kafka('samad-test-relay').producer();
    await producer.connect();
    for (const topic of topics)
      await producer.send({ topic, messages: [{ key: 'k', value: `on ${topic}` }] });
    await producer.disconnect();
    await broker.waitForGroupCoordinator(Topics.requestEvents);
  }, 360000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
    await broker.stop();
  });

  it('has a KafkaUser per agency in the manifest', () => {
    expect(agencies).toEqual(expect.arrayContaining(['abfa', 'bargh']));
    expect([...broker.users.keys()].sort()).toEqual(agencies.map((a) => `agency-${a}`).sort());
  });

  it.each(['abfa', 'bargh'])(
    'lets agency-%s read its own topic with its own consumer group',
    async (agency) => {
      const result = await consume(
        as(agency),
        `agency-${agency}-inbox-${randomUUID()}`,
        Topics.agency(agency),
      );
      expect(result).toEqual({ value: `on ${Topics.agency(agency)}` });
    },
  );

  it("refuses agency-abfa another agency's topic", async () => {
    const result = await consume(as('abfa'), `agency-abfa-${randomUUID()}`, Topics.agency('bargh'));
    expect(result.error).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('refuses agency-abfa the request-events topic', async () => {
    const result = await consume(as('abfa'), `agency-abfa-${randomUUID()}`, Topics.requestEvents);
    expect(result.error).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it("refuses agency-abfa a consumer group outside its prefix (another agency's)", async () => {
    // kafkajs reports a refused FindCoordinator as "coordinator not found"; the broker's answer is in its debug log.
    const refusals: unknown[] = [];
    const kafka = new Kafka({
      ...broker.clientConfig('agency-abfa-test', broker.user('agency-abfa')),
      logLevel: logLevel.DEBUG,
      logCreator:
        () =>
        ({ log }) => {
          if (log.message === 'Tried to find group coordinator') refusals.push(errorType(log.error));
        },
    });
    const result = await consume(kafka, `agency-bargh-inbox-${randomUUID()}`, Topics.agency('abfa'));
    expect(result.value).toBeUndefined();
    expect(refusals).toContain('GROUP_AUTHORIZATION_FAILED');
  });

  it('refuses agency-abfa writing, even to its own topic', async () => {
    const producer = as('abfa').producer({ retry: { retries: 0 } });
    await producer.connect();
    try {
      await expect(
        producer.send({ topic: Topics.agency('abfa'), messages: [{ value: 'forged' }] }),
      ).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    } finally {
      await producer.disconnect();
    }
  });

  it('refuses a wrong password', async () => {
    const admin = broker
      .kafka('wrong-password', { username: 'agency-abfa', password: 'not-the-password' })
      .admin({ retry: { retries: 0 } });
    await expect(admin.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
    await admin.disconnect();
  });
});
