import { ConfigResourceTypes, ConfigSource, Kafka, logLevel, type ITopicConfig } from 'kafkajs';
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

export interface EnsuredTopics {
  created: string[];
  /** Existing topics whose configuration differed from the one asked for, and was altered to it. */
  reconfigured: string[];
}

/**
 * Topics are created by the project (the broker's auto-create is off), idempotently; an existing topic whose
 * configuration (e.g. `retention.ms`) differs from its `configEntries` is altered, so re-running converges.
 */
export async function ensureTopics(kafka: Kafka, topics: ITopicConfig[]): Promise<EnsuredTopics> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
    const configured = topics.filter((t) => existing.has(t.topic) && (t.configEntries ?? []).length > 0);
    const { resources } =
      configured.length > 0
        ? await admin.describeConfigs({
            includeSynonyms: false,
            resources: configured.map((t) => ({ type: ConfigResourceTypes.TOPIC, name: t.topic })),
          })
        : { resources: [] };
    const changes = configured.flatMap((t) => {
      const wanted = t.configEntries ?? [];
      const current = resources.find((r) => r.resourceName === t.topic)?.configEntries ?? [];
      const valueOf = (name: string): string | undefined =>
        current.find((c) => c.configName === name)?.configValue;
      if (wanted.every((w) => valueOf(w.name) === w.value)) return [];
      // alterConfigs replaces a topic's whole set of overrides, so the ones it already has are sent again.
      const kept = current
        .filter(
          (c) => c.configSource === ConfigSource.TOPIC_CONFIG && !wanted.some((w) => w.name === c.configName),
        )
        .map((c) => ({ name: c.configName, value: c.configValue }));
      return [{ type: ConfigResourceTypes.TOPIC, name: t.topic, configEntries: [...kept, ...wanted] }];
    });
    if (changes.length > 0) await admin.alterConfigs({ validateOnly: false, resources: changes });
    return { created: missing.map((t) => t.topic), reconfigured: changes.map((c) => c.name) };
  } finally {
    await admin.disconnect();
  }
}
