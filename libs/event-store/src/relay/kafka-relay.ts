// Tails the store in global order and publishes to Kafka; one leader per relay name (ADR 0004), each batch
// at-least-once or, with `exactlyOnce`, in one Kafka transaction with the relay's position (ADR 0018).
import { randomUUID } from 'node:crypto';
import { propagation, ROOT_CONTEXT, SpanKind, trace, type Span } from '@opentelemetry/api';
import type { Kafka, Message, PartitionOffset, Producer, TopicMessages, Transaction } from 'kafkajs';
import type { AllSubscription, EventStore, Position, RecordedEvent } from '../event-store.port';
import { comparePositions, formatPosition, parsePosition } from '../position';
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
  /** One topic for everything, or a topic per event (unless `route` says where each event goes). */
  readonly topic?: string | ((event: RecordedEvent) => string);
  /** The message value; default: the recorded event as JSON. Services pass their integration-event encoder. */
  readonly encode?: (event: RecordedEvent) => string;
  /** Which events to publish; the others are passed over (the checkpoint still moves past them). Default: all. */
  readonly include?: (event: RecordedEvent) => boolean;
  /**
   * Instead of `topic` and `encode`: the messages one stored event becomes (none, one or several), worked out
   * once per batch. An error it throws is retried, unless `isPermanentError` says it can never succeed.
   */
  readonly route?: (event: RecordedEvent) => Promise<readonly RelayedMessage[]>;
  readonly isPermanentError?: (error: unknown) => boolean;
  /**
   * Where an event goes when `encode` (or `route`, permanently) fails: a notice naming the event (no data)
   * instead of a relay stalled for ever. Without it, such a failure stops the batch.
   */
  readonly deadLetterTopic?: string;
  /**
   * Publish each batch in one Kafka transaction that also commits the relay's position (as the offset metadata
   * of a consumer group named after the relay, on `checkpointTopic`): a batch lands whole or not at all, and
   * after any failure or failover the relay asks Kafka what landed, so nothing is published twice. Consumers
   * must read committed messages only (kafkajs does by default). The PostgreSQL checkpoint is then a lower bound.
   */
  readonly exactlyOnce?: { readonly checkpointTopic: string };
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
  /** Told of each batch Kafka acknowledged: how many events, and how long publishing took (for metrics). */
  readonly onPublished?: (batch: { readonly events: number; readonly seconds: number }) => void;
}

export interface RelayedMessage {
  readonly topic: string;
  readonly message: Message;
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
  /** With `exactlyOnce`: what Kafka says this relay has committed; undefined = ask Kafka before publishing. */
  private committedThrough: Position | null | undefined;
  private openTransaction: Transaction | undefined;

  constructor(private readonly options: KafkaRelayOptions) {
    if (!options.topic && !options.route) throw new Error(`Relay ${options.name} needs a topic or a route`);
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
    this.committedThrough = undefined;
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
    const started = performance.now();
    const spans: Span[] = [];
    try {
      const messages = await this.messagesOf(batch, spans);
      await this.publishUntilAcked(batch, messages);
    } finally {
      for (const span of spans) span.end();
    }
    this.options.onPublished?.({ events: batch.length, seconds: (performance.now() - started) / 1000 });
    const last = batch[batch.length - 1].position;
    // Only after Kafka acked: a crash before this line republishes the batch, never skips it.
    await this.lock.saveCheckpoint(last);
    this.checkpoint = last;
    this.published += batch.length;
    this.batches += 1;
  }

  /** Each event's messages, in batch order; an event that can never be published becomes a dead-letter notice. */
  private async messagesOf(batch: readonly RecordedEvent[], spans: Span[]): Promise<RelayedMessage[][]> {
    const result: RelayedMessage[][] = [];
    for (const event of batch) {
      if (this.options.include && !this.options.include(event)) {
        result.push([]);
        continue;
      }
      const headers = {
        'event-id': event.id,
        'event-type': event.type,
        position: formatPosition(event.position),
        'stream-revision': event.streamRevision.toString(),
        ...this.traceHeaders(event, spans),
      };
      try {
        result.push(await this.routeUntilDone(event, headers));
      } catch (error) {
        if (error instanceof LeadershipEnded || !this.options.deadLetterTopic) throw error;
        this.logger.error('Relay parks an event it cannot publish', {
          relay: this.options.name,
          eventId: event.id,
          error: errorMessage(error),
        });
        const { topic: target } = this.options;
        const topic = typeof target === 'function' ? target(event) : (target ?? this.options.name);
        result.push([
          { topic: this.options.deadLetterTopic, message: unpublishableNotice(event, topic, error, headers) },
        ]);
      }
    }
    return result;
  }

  /**
   * The traceparent the event's messages carry: a publish span continuing the trace its append stored in the
   * metadata (ADR 0035), or that stored traceparent itself where this process does not trace.
   */
  private traceHeaders(event: RecordedEvent, spans: Span[]): Record<string, string> {
    const stored = event.metadata.traceparent;
    if (typeof stored !== 'string') return {};
    const parent = propagation.extract(ROOT_CONTEXT, { traceparent: stored });
    if (!trace.getSpanContext(parent)) return {};
    const span = trace.getTracer('samad').startSpan(
      `${this.options.name} publish`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'samad.relay': this.options.name,
          'samad.event_type': event.type,
        },
      },
      parent,
    );
    spans.push(span);
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), carrier);
    return carrier.traceparent ? carrier : { traceparent: stored };
  }

  // Throws only what can never succeed; anything else (a store read during an outage) waits and tries again.
  private async routeUntilDone(
    event: RecordedEvent,
    headers: Record<string, string>,
  ): Promise<RelayedMessage[]> {
    const { route, isPermanentError } = this.options;
    if (!route) {
      const topic = typeof this.options.topic === 'string' ? this.options.topic : this.options.topic!(event);
      const value = this.options.encode
        ? this.options.encode(event)
        : JSON.stringify(recordedEventToJson(event));
      // The stream id as key keeps each request's events on one partition, in order.
      return [{ topic, message: { key: event.streamId, value, headers } }];
    }
    let delay = this.options.retry?.initialMs ?? 250;
    for (;;) {
      if (!this.leading || this.stopping) throw new LeadershipEnded('no longer leader');
      try {
        return (await route(event)).map(({ topic, message }) => ({
          topic,
          message: { ...message, headers: { ...headers, ...message.headers } },
        }));
      } catch (error) {
        if (isPermanentError?.(error)) throw error;
        this.logger.warn('Relay could not route an event; retrying', {
          relay: this.options.name,
          eventId: event.id,
          delay,
          error: errorMessage(error),
        });
        await this.wake.wait(delay);
        delay = Math.min(delay * 2, this.options.retry?.maxMs ?? 5000);
      }
    }
  }

  private async publishUntilAcked(
    batch: readonly RecordedEvent[],
    messages: RelayedMessage[][],
  ): Promise<void> {
    let delay = this.options.retry?.initialMs ?? 250;
    for (;;) {
      if (!this.leading || this.stopping) throw new LeadershipEnded('no longer leader');
      try {
        const producer = await this.connectedProducer();
        if (this.options.exactlyOnce) await this.publishInTransaction(producer, batch, messages);
        else if (messages.some((m) => m.length > 0))
          await producer.sendBatch({ topicMessages: byTopic(messages.flat()), acks: -1 });
        return;
      } catch (error) {
        if (!this.leading || this.stopping) throw new LeadershipEnded('no longer leader');
        // The coordinator is still writing the previous transaction's markers: nothing landed, try again soon.
        if (isConcurrentTransaction(error)) {
          await this.wake.wait(20);
          continue;
        }
        this.kafkaFailures += 1;
        this.logger.warn('Kafka publish failed; retrying (checkpoint not advanced)', {
          relay: this.options.name,
          events: batch.length,
          delay,
          error: errorMessage(error),
        });
        // A fresh producer after a failure: the old one's idempotence state may not survive a broker restart.
        // (A fresh transactional producer also settles the old one's open transaction before we ask what landed.)
        this.committedThrough = undefined;
        await this.disconnectProducer();
        await this.wake.wait(delay);
        delay = Math.min(delay * 2, this.options.retry?.maxMs ?? 5000);
      }
    }
  }

  private async publishInTransaction(
    producer: Producer,
    batch: readonly RecordedEvent[],
    messages: RelayedMessage[][],
  ): Promise<void> {
    if (this.committedThrough === undefined) this.committedThrough = await this.readKafkaCheckpoint();
    const through = this.committedThrough;
    // After a failover or a failed commit, skip what an earlier transaction already published.
    const fresh = batch.flatMap((event, i) =>
      through && comparePositions(event.position, through) <= 0 ? [] : messages[i],
    );
    const last = batch[batch.length - 1].position;
    if (through && comparePositions(last, through) <= 0) return;
    // kafkajs passes the metadata through although its types omit it.
    const position: PartitionOffset & { metadata: string } = {
      partition: 0,
      offset: last.prepare.toString(),
      metadata: formatPosition(last),
    };
    const transaction = await producer.transaction();
    this.openTransaction = transaction;
    try {
      if (fresh.length > 0) await transaction.sendBatch({ topicMessages: byTopic(fresh), acks: -1 });
      await transaction.sendOffsets({
        consumerGroupId: this.checkpointGroup,
        topics: [{ topic: this.options.exactlyOnce!.checkpointTopic, partitions: [position] }],
      });
      await transaction.commit();
    } catch (error) {
      if (transaction.isActive()) await transaction.abort().catch(() => undefined);
      throw error;
    } finally {
      this.openTransaction = undefined;
    }
    this.committedThrough = last;
  }

  private get checkpointGroup(): string {
    return `samad-relay.${this.options.name}`;
  }

  /** The position of the relay's last committed transaction, from its consumer group's offset metadata. */
  private async readKafkaCheckpoint(): Promise<Position | null> {
    const admin = this.options.kafka.admin();
    try {
      await admin.connect();
      const [topic] = await admin.fetchOffsets({
        groupId: this.checkpointGroup,
        topics: [this.options.exactlyOnce!.checkpointTopic],
      });
      const metadata = topic?.partitions.find((p) => p.partition === 0)?.metadata;
      return metadata ? parsePosition(metadata) : null;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.options.kafka.producer({
      // The same id for every instance of a relay: a new leader's producer fences a stale leader's.
      // A leader that dies mid-transaction holds back read-committed consumers until this runs out (or until
      // the next leader's producer starts, which aborts it at once).
      ...(this.options.exactlyOnce && { transactionalId: this.checkpointGroup, transactionTimeout: 15000 }),
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
    // An open transaction would hold back every read-committed consumer of its partitions until it times out.
    const transaction = this.openTransaction;
    this.openTransaction = undefined;
    if (transaction?.isActive()) await transaction.abort().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }
}

type KafkaError = { type?: string; originalError?: KafkaError };
const isConcurrentTransaction = (error: unknown): boolean =>
  (error as KafkaError)?.type === 'CONCURRENT_TRANSACTIONS' ||
  (error as KafkaError)?.originalError?.type === 'CONCURRENT_TRANSACTIONS';

function byTopic(messages: readonly RelayedMessage[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const { topic, message } of messages) {
    const list = topics.get(topic);
    if (list) list.push(message);
    else topics.set(topic, [message]);
  }
  return [...topics].map(([topic, list]) => ({ topic, messages: list }));
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
