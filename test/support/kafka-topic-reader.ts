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
  /** The last offset fetched per `topic/partition`, transaction markers included (they take offsets too). */
  readonly reachedOffsets = new Map<string, bigint>();
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
    this.consumer.on(this.consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const key = `${payload.topic}/${payload.partition}`;
      const last = BigInt(payload.lastOffset);
      if (last > (this.reachedOffsets.get(key) ?? -1n)) this.reachedOffsets.set(key, last);
    });
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
  // Where each partition ends now; offsets, not message counts: transactions leave markers that are no messages.
  const ends = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(p.high) > BigInt(p.low)) ends.set(`${topic}/${p.partition}`, BigInt(p.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  await reader.start();
  try {
    await waitFor(
      `the ends of ${topics.join(', ')}`,
      async () =>
        [...ends].every(([key, high]) => (reader.reachedOffsets.get(key) ?? -1n) >= high - 1n)
          ? true
          : undefined,
      { timeoutMs },
    );
    return reader.messages;
  } finally {
    await reader.stop();
  }
}
