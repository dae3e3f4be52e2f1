import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { brokerPid } from '../support/kafka-broker';
import { testEnv } from '../support/environment';

describe('the local Kafka broker', () => {
  const kafka = new Kafka({
    clientId: 'samad-test',
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  it('is a real Apache Kafka JVM process (kafka.Kafka)', () => {
    const cmdline = readFileSync(`/proc/${brokerPid()}/cmdline`, 'utf8').split('\0');
    expect(cmdline[0]).toMatch(/java$/);
    expect(cmdline).toContain('kafka.Kafka');
  });

  it('refuses to auto-create topics: the project creates them', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 4 /* BROKER */, name: '1', configNames: ['auto.create.topics.enable'] }],
    });
    await admin.disconnect();
    expect(described.resources[0].configEntries[0].configValue).toBe('false');
  });

  it('carries a message from a kafkajs producer to a kafkajs consumer, in order per key', async () => {
    const topic = `samad.test.roundtrip.${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const messages = Array.from({ length: 30 }, (_, i) => ({ key: `request-${i % 3}`, value: `سلام ${i}` }));
    await producer.send({ topic, messages });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `samad-test-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: { key: string; value: string }[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push({ key: String(message.key), value: String(message.value) });
          if (received.length === messages.length) resolve();
        },
      });
    });
    await consumer.disconnect();

    expect(received).toHaveLength(30);
    for (const key of ['request-0', 'request-1', 'request-2']) {
      expect(received.filter((m) => m.key === key).map((m) => m.value)).toEqual(
        messages.filter((m) => m.key === key).map((m) => m.value),
      );
    }
  });
});
