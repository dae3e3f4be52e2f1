import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { testEnv, waitFor } from './environment';

export interface ReadMessage {
  topic: string;
  key: string | null;
  value: string;
  partition: number;
  offset: string;
}

/** Collects everything on a topic (or several) from the beginning, for tests that check what reached Kafka. */
export class KafkaTopicReader {
  readonly messages: ReadMessage[] = [];
  private consumer?: Consumer;
  readonly kafka = new Kafka({
    clientId: 'samad-test-reader',
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  constructor(private readonly topic: string | readonly string[]) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `samad-test-reader-${randomUUID()}` });
    await this.consumer.connect();
    const topics = typeof this.topic === 'string' ? [this.topic] : [...this.topic];
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({
          topic,
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

/** Messages on the topic the group has not committed yet (its backlog). */
export async function consumerGroupLag(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return ends.reduce((lag, end) => {
      const done = committed?.partitions.find((p) => p.partition === end.partition);
      const at = done && done.offset !== '-1' ? BigInt(done.offset) : BigInt(end.low);
      return lag + Number(BigInt(end.high) - at);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

/** Everything on the topic right now: reads from the beginning until it has every message present at the start. */
export async function readTopicToEnd(topic: string): Promise<ReadMessage[]> {
  return readTopicsToEnd([topic]);
}

/** The same for several topics at once, with one consumer group (one join instead of one per topic). */
export async function readTopicsToEnd(
  topics: readonly string[],
  { timeoutMs = 60000 } = {},
): Promise<ReadMessage[]> {
  const reader = new KafkaTopicReader(topics);
  const admin = reader.kafka.admin();
  await admin.connect();
  const present = new Map<string, number>();
  try {
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      present.set(
        topic,
        offsets.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0),
      );
    }
  } finally {
    await admin.disconnect();
  }
  const total = [...present.values()].reduce((a, b) => a + b, 0);
  await reader.start();
  try {
    await waitFor(
      `${total} messages read from ${topics.join(', ')}`,
      async () => {
        const read = new Map<string, number>();
        for (const m of reader.messages) read.set(m.topic, (read.get(m.topic) ?? 0) + 1);
        return [...present].every(([topic, n]) => (read.get(topic) ?? 0) >= n) ? true : undefined;
      },
      { timeoutMs },
    );
    return reader.messages;
  } finally {
    await reader.stop();
  }
}
