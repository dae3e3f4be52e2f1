import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Observable, type Subscriber } from 'rxjs';
import { decodeAnsweredCall, Topics, type AnsweredCallMessage } from '@samad/events';
import { BroadcastConsumer, KAFKA } from '@samad/service-kit';

/** Matches the prefix intake's Kafka user may use for groups (infra/k8s users-services.yaml). */
export const ANSWERED_CALLS_GROUP_PREFIX = 'samad-intake-calls-';

/**
 * Answered calls between intake replicas (ADR 45): the webhook publishes each call to a one-partition topic;
 * every intake process reads all of it with a broadcast consumer (a group of its own, from the end it found
 * at start, committing nothing, ADR 44) and hands each call to the operator's screens it holds.
 */
@Injectable()
export class AnsweredCallsChannel implements OnApplicationBootstrap, OnApplicationShutdown {
  private producer?: Promise<Producer>;
  private readonly consumer: BroadcastConsumer<AnsweredCallMessage>;
  private readonly screens = new Map<string, Set<Subscriber<AnsweredCallMessage>>>();

  constructor(@Inject(KAFKA) private readonly kafka: Kafka) {
    this.consumer = new BroadcastConsumer({
      kafka,
      topic: Topics.answeredCalls,
      groupPrefix: ANSWERED_CALLS_GROUP_PREFIX,
      decode: decodeAnsweredCall,
      onMessage: (call) => {
        for (const screen of this.screens.get(call.username) ?? []) screen.next(call);
      },
    });
  }

  /** Settles once calls published from now on reach this process's screens. */
  get ready(): Promise<void> {
    return this.consumer.whenReady();
  }

  onApplicationBootstrap(): void {
    this.consumer.start();
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
    for (const set of this.screens.values()) for (const screen of set) screen.complete();
    await this.consumer.stop();
    await (await this.producer?.catch(() => undefined))?.disconnect().catch(() => undefined);
  }

  private async connectProducer(): Promise<Producer> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: false, idempotent: true });
    await producer.connect();
    return producer;
  }
}
