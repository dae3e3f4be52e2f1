import { ConfigError, loadServiceConfig } from './service-config';

describe('loadServiceConfig', () => {
  it('gives each service its default port and local infrastructure', () => {
    const config = loadServiceConfig('agency', {});
    expect(config).toMatchObject({
      service: 'agency',
      port: 3003,
      kafkaBrokers: ['127.0.0.1:9092'],
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/samad',
      kafkaClientId: 'samad-agency',
    });
  });

  it('takes overrides from the environment', () => {
    const config = loadServiceConfig('intake', {
      INTAKE_PORT: '4001',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      KAFKA_TOPIC_PARTITIONS: '12',
    });
    expect(config).toMatchObject({ port: 4001, kafkaBrokers: ['k1:9092', 'k2:9092'], topicPartitions: 12 });
  });

  it('names every wrong value at once', () => {
    try {
      loadServiceConfig('routing', { ROUTING_PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'DATABASE_URL',
        'LOG_LEVEL',
        'ROUTING_PORT',
      ]);
    }
  });
});
