// Tails the store in global order and publishes to Kafka; at-least-once, one leader per relay name (ADR 0004).
import { randomUUID } from 'node:crypto';
import type { Kafka, Message, Producer, TopicMessages } from 'kafkajs';
import type { AllSubscription, EventStore, Position, RecordedEvent } from '../event-store.port';
import { formatPosition } from '../position';
import { recordedEventToJson } from '../recorded-event.json';
import { consoleLogger, errorMessage, type EventStoreLogger } from '../support/logger';
import { WakeSignal } from '../support/wake-signal';
import { RelayLeaderLock } from './relay-leader-lock';

export interface KafkaRelayOptions {
  /** Names the checkpoint row and the leader lock: instances with the same name share one position. */
  readonly name: string;
  readonly store: EventStore;
  /** PostgreSQL holding event_store.relay_checkpoints; the relay keeps one dedicated connection to it. */
  readonly databaseUrl: string;
  readonly kafka: Kafka;
  /** One topic for everything, or a topic per event. */
  readonly topic: string | ((event: RecordedEvent) => string);
  /** The message value; default: the recorded event as JSON. Services pass their integration-event encoder. */
  readonly encode?: (event: RecordedEvent) => string;
  /** Which events to publish; the others are passed over (the checkpoint still moves past them). Default: all. */
  readonly include?: (event: RecordedEvent) => boolean;
  /**
   * Where an event goes when `encode` throws (it can never be published as it is): a notice naming the event
   * (no data) instead of a relay stalled for ever. Without it, an encode failure stops the batch.
   */
  readonly deadLetterTopic?: string;
  /** Most events per Kafka request. Default 500. */
  readonly batchSize?: number;
  /** How long a partial batch waits for more events. Default 5 ms. */
  readonly lingerMs?: number;
  /** How often a follower tries to become leader. Default 2000 ms. */
  readonly lockRetryMs?: number;
  /** How often the leader checks its lock connection. Default 1000 ms. */
  readonly heartbeatMs?: number;
  /** Backoff between Kafka attempts. Default 250 ms doubling to 5000 ms. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
  readonly logger?: EventStoreLogger;
  /** Shown in pg_stat_activity and logs. Default: a random id. */
  readonly instanceId?: string;
}

export interface KafkaRelayStats {
  readonly isLeader: boolean;
  readonly published: number;
  readonly batches: number;
  readonly kafkaFailures: number;
  readonly checkpoint: Position | undefined;
}

class LeadershipEnded extends Error {
  constructor(reason: string) {
    super(`Relay leadership ended: ${reason}`);
  }
}

export class KafkaRelay {
  readonly instanceId: string;
  private readonly lock: RelayLeaderLock;
  private readonly logger: EventStoreLogger;
  private readonly wake = new WakeSignal();
  private running: Promise<void> | undefined;
  private stopping = false;
  private leading = false;
  private leadershipEnd: ((reason: string) => void) | undefined;
  private buffer: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private lingerTimer: NodeJS.Timeout | undefined;
  private producer: Producer | undefined;
  private published = 0;
  private batches = 0;
  private kafkaFailures = 0;
  private checkpoint: Position | undefined;

  constructor(private readonly options: KafkaRelayOptions) {
    this.instanceId = options.instanceId ?? randomUUID().slice(0, 8);
    this.logger = options.logger ?? consoleLogger;
    this.lock = new RelayLeaderLock(
      options.databaseUrl,
      options.name,
      `samad-relay:${options.name}:${this.instanceId}`,
      options.heartbeatMs ?? 1000,
      this.logger,
    );
  }

  get stats(): KafkaRelayStats {
    return {
      isLeader: this.leading,
      published: this.published,
      batches: this.batches,
      kafkaFailures: this.kafkaFailures,
      checkpoint: this.checkpoint,
    };
  }

  /** Starts competing for leadership in the background; returns at once. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Stops relaying, releases the lock. Whatever was published but not checkpointed is sent again by the next leader. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.leadershipEnd?.('stopped');
    this.wake.fire();
    await this.running;
    this.running = undefined;
    await this.lock.close();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      if (await this.lock.tryAcquire()) {
        try {
          await this.lead();
        } catch (error) {
          this.logger.error('Relay leadership failed', {
            relay: this.options.name,
            error: errorMessage(error),
          });
        } finally {
          await this.lock.release();
        }
        if (this.stopping) break;
      }
      await this.wake.wait(this.options.lockRetryMs ?? 2000);
    }
  }

  private async lead(): Promise<void> {
    const ended = new Promise<string>((resolve) => (this.leadershipEnd = resolve));
    const unlisten = this.lock.onLost((reason) => this.leadershipEnd?.(`lock connection lost: ${reason}`));
    this.leading = true;
    this.buffer = [];
    let subscription: AllSubscription | undefined;
    try {
      this.checkpoint = await this.lock.readCheckpoint();
      this.logger.info('Relay is leader', {
        relay: this.options.name,
        instance: this.instanceId,
        from: this.checkpoint ? formatPosition(this.checkpoint) : 'start',
      });
      subscription = this.options.store.subscribeToAll({
        fromCheckpoint: this.checkpoint,
        onEvent: (event) => this.enqueue(event),
      });
      const reason = await Promise.race([
        ended,
        subscription.done.then(
          () => 'subscription ended',
          (error: unknown) => `subscription failed: ${errorMessage(error)}`,
        ),
      ]);
      this.logger.info('Relay stops leading', {
        relay: this.options.name,
        instance: this.instanceId,
        reason,
      });
    } finally {
      this.leading = false;
      this.leadershipEnd = undefined;
      unlisten();
      if (this.lingerTimer) clearTimeout(this.lingerTimer);
      this.lingerTimer = undefined;
      // Cut short a publish backoff or an in-flight send, so the handler returns and the subscription can stop.
      this.wake.fire();
      await this.disconnectProducer();
      await subscription?.stop();
      await this.flushing.catch(() => undefined);
      this.buffer = [];
      await this.disconnectProducer();
    }
  }

  private async enqueue(event: RecordedEvent): Promise<void> {
    this.buffer.push(event);
    if (this.buffer.length >= (this.options.batchSize ?? 500)) {
      // Back-pressure: the subscription waits while a full batch is published.
      await this.flush();
    } else if (!this.lingerTimer) {
      this.lingerTimer = setTimeout(() => {
        this.lingerTimer = undefined;
        this.flush().catch((error: unknown) => this.leadershipEnd?.(errorMessage(error)));
      }, this.options.lingerMs ?? 5);
    }
  }

  private flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.publishBuffered());
    return this.flushing;
  }

  private async publishBuffered(): Promise<void> {
    const batch = this.buffer;
    if (batch.length === 0) return;
    this.buffer = [];
    await this.publishUntilAcked(batch);
    const last = batch[batch.length - 1].position;
    // Only after Kafka acked: a crash before this line republishes the batch, never skips it.
    await this.lock.saveCheckpoint(last);
    this.checkpoint = last;
    this.published += batch.length;
    this.batches += 1;
  }

  private async publishUntilAcked(batch: readonly RecordedEvent[]): Promise<void> {
    const topicMessages = this.toTopicMessages(batch);
    if (topicMessages.length === 0) return;
    let delay = this.options.retry?.initialMs ?? 250;
    for (;;) {
      if (!this.leading || this.stopping) throw new LeadershipEnded('no longer leader');
      try {
        const producer = await this.connectedProducer();
        await producer.sendBatch({ topicMessages, acks: -1 });
        return;
      } catch (error) {
        if (!this.leading || this.stopping) throw new LeadershipEnded('no longer leader');
        this.kafkaFailures += 1;
        this.logger.warn('Kafka publish failed; retrying (checkpoint not advanced)', {
          relay: this.options.name,
          events: batch.length,
          delay,
          error: errorMessage(error),
        });
        // A fresh producer after a failure: the old one's idempotence state may not survive a broker restart.
        await this.disconnectProducer();
        await this.wake.wait(delay);
        delay = Math.min(delay * 2, this.options.retry?.maxMs ?? 5000);
      }
    }
  }

  private toTopicMessages(batch: readonly RecordedEvent[]): TopicMessages[] {
    const byTopic = new Map<string, Message[]>();
    const add = (topic: string, message: Message): void => {
      let messages = byTopic.get(topic);
      if (!messages) byTopic.set(topic, (messages = []));
      messages.push(message);
    };
    for (const event of batch) {
      if (this.options.include && !this.options.include(event)) continue;
      const headers = {
        'event-id': event.id,
        'event-type': event.type,
        position: formatPosition(event.position),
        'stream-revision': event.streamRevision.toString(),
      };
      const topic = typeof this.options.topic === 'string' ? this.options.topic : this.options.topic(event);
      let value: string;
      try {
        value = this.options.encode ? this.options.encode(event) : JSON.stringify(recordedEventToJson(event));
      } catch (error) {
        if (!this.options.deadLetterTopic) throw error;
        this.logger.error('Relay parks an event it cannot encode', {
          relay: this.options.name,
          eventId: event.id,
          error: errorMessage(error),
        });
        add(this.options.deadLetterTopic, unpublishableNotice(event, topic, error, headers));
        continue;
      }
      // The stream id as key keeps each request's events on one partition, in order.
      add(topic, { key: event.streamId, value, headers });
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Bounded, so a broker outage comes back to our loop (which checks leadership) instead of blocking forever.
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private async disconnectProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}

// Names the event and why, never its data: a stored event may hold sealed personal data.
function unpublishableNotice(
  event: RecordedEvent,
  topic: string,
  error: unknown,
  headers: Record<string, string>,
): Message {
  return {
    key: event.streamId,
    headers,
    value: JSON.stringify({
      originalTopic: topic,
      partition: 0,
      offset: '0',
      key: event.streamId,
      reason: 'unpublishable',
      error: errorMessage(error),
      failedAt: new Date().toISOString(),
      payload: JSON.stringify({
        eventId: event.id,
        streamId: event.streamId,
        streamRevision: event.streamRevision.toString(),
        position: formatPosition(event.position),
        type: event.type,
      }),
      payloadEncoding: 'utf8',
      consumerGroup: 'relay',
    }),
  };
}
