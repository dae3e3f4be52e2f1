import { Kafka, logLevel, type ITopicConfig } from 'kafkajs';
import type { ServiceConfig } from '../config/service-config';
import { kafkaSecurityFromEnv } from './kafka-security';

export function createKafka(config: Pick<ServiceConfig, 'kafkaBrokers' | 'kafkaClientId'>): Kafka {
  return new Kafka({
    clientId: config.kafkaClientId,
    brokers: config.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    ...kafkaSecurityFromEnv(),
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
