import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  IntegrationEventConsumer,
  type IntegrationEventConsumerOptions,
} from '../kafka/integration-event-consumer';

/**
 * Base for a service's Kafka consumer as a Nest provider: starts after the app is up, stops first on
 * shutdown so in-flight messages finish and offsets commit. Start-up does not block on Kafka: kafkajs
 * keeps retrying, and /health says the broker is down meanwhile.
 */
export abstract class ConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: IntegrationEventConsumer;
  private stopped = false;
  private starting?: Promise<void>;
  protected readonly logger = new Logger(this.constructor.name);

  protected abstract consumerOptions(): IntegrationEventConsumerOptions;

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
      this.consumer = new IntegrationEventConsumer(this.consumerOptions());
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
