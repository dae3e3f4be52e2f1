import { Inject, Injectable } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { encodeIntegrationEvent, type RequestLifecycleIntegrationEvent } from '@samad/events';
import type { AgencyTopicMessage } from '@samad/request-lifecycle';
import { KAFKA } from '@samad/service-kit';
import { toAgencyEnvelope } from './agency-topic-envelope';

/** Publishes to the agencies' own topics (samad.agency.<code>), keyed by stream so each request stays ordered. */
@Injectable()
export class AgencyTopicPublisher {
  private producer?: Promise<Producer>;

  constructor(@Inject(KAFKA) private readonly kafka: Kafka) {}

  async publish(
    messages: readonly AgencyTopicMessage[],
    source: RequestLifecycleIntegrationEvent,
  ): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connected();
    await producer.sendBatch({
      topicMessages: messages.map((m) => ({
        topic: m.topic,
        messages: [{ key: m.key, value: encodeIntegrationEvent(toAgencyEnvelope(m, source)) }],
      })),
    });
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await (await producer?.catch(() => undefined))?.disconnect();
  }

  // Connects on first use, so the service starts while Kafka is down; a failed connect is retried next time.
  private connected(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({ idempotent: true });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }
}
