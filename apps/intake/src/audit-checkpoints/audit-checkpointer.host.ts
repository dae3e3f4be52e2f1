import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Pool } from 'pg';
import {
  loadAuditSigningKey,
  PostgresAuditCheckpointer,
  storeLeavesReader,
  type EventStore,
} from '@samad/event-store';
import { Topics } from '@samad/events';
import { EVENT_STORE, JsonLogger, KAFKA, SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';

/**
 * Issues a signed store-wide checkpoint every SAMAD_AUDIT_CHECKPOINT_INTERVAL_MS (default a minute; 0 = off)
 * and publishes it to samad.audit.checkpoints (ADR 0030). The signing key lives with this service, never in
 * the database. Replicas take turns through an advisory lock, so running it on each is safe.
 */
@Injectable()
export class AuditCheckpointerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private pool?: Pool;
  private producer?: Producer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private readonly log;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.log = new JsonLogger(`${config.service}-audit-checkpointer`, config.logLevel).pino;
  }

  onApplicationBootstrap(): void {
    const intervalMs = Number(process.env.SAMAD_AUDIT_CHECKPOINT_INTERVAL_MS ?? 60000);
    if (!(intervalMs > 0)) return;
    const signingKey = loadAuditSigningKey();
    this.pool = new Pool({
      connectionString: this.config.databaseUrl,
      max: 2,
      application_name: 'samad-audit-checkpointer',
    });
    this.pool.on('error', (error) =>
      this.log.warn({ error: error.message }, 'Idle checkpointer connection failed'),
    );
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    const producer = this.producer;
    let connected: Promise<void> | undefined;
    const checkpointer = new PostgresAuditCheckpointer({
      pool: this.pool,
      signingKey,
      readLeavesAfter: storeLeavesReader(this.store),
      publish: async (message) => {
        connected ??= producer.connect();
        await connected;
        await producer.send({
          topic: Topics.auditCheckpoints,
          acks: -1,
          messages: [{ key: 'checkpoint', value: JSON.stringify(message) }],
        });
      },
    });
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = checkpointer
        .issueUpToDate()
        .catch((error: Error) => this.log.error({ error: error.message }, 'Audit checkpoint failed'))
        .finally(() => (this.running = undefined));
    }, intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.producer?.disconnect();
    await this.pool?.end();
  }
}
