import { Kafka, logLevel, type ITopicConfig } from 'kafkajs';
import type { ServiceConfig } from '../config/service-config';
import { kafkaClientSecurity } from './kafka-security';

/** A Kafka client; without `kafkaSecurity` it speaks plaintext (the local broker). */
export function createKafka(
  config: Pick<ServiceConfig, 'kafkaBrokers' | 'kafkaClientId'> &
    Partial<Pick<ServiceConfig, 'kafkaSecurity'>>,
): Kafka {
  return new Kafka({
    clientId: config.kafkaClientId,
    brokers: config.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    ...kafkaClientSecurity(config.kafkaSecurity),
  });
}

/** Topics are created by the project (the broker's auto-create is off), idempotently. */
export async function ensureTopics(kafka: Kafka, topics: ITopicConfig[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
