import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ReadinessRegistry, type ReadinessReport } from '../health/readiness.registry';
import { Topics } from '@samad/events';
import { KafkaRelay, type EventStore } from '@samad/event-store';
import { encodeRecordedRequestEvent } from '@samad/request-application';
import type { ServiceConfig } from '../config/service-config';
import { JsonLogger } from '../logging/json-logger';
import { trackingCodeOfStream } from '@samad/request-lifecycle';
import { SERVICE_CONFIG } from '../service-tokens';
import { EVENT_STORE, KAFKA } from './messaging.module';

/**
 * Runs the store → Kafka relay inside a service. Every replica may run it: a PostgreSQL leader lock
 * lets exactly one publish, and another takes over when it dies (ADR 0004).
 */
@Injectable()
export class RequestEventRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: KafkaRelay;
  private unregister?: () => void;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly readiness: ReadinessRegistry,
    private readonly dataSource: DataSource,
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
      // The access-audit stream (who saw whose personal data, and why) is read from the store, never published.
      include: (event) => trackingCodeOfStream(event.streamId) !== undefined,
      logger: {
        info: (message, context) => log.info(context ?? {}, message),
        warn: (message, context) => log.warn(context ?? {}, message),
        error: (message, context) => log.error(context ?? {}, message),
      },
    });
    this.relay.start();
    this.unregister = this.readiness.register('relay', () => this.report());
  }

  // The relay never makes a replica unready (a follower is fine); the leader's lag is what to watch.
  private async report(): Promise<ReadinessReport> {
    const stats = this.relay?.stats;
    if (!stats?.isLeader) return { ready: true, details: { leader: false } };
    // PostgreSQL store only; with another store the lag is simply not reported.
    const [head]: { position: string | null }[] = await this.dataSource
      .query('SELECT max(global_position)::text AS position FROM event_store.events')
      .catch(() => [{ position: null }]);
    const behind = BigInt(head?.position ?? '0') - (stats.checkpoint?.prepare ?? 0n);
    return {
      ready: true,
      details: {
        leader: true,
        lag: Number(behind > 0n ? behind : 0n),
        published: stats.published,
        kafkaFailures: stats.kafkaFailures,
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.unregister?.();
    await this.relay?.stop();
  }
}
