import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { Topics } from '@samad/events';
import { agencies } from '@samad/reference-data';
import { createKafka, ensureTopics } from '@samad/service-kit';
import { topicRetention } from '../../scripts/topic-retention';
import { testEnv } from '../support/environment';

// Topic configuration on the real broker: created with it, converged to it on a re-run, other overrides kept.
describe('topic retention (ensureTopics on the real broker)', () => {
  const kafka = createKafka({ kafkaBrokers: testEnv.kafkaBrokers, kafkaClientId: 'samad-test-retention' });
  const topic = `samad-test.retention-${randomUUID()}`;
  let admin: Admin;

  const configOf = async (name: string): Promise<Record<string, string>> => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name }],
    });
    return Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
  };
  const retained = (ms: string) => [{ name: 'retention.ms', value: ms }];

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates a missing topic with its retention', async () => {
    const result = await ensureTopics(kafka, [
      { topic, numPartitions: 1, configEntries: retained('86400000') },
    ]);
    expect(result).toEqual({ created: [topic], reconfigured: [] });
    expect((await configOf(topic))['retention.ms']).toBe('86400000');
  });

  it('alters an existing topic to the new retention, keeping its other overrides, and then leaves it', async () => {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: [
            { name: 'retention.ms', value: '86400000' },
            { name: 'max.message.bytes', value: '500000' },
          ],
        },
      ],
    });
    const wanted = [{ topic, numPartitions: 1, configEntries: retained('172800000') }];
    expect(await ensureTopics(kafka, wanted)).toEqual({ created: [], reconfigured: [topic] });
    expect(await configOf(topic)).toMatchObject({
      'retention.ms': '172800000',
      'max.message.bytes': '500000',
    });
    expect(await ensureTopics(kafka, wanted)).toEqual({ created: [], reconfigured: [] });
  });

  it('the project topics prepare made carry KAFKA_RETENTION_MS, dead letters KAFKA_DEAD_LETTER_RETENTION_MS', async () => {
    const expected = topicRetention(process.env);
    expect((await configOf(Topics.requestEvents))['retention.ms']).toBe(expected.topicsMs);
    expect((await configOf(Topics.agency(agencies[0].code)))['retention.ms']).toBe(expected.topicsMs);
    expect((await configOf(Topics.deadLetter))['retention.ms']).toBe(expected.deadLetterMs);
  });
});
