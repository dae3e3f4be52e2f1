import { Inject, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KafkaRelay, type EventStore, type KafkaRelayOptions } from '@samad/event-store';
import { ReadinessRegistry, type ReadinessReport } from '../health/readiness.registry';
import type { ServiceConfig } from '../config/service-config';
import { JsonLogger } from '../logging/json-logger';
import { SamadMetrics } from '../observability/samad-metrics';
import { SERVICE_CONFIG } from '../service-tokens';
import { EVENT_STORE, KAFKA } from './messaging.module';

/**
 * What a hosted relay publishes: its name, where each event goes, the exactly-once checkpoint topic, and
 * which view of the store it reads (default: the service's own).
 */
export type HostedRelayOptions = Omit<KafkaRelayOptions, 'store' | 'databaseUrl' | 'kafka' | 'logger'> & {
  readonly store?: EventStore;
};

/**
 * Runs a store → Kafka relay inside a service. Every replica may run it: a PostgreSQL leader lock lets
 * exactly one publish, and another takes over when it dies (ADR 0004).
 */
export abstract class StoreRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: KafkaRelay;
  private unregister?: () => void;

  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly readiness: ReadinessRegistry,
    private readonly dataSource: DataSource,
    private readonly metrics: SamadMetrics,
  ) {}

  /** The readiness entry this relay reports under. */
  protected abstract readonly readinessName: string;
  protected abstract relayOptions(): HostedRelayOptions;

  onApplicationBootstrap(): void {
    const options = this.relayOptions();
    const log = new JsonLogger(`${this.config.service}-relay`, this.config.logLevel).pino;
    const relay = { relay: options.name };
    this.relay = new KafkaRelay({
      onPublished: ({ events, seconds }) => {
        this.metrics.relayPublishDuration.observe(relay, seconds);
        this.metrics.relayPublished.inc(relay, events);
      },
      store: this.store,
      ...options,
      databaseUrl: this.config.databaseUrl,
      kafka: this.kafka,
      logger: {
        info: (message, context) => log.info({ relay: options.name, ...context }, message),
        warn: (message, context) => log.warn({ relay: options.name, ...context }, message),
        error: (message, context) => log.error({ relay: options.name, ...context }, message),
      },
    });
    this.relay.start();
    this.unregister = this.readiness.register(this.readinessName, () => this.report());
    this.metrics.onScrape(async () => {
      const { details } = await this.report();
      this.metrics.relayLeader.set(relay, details?.leader ? 1 : 0);
      // Only the leader knows how far behind it is; a follower's figure would be stale.
      if (details?.leader) this.metrics.relayLag.set(relay, Number(details.lag));
      else this.metrics.relayLag.remove(relay);
    });
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
