import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { testEnv, waitFor } from './environment';

export interface ReadMessage {
  key: string | null;
  value: string;
  partition: number;
  offset: string;
}

/** Collects everything on a topic from the beginning, for tests that check what reached Kafka. */
export class KafkaTopicReader {
  readonly messages: ReadMessage[] = [];
  private consumer?: Consumer;
  readonly kafka = new Kafka({
    clientId: 'samad-test-reader',
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  constructor(private readonly topic: string) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `samad-test-reader-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        this.messages.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? '',
          partition,
          offset: message.offset,
        });
      },
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** True once every partition's committed offset for the group has reached the end of the topic. */
export async function consumerGroupCaughtUp(kafka: Kafka, groupId: string, topic: string): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return ends.every((end) => {
      const done = committed?.partitions.find((p) => p.partition === end.partition);
      const at = done && done.offset !== '-1' ? BigInt(done.offset) : 0n;
      return at >= BigInt(end.high);
    });
  } finally {
    await admin.disconnect();
  }
}

/** Everything on the topic right now: reads from the beginning until it has every message present at the start. */
export async function readTopicToEnd(topic: string): Promise<ReadMessage[]> {
  const reader = new KafkaTopicReader(topic);
  const admin = reader.kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const present = offsets.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0);
  await reader.start();
  try {
    await waitFor(`${present} messages read from ${topic}`, async () =>
      reader.messages.length >= present ? true : undefined,
    );
    return reader.messages;
  } finally {
    await reader.stop();
  }
}
