import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { KAFKA } from '../messaging/messaging.module';

/**
 * Kafka as the service uses it: one admin client from the service's own Kafka client, made on the first
 * probe and kept, asked for the cluster's metadata. After a failure it reconnects on the next probe.
 */
@Injectable()
export class KafkaReadiness implements OnApplicationShutdown {
  private admin?: Admin;
  private connected?: Promise<void>;

  constructor(@Inject(KAFKA) private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    // No retries inside the client: the probe answers now, and the next probe is the retry.
    this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
    const admin = this.admin;
    try {
      this.connected ??= admin.connect();
      await this.connected;
      // kafkajs answers a metadata request no broker served with a TypeError; say what it means.
      await admin.describeCluster().catch((error: unknown) => {
        throw error instanceof TypeError ? new Error('no Kafka broker answered', { cause: error }) : error;
      });
    } catch (error) {
      this.connected = undefined;
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
