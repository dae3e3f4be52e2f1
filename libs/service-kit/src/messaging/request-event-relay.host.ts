import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Topics } from '@samad/events';
import { KafkaRelay, type EventStore } from '@samad/event-store';
import { encodeRecordedRequestEvent } from '@samad/request-application';
import type { ServiceConfig } from '../config/service-config';
import { JsonLogger } from '../logging/json-logger';
import { SERVICE_CONFIG } from '../service-tokens';
import { EVENT_STORE, KAFKA } from './messaging.module';

/**
 * Runs the store → Kafka relay inside a service. Every replica may run it: a PostgreSQL leader lock
 * lets exactly one publish, and another takes over when it dies (ADR 0004).
 */
@Injectable()
export class RequestEventRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: KafkaRelay;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    const log = new JsonLogger(`${this.config.service}-relay`, this.config.logLevel).pino;
    this.relay = new KafkaRelay({
      name: 'request-events',
      store: this.store,
      databaseUrl: this.config.databaseUrl,
      kafka: this.kafka,
      topic: Topics.requestEvents,
      deadLetterTopic: Topics.deadLetter,
      encode: encodeRecordedRequestEvent,
      logger: {
        info: (message, context) => log.info(context ?? {}, message),
        warn: (message, context) => log.warn(context ?? {}, message),
        error: (message, context) => log.error(context ?? {}, message),
      },
    });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
