import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  JsonLogger,
  prepareServiceApp,
  loadServiceConfig,
  type ServiceConfig,
  type ServiceName,
} from '@samad/service-kit';
import { testEnv } from './environment';

export interface InProcessService {
  app: INestApplication;
  baseUrl: string;
  config: ServiceConfig;
  close: () => Promise<void>;
}

// Settings of the run (tokens, personal-data secret, event store, Kafka security) reach in-process services
// as they reach processes; ports, URLs and log level are the harness's own.
const passedThrough = [
  'AUTH_',
  'PERSONAL_DATA_SECRET',
  'NODE_ENV',
  'EVENT_STORE',
  'EVENTSTORE_',
  'KAFKA_SASL_',
  'KAFKA_SSL_',
];
const runEnv = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        passedThrough.some((prefix) => entry[0].startsWith(prefix)) && entry[1] !== undefined,
    ),
  );

/**
 * Runs one service's real module in the test process, on the real test database and broker, with the
 * same filters, pipes, guard and headers as production; listens on an ephemeral port so tests talk plain HTTP to it.
 */
export async function startInProcess(
  service: ServiceName,
  module: (config: ServiceConfig) => DynamicModule,
  env: Record<string, string> = {},
): Promise<InProcessService> {
  const config = loadServiceConfig(service, {
    DATABASE_URL: testEnv.databaseUrl,
    KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...runEnv(),
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(module(config), {
    logger: new JsonLogger(service, config.logLevel),
  });
  await prepareServiceApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, config, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
