import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { decodeIntegrationEvent, type IntegrationEvent } from '@samad/events';
import { Backoff } from './backoff';
import { errorText } from './parked-messages.sql';

export interface BroadcastConsumerOptions<T> {
  readonly kafka: Kafka;
  readonly topic: string;
  /** Prefix of the group id; each process adds a unique suffix (the Kafka ACL allows the prefix). */
  readonly groupPrefix: string;
  /** The message, or undefined for one to skip. */
  readonly decode: (value: Buffer | null) => T | undefined;
  /** Called for every valid message published after `start()` captured the topic's end; must not throw. */
  readonly onMessage: (message: T) => void;
}

/** Decodes request events for a broadcast consumer of `samad.request-events`. */
export const integrationEventOf = (value: Buffer | null): IntegrationEvent | undefined => {
  const decoded = decodeIntegrationEvent(value);
  return decoded.ok ? decoded.event : undefined;
};

/**
 * A consumer that sees EVERY partition of a topic, in every process that runs one (ADR 0044): its group is
 * this process's alone. It starts at the end the topic had when it started, commits nothing (so its group
 * disappears when the process leaves) and records nothing: it is for telling live screens, not for state.
 */
export class BroadcastConsumer<T = IntegrationEvent> {
  private readonly log: Logger;
  private consumer?: Consumer;
  private stopping = false;
  private ready = false;
  private connecting = false;
  private crashedWhileConnecting = false;
  private readonly readyWaiters = new Set<() => void>();
  private running?: Promise<void>;

  constructor(private readonly options: BroadcastConsumerOptions<T>) {
    this.log = new Logger(`Broadcast:${options.groupPrefix}`);
  }

  /** Starts in the background (start-up does not wait for Kafka); see `whenReady`. */
  start(): void {
    this.running = this.connectWithRetry();
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Resolves once every event published from now on will be seen. */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.add(resolve));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async connectWithRetry(): Promise<void> {
    const backoff = new Backoff(500, 5000);
    while (!this.stopping) {
      this.connecting = true;
      this.crashedWhileConnecting = false;
      try {
        await this.connect();
        return;
      } catch (error) {
        this.log.warn(`could not start (${errorText(error)}); retrying`);
        await this.consumer?.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, backoff.take()));
      } finally {
        this.connecting = false;
      }
    }
  }

  private async connect(): Promise<void> {
    const { kafka, topic, groupPrefix } = this.options;
    // The end is taken BEFORE joining, and every partition is sought to it: nothing published after
    // `ready` can fall between joining and the first fetch.
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    const consumer = kafka.consumer({
      groupId: `${groupPrefix}${randomUUID()}`,
      sessionTimeout: 15000,
      heartbeatInterval: 1000,
      // We start a fresh consumer ourselves, at the topic's new end (one restart, not two).
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000, restartOnFailure: async () => false },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (consumer !== this.consumer || this.stopping) return;
      this.ready = false;
      // connect() is still on its way: it fails (or finds this flag) and its loop retries.
      if (this.connecting) {
        this.crashedWhileConnecting = true;
        return;
      }
      this.log.warn(`crashed (${errorText(payload.error)}); starting a fresh one`);
      this.running = (async () => {
        await consumer.disconnect().catch(() => undefined);
        await this.connectWithRetry();
      })();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const decoded = this.options.decode(message.value);
        if (decoded !== undefined) this.options.onMessage(decoded);
      },
    });
    for (const { partition, offset } of ends) consumer.seek({ topic, partition, offset });
    if (this.crashedWhileConnecting) throw new Error('crashed while starting');
    this.ready = true;
    for (const wake of this.readyWaiters) wake();
    this.readyWaiters.clear();
  }
}
