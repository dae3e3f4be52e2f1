import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { Observable, type Subscriber } from 'rxjs';
import { decodeAnsweredCall, Topics, type AnsweredCallMessage } from '@samad/events';
import { JsonLogger, KAFKA, SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';

const RETRY_MS = 2000;
/** Matches the prefix intake's Kafka user may use for groups (infra/k8s users-services.yaml). */
export const ANSWERED_CALLS_GROUP_PREFIX = 'samad-intake-calls-';

/**
 * Answered calls between intake replicas (ADR 45): the webhook publishes each call to a one-partition topic;
 * every intake process reads all of it in a consumer group of its own and hands each call to the operator's
 * screens it holds. A process reads only what was published after it started (the offsets it saw then), so
 * a restart never pops up old calls; it commits nothing, so its group leaves no trace once it stops.
 */
@Injectable()
export class AnsweredCallsChannel implements OnApplicationBootstrap, OnApplicationShutdown {
  private producer?: Promise<Producer>;
  private consumer?: Consumer;
  private stopping = false;
  private readonly screens = new Map<string, Set<Subscriber<AnsweredCallMessage>>>();
  private readonly log;
  private markReady!: () => void;
  /** Settles once calls published from now on reach this process's screens. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.log = new JsonLogger(`${config.service}-answered-calls`, config.logLevel).pino;
  }

  onApplicationBootstrap(): void {
    void this.startReading();
  }

  async publish(call: AnsweredCallMessage): Promise<void> {
    this.producer ??= this.connectProducer();
    const producer = await this.producer.catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    await producer.send({
      topic: Topics.answeredCalls,
      acks: -1,
      messages: [{ key: call.extension, value: JSON.stringify(call) }],
    });
  }

  /** The calls answered by `username`, for as long as the subscriber stays. */
  callsOf(username: string): Observable<AnsweredCallMessage> {
    return new Observable<AnsweredCallMessage>((subscriber) => {
      const set = this.screens.get(username) ?? new Set();
      this.screens.set(username, set.add(subscriber));
      return () => {
        set.delete(subscriber);
        if (set.size === 0) this.screens.delete(username);
      };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const set of this.screens.values()) for (const screen of set) screen.complete();
    await this.consumer?.disconnect().catch(() => undefined);
    await (await this.producer?.catch(() => undefined))?.disconnect().catch(() => undefined);
  }

  private async connectProducer(): Promise<Producer> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: false, idempotent: true });
    await producer.connect();
    return producer;
  }

  private async startReading(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.read();
        this.markReady();
        return;
      } catch (error) {
        this.log.warn({ error: (error as Error).message }, 'Answered calls cannot be read yet; retrying');
        await this.consumer?.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private async read(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    const startAt = new Map<number, bigint>();
    try {
      for (const { partition, high } of await admin.fetchTopicOffsets(Topics.answeredCalls))
        startAt.set(partition, BigInt(high));
    } finally {
      await admin.disconnect();
    }
    this.consumer = this.kafka.consumer({ groupId: `${ANSWERED_CALLS_GROUP_PREFIX}${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: Topics.answeredCalls, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (BigInt(message.offset) < (startAt.get(partition) ?? 0n)) return;
        const call = decodeAnsweredCall(message.value);
        if (!call) return;
        for (const screen of this.screens.get(call.username) ?? []) screen.next(call);
      },
    });
  }
}
