import type { INestApplication } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config';
import { ReadinessRegistry } from '../health/readiness.registry';
import { ConsumerMonitor } from '../transport/consumer-monitor';
import { consumerReadiness } from '../transport/consumer.readiness';
import { connectSamadTransport } from '../transport/connect-samad-transport';
import { configureHttpApp } from './configure-http-app';

/**
 * Everything between creating a service's Nest app and listening: the HTTP conventions, and the Kafka
 * transport serving its `@EventPattern` handlers (started now; it connects in the background).
 */
export async function prepareServiceApp(app: INestApplication, config: ServiceConfig): Promise<void> {
  configureHttpApp(app, config);
  const monitor = app.get(ConsumerMonitor);
  monitor.attach(connectSamadTransport(app, config));
  app.get(ReadinessRegistry).register('consumer', () => consumerReadiness(monitor));
  await app.startAllMicroservices();
}
