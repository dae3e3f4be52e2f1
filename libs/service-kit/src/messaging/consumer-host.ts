import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@samad/events';
import type { ServiceConfig } from '../config/service-config';
import { IntegrationEventConsumer } from '../kafka/integration-event-consumer';
import { SERVICE_CONFIG } from '../service-tokens';
import { KAFKA } from './messaging.module';

/**
 * Base for a service's Kafka consumer as a Nest provider: starts after the app is up, stops first on
 * shutdown so in-flight messages finish and offsets commit. Start-up does not block on Kafka: kafkajs
 * keeps retrying, and /health says the broker is down meanwhile. The consumer group is `samad-<service>` and
 * processed events are recorded in the service's own schema; a subclass only says what an event does.
 */
export abstract class ConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  @Inject(KAFKA) private readonly kafka!: Kafka;
  @Inject(DataSource) private readonly dataSource!: DataSource;
  @Inject(SERVICE_CONFIG) private readonly config!: ServiceConfig;
  private consumer?: IntegrationEventConsumer;
  private stopped = false;
  private starting?: Promise<void>;
  protected readonly logger = new Logger(this.constructor.name);

  /** The effect of one event; runs inside the transaction that records the event as processed. */
  protected abstract handle(event: IntegrationEvent, manager: EntityManager): Promise<void>;

  onApplicationBootstrap(): void {
    this.starting = this.startWithRetry();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting; // a start in progress finishes (or gives up) before we disconnect
    await this.consumer?.stop();
  }

  private async startWithRetry(): Promise<void> {
    while (!this.stopped) {
      this.consumer = new IntegrationEventConsumer({
        kafka: this.kafka,
        dataSource: this.dataSource,
        schema: this.config.service,
        groupId: `samad-${this.config.service}`,
        handle: (event, manager) => this.handle(event, manager),
      });
      try {
        await this.consumer.start();
        return;
      } catch (error) {
        this.logger.warn(`consumer could not start (${(error as Error).message}); retrying in 2 s`);
        await this.consumer.stop().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  }
}
