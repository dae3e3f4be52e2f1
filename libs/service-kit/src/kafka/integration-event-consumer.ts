import { Logger } from '@nestjs/common';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import {
  Topics,
  createDeadLetterMessage,
  decodeIntegrationEvent,
  type DeadLetterReason,
  type IntegrationEvent,
} from '@samad/events';

export interface IntegrationEventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Schema holding this service's `processed_events` table. */
  schema: string;
  /** Consumer group id; also the name under which processed events are recorded. */
  groupId: string;
  topic?: string;
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  /** The effect; runs inside the transaction that records the event as processed. */
  handle: (event: IntegrationEvent, manager: EntityManager) => Promise<void>;
  clock?: () => Date;
}

/**
 * Consumes integration events idempotently: the effect and the processed-event record commit together,
 * so a redelivery changes nothing. Partitions are processed one message at a time (per-request order);
 * a message that keeps failing is parked on the dead-letter topic with the reason and the consumer goes on.
 */
export class IntegrationEventConsumer {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private producer?: Producer;

  constructor(private readonly options: IntegrationEventConsumerOptions) {
    this.logger = new Logger(`Consumer:${options.groupId}`);
  }

  async start(): Promise<void> {
    const { kafka, groupId, topic = Topics.requestEvents } = this.options;
    this.producer = kafka.producer({ idempotent: true });
    await this.producer.connect();
    this.consumer = kafka.consumer({ groupId, sessionTimeout: 15000, heartbeatInterval: 1000 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: ({ topic: from, partition, message }) => this.process(from, partition, message),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async process(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const decoded = decodeIntegrationEvent(message.value);
    if (!decoded.ok) return this.park(topic, partition, message, decoded.code, decoded.reason);

    const { maxAttempts = 5, retryBaseDelayMs = 100 } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(decoded.event);
        return;
      } catch (error) {
        if (attempt >= maxAttempts) return this.park(topic, partition, message, 'processing_failed', error);
        this.logger.warn({
          msg: 'retrying event',
          eventId: decoded.event.eventId,
          attempt,
          error: String(error),
        });
        await new Promise((r) => setTimeout(r, retryBaseDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  private async applyOnce(event: IntegrationEvent): Promise<void> {
    const { dataSource, schema, groupId, handle } = this.options;
    await dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${schema}".processed_events (consumer, event_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [groupId, event.eventId],
      );
      if (inserted.length === 0) return; // already applied: a redelivery
      await handle(event, manager);
    });
  }

  private async park(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: DeadLetterReason,
    error: unknown,
  ): Promise<void> {
    const deadLetter = createDeadLetterMessage({
      originalTopic: topic,
      partition,
      offset: message.offset,
      key: message.key,
      value: message.value,
      reason,
      error,
      failedAt: (this.options.clock ?? (() => new Date()))(),
      consumerGroup: this.options.groupId,
    });
    this.logger.error(
      `parking message ${topic}/${partition}@${message.offset} on the dead-letter topic: ${deadLetter.error}`,
    );
    // If this send fails the error propagates, the offset is not committed, and the message is retried.
    await this.producer!.send({
      topic: Topics.deadLetter,
      messages: [{ key: message.key, value: JSON.stringify(deadLetter) }],
    });
  }
}
