import { BaseRpcContext } from '@nestjs/microservices';
import type { Message } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import { traceHeadersOf } from '../observability/tracing';

/** Messages a handler wants published; the transport sends them in one batch before the transaction commits. */
export class Outbox {
  private readonly byTopic = new Map<string, Message[]>();

  /** Carries the active span's traceparent in the message's headers, so its consumer continues the trace. */
  add(topic: string, message: Message): void {
    message = { ...message, headers: { ...traceHeadersOf(), ...message.headers } };
    let messages = this.byTopic.get(topic);
    if (!messages) this.byTopic.set(topic, (messages = []));
    messages.push(message);
  }

  get isEmpty(): boolean {
    return this.byTopic.size === 0;
  }

  topicMessages(): { topic: string; messages: Message[] }[] {
    return [...this.byTopic].map(([topic, messages]) => ({ topic, messages }));
  }
}

export interface MessageContextArgs {
  readonly manager: EntityManager;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly outbox: Outbox;
}

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the transaction its partition batch runs in (the effect
 * and the processed-event record commit together) and an outbox for messages it causes.
 */
export class SamadMessageContext extends BaseRpcContext<[MessageContextArgs]> {
  /** The batch's transaction: write read models through it, never through another connection. */
  get manager(): EntityManager {
    return this.args[0].manager;
  }

  get topic(): string {
    return this.args[0].topic;
  }

  get partition(): number {
    return this.args[0].partition;
  }

  get offset(): string {
    return this.args[0].offset;
  }

  /** Published at-least-once: sent before the batch commits, so a crash in between sends it again. */
  publish(topic: string, message: Message): void {
    this.args[0].outbox.add(topic, message);
  }
}
