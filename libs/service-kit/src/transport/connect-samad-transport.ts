import type { INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { KAFKA } from '../messaging/messaging.module';
import { SamadMetrics } from '../observability/samad-metrics';
import { SamadKafkaServer } from './samad-kafka.server';

/** The consumer group a service's inbox-keeping consumer shares across its replicas (and records under). */
export const serviceConsumerGroup = (service: ServiceConfig['service']): string => `samad-${service}`;

/** Makes the app hybrid: HTTP plus the Samad Kafka transport serving its `@EventPattern` handlers. */
export function connectSamadTransport(app: INestApplication, config: ServiceConfig): SamadKafkaServer {
  const server = new SamadKafkaServer({
    kafka: app.get<Kafka>(KAFKA),
    dataSource: app.get(DataSource),
    schema: config.service,
    groupId: serviceConsumerGroup(config.service),
    metrics: app.get(SamadMetrics),
  });
  app.connectMicroservice({ strategy: server });
  return server;
}
