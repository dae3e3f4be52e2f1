import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  Topics,
  decodeIntegrationEvent,
  type IntegrationEvent,
  type IntegrationEventValidation,
} from '@samad/events';
import { failureKind } from '../failures/failure-kind';
import { runWithRequestContext } from '../observability/request-context';
import type { SamadMetrics } from '../observability/samad-metrics';
import { contextFrom, inSpan, SpanKind } from '../observability/tracing';
import { Backoff } from './backoff';
import { Outbox, SamadMessageContext } from './samad-message.context';
import {
  deadLetterOf,
  errorText,
  parkMessages,
  parkedIdOf,
  redriveRequested,
  type ParkingTicket,
} from './parked-messages.sql';

export interface SamadKafkaServerOptions {
  readonly kafka: Kafka;
  readonly dataSource: DataSource;
  /** Schema holding this service's processed_events and parked_messages. */
  readonly schema: string;
  /** Consumer group id; also the name processed and parked messages are recorded under. */
  readonly groupId: string;
  readonly topics?: readonly string[];
  /** Backoff while a dependency is away: initial and cap, ms. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
  readonly partitionsConsumedConcurrently?: number;
  /** Most messages applied in one transaction; a bigger Kafka batch is split. Default 500. */
  readonly maxMessagesPerTransaction?: number;
  /** How often parked messages an operator asked to re-drive are looked for. Default 2000 ms. */
  readonly redrivePollMs?: number;
  readonly clock?: () => Date;
  /** Lag, batch sizes and times per partition (ADR 0035). */
  readonly metrics?: SamadMetrics;
}

export interface ConsumerStats {
  readonly running: boolean;
  /** Messages behind the partitions' high watermarks, as of each partition's last batch. */
  readonly lag: number;
  /** Partitions waiting on a transient failure, with how long and why. */
  readonly stalled: readonly { partition: string; sinceMs: number; error: string }[];
  readonly batches: number;
  readonly applied: number;
}

interface Item {
  readonly message: KafkaMessage;
  readonly decoded: IntegrationEventValidation;
}

/** A handler refused an event for good; the batch is rerun with that message parked instead. */
class Refusal extends Error {
  constructor(
    readonly offset: string,
    readonly reason: unknown,
  ) {
    super(`refused at offset ${offset}`);
  }
}

/**
 * Samad's Kafka transport for `@nestjs/microservices` (ADR 0010). Each partition's batch runs in ONE database
 * transaction: processed-event records, every handler's effect, parked messages; messages handlers publish
 * and dead letters are sent before it commits. Transient failures are retried without limit (the partition
 * waits, nothing is committed); only what can never succeed is parked, once.
 */
export class SamadKafkaServer extends Server implements CustomTransportStrategy {
  private readonly log: Logger;
  private consumer?: Consumer;
  private producer?: Producer;
  private stopping = false;
  private running?: Promise<void>;
  private connected = false;
  private redriveTimer?: NodeJS.Timeout;
  private readonly lagByPartition = new Map<string, number>();
  private readonly stalls = new Map<string, { since: number; error: string }>();
  private batches = 0;
  private applied = 0;
  private readonly wakers = new Set<() => void>();

  constructor(private readonly options: SamadKafkaServerOptions) {
    super();
    this.log = new Logger(`Consumer:${options.groupId}`);
  }

  listen(callback: (...args: unknown[]) => void): void {
    // Start-up does not wait for Kafka: the consumer keeps trying and readiness says so meanwhile.
    this.running = this.connectWithRetry();
    this.redriveTimer = setInterval(
      () => void this.redrive().catch((e: unknown) => this.log.warn(`re-drive: ${errorText(e)}`)),
      this.options.redrivePollMs ?? 2000,
    );
    callback();
  }

  async close(): Promise<void> {
    this.stopping = true;
    clearInterval(this.redriveTimer);
    for (const wake of this.wakers) wake();
    await this.running;
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.connected = false;
  }

  on(): never {
    throw new Error('SamadKafkaServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  stats(): ConsumerStats {
    const now = Date.now();
    return {
      running: this.connected,
      lag: [...this.lagByPartition.values()].reduce((a, b) => a + b, 0),
      stalled: [...this.stalls].map(([partition, s]) => ({
        partition,
        sinceMs: now - s.since,
        error: s.error,
      })),
      batches: this.batches,
      applied: this.applied,
    };
  }

  /** Open parked messages of this consumer (not yet re-driven). */
  async parkedCount(): Promise<number> {
    const [row]: { n: string }[] = await this.options.dataSource.query(
      `SELECT count(*) AS n FROM "${this.options.schema}".parked_messages WHERE consumer = $1 AND redriven_at IS NULL`,
      [this.options.groupId],
    );
    return Number(row.n);
  }

  private async connectWithRetry(): Promise<void> {
    const backoff = new Backoff(500, 5000);
    while (!this.stopping) {
      try {
        await this.connect();
        return;
      } catch (error) {
        this.log.warn(`consumer could not start (${errorText(error)}); retrying`);
        await this.consumer?.disconnect().catch(() => undefined);
        await this.producer?.disconnect().catch(() => undefined);
        await this.sleep(backoff.take());
      }
    }
  }

  private async connect(): Promise<void> {
    const { kafka, groupId, topics = [Topics.requestEvents] } = this.options;
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    await this.producer.connect();
    this.consumer = kafka.consumer({
      groupId,
      // After a broker restart the group waits out the old member's session: keep it short (we heartbeat
      // between transactions and while waiting, and a transaction holds at most 500 messages).
      sessionTimeout: 15000,
      heartbeatInterval: 1000,
      // We restart a crashed consumer ourselves, with a short cap, so it rejoins soon after the broker is back.
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000, restartOnFailure: async () => false },
    });
    const consumer = this.consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (consumer !== this.consumer) return; // an old consumer's last words
      this.connected = false;
      this.log.warn(`consumer crashed (${errorText(payload.error)}); starting a fresh one`);
      if (!this.stopping) {
        this.running = (async () => {
          await consumer.disconnect().catch(() => undefined);
          await this.producer?.disconnect().catch(() => undefined);
          await this.connectWithRetry();
        })();
      }
    });
    consumer.on(consumer.events.GROUP_JOIN, () => (this.connected = true));
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const chunkSize = this.options.maxMessagesPerTransaction ?? 500;
    // A big backlog is applied in bounded transactions, each committed and heartbeated before the next.
    const labels = { group: this.options.groupId, topic: batch.topic, partition: String(batch.partition) };
    for (let from = 0; from < batch.messages.length; from += chunkSize) {
      const messages = batch.messages.slice(from, from + chunkSize);
      const stopTimer = this.options.metrics?.consumerBatchDuration.startTimer(labels);
      if (!(await this.applyUntilDone(batch.topic, batch.partition, messages, payload))) return;
      stopTimer?.();
      const last = messages[messages.length - 1].offset;
      resolveOffset(last);
      const lag = Math.max(0, Number(batch.highWatermark) - Number(last) - 1);
      this.lagByPartition.set(`${batch.topic}/${batch.partition}`, lag);
      this.options.metrics?.consumerLag.set(labels, lag);
      this.options.metrics?.consumerBatchSize.observe(labels, messages.length);
      this.options.metrics?.consumerMessages.inc(
        { group: labels.group, topic: labels.topic },
        messages.length,
      );
      this.batches += 1;
      await heartbeat().catch(() => undefined);
      await commitOffsetsIfNecessary().catch((e: unknown) => this.log.warn(`offset commit: ${errorText(e)}`));
      if (!isRunning() || isStale()) return;
    }
  }

  /** Applies one chunk, waiting out transient failures; false when the consumer stops or loses the partition. */
  private async applyUntilDone(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
    { heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<boolean> {
    const where = `${topic}/${partition}`;
    const items: Item[] = messages.map((message) => ({
      message,
      decoded: decodeIntegrationEvent(message.value),
    }));
    const refusals = new Map<string, unknown>();
    const backoff = new Backoff(this.options.retry?.initialMs ?? 200, this.options.retry?.maxMs ?? 10000);
    for (;;) {
      // Stopping or rebalanced: leave the rest uncommitted; whoever owns the partition next gets it again.
      if (this.stopping || !isRunning() || isStale()) return false;
      try {
        await this.applyBatch(topic, partition, items, refusals);
        if (this.stalls.delete(where)) this.log.log(`${where} resumed`);
        return true;
      } catch (error) {
        if (error instanceof Refusal) {
          refusals.set(error.offset, error.reason);
          continue;
        }
        const first = !this.stalls.has(where);
        if (first) this.stalls.set(where, { since: Date.now(), error: errorText(error) });
        const delay = backoff.take();
        if (first || delay >= (this.options.retry?.maxMs ?? 10000)) {
          this.log.warn(
            `${where} waits (${failureKind(error)} failure: ${errorText(error)}); retrying in ${delay} ms`,
          );
        }
        await this.sleep(delay, heartbeat);
      }
    }
  }

  /** One transaction for the whole partition batch; throws a Refusal to rerun it with one more message parked. */
  private async applyBatch(
    topic: string,
    partition: number,
    items: readonly Item[],
    refusals: ReadonlyMap<string, unknown>,
  ): Promise<void> {
    const { schema, groupId } = this.options;
    const isCandidate = (item: Item): item is Item & { decoded: { ok: true; event: IntegrationEvent } } =>
      item.decoded.ok &&
      !refusals.has(item.message.offset) &&
      this.getHandlerByPattern(item.decoded.event.eventType) !== null;
    await this.inTransaction(async (runner, outbox) => {
      const candidates = items.filter(isCandidate).map((item) => item.decoded.event.eventId);
      const fresh = await this.recordProcessed(runner, [...new Set(candidates)]);
      const tickets: ParkingTicket[] = [];
      for (const item of items) {
        const { message, decoded } = item;
        const ticket = { consumer: groupId, topic, partition, message };
        const id = parkedIdOf(groupId, topic, partition, message.offset);
        if (!decoded.ok) {
          tickets.push({ ...ticket, id, reason: decoded.code, error: decoded.reason });
          continue;
        }
        const { event } = decoded;
        if (refusals.has(message.offset)) {
          const reason = refusals.get(message.offset);
          tickets.push({
            ...ticket,
            id,
            eventId: event.eventId,
            eventType: event.eventType,
            reason: 'refused',
            error: errorText(reason),
          });
          continue;
        }
        // Not ours, or already applied (a redelivery, or the relay published it twice): nothing to do.
        if (!fresh.delete(event.eventId)) continue;
        const handler = this.getHandlerByPattern(event.eventType) as MessageHandler;
        try {
          await this.invokeTraced(handler, event, message, {
            manager: runner.manager,
            topic,
            partition,
            offset: message.offset,
            outbox,
          });
        } catch (error) {
          if (failureKind(error) === 'permanent') throw new Refusal(message.offset, error);
          throw error;
        }
        this.applied += 1;
      }
      const parked = await parkMessages(runner.manager, schema, tickets);
      const failedAt = (this.options.clock ?? (() => new Date()))();
      for (const t of parked) {
        this.log.error(`parked ${topic}/${partition}@${t.message.offset} (${t.reason}): ${t.error}`);
        outbox.add(Topics.deadLetter, deadLetterOf(t, failedAt));
      }
    });
  }

  /** Runs work in a transaction; sends its outbox before committing (at-least-once, never lost). */
  private async inTransaction(work: (runner: QueryRunner, outbox: Outbox) => Promise<void>): Promise<void> {
    const runner = this.options.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      const outbox = new Outbox();
      await work(runner, outbox);
      if (!outbox.isEmpty) {
        if (!this.producer) throw new Error('Kafka producer not connected');
        await this.producer.sendBatch({ topicMessages: outbox.topicMessages(), acks: -1 });
      }
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  private async recordProcessed(runner: QueryRunner, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows: { event_id: string }[] = await runner.query(
      `INSERT INTO "${this.options.schema}".processed_events (consumer, event_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.options.groupId, eventIds],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  /**
   * Runs a handler as a consumer span continuing the traceparent the message carries, with the event's
   * correlation id on every log line and on the events and messages the handler causes.
   */
  private invokeTraced(
    handler: MessageHandler,
    event: IntegrationEvent,
    message: KafkaMessage,
    args: ConstructorParameters<typeof SamadMessageContext>[0][0],
  ): Promise<void> {
    const correlationId = event.correlationId ?? event.eventId;
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': args.topic,
      'messaging.consumer.group.name': this.options.groupId,
      'messaging.destination.partition.id': String(args.partition),
      'samad.event_type': event.eventType,
    };
    const parent = contextFrom(message.headers as Record<string, unknown> | undefined);
    return runWithRequestContext({ correlationId }, () =>
      inSpan(`${args.topic} process`, { kind: SpanKind.CONSUMER, parent, attributes }, async () => {
        await this.invoke(handler, event, args);
        this.log.debug(`applied ${event.eventType} from ${args.topic}/${args.partition}@${args.offset}`);
      }),
    );
  }

  private async invoke(
    handler: MessageHandler,
    event: IntegrationEvent,
    args: ConstructorParameters<typeof SamadMessageContext>[0][0],
  ): Promise<void> {
    const result = await handler(event, new SamadMessageContext([args]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  /** Applies the parked messages an operator asked to re-drive; idempotent, safe with several replicas. */
  private async redrive(): Promise<void> {
    if (!this.connected || this.stopping) return;
    const { dataSource, schema, groupId } = this.options;
    for (const row of await redriveRequested(dataSource, schema, groupId)) {
      const decoded = decodeIntegrationEvent(row.message_value);
      const handler = decoded.ok ? this.getHandlerByPattern(decoded.event.eventType) : null;
      try {
        await this.inTransaction(async (runner, outbox) => {
          const locked: unknown[] = await runner.query(
            `SELECT 1 FROM "${schema}".parked_messages WHERE id = $1 AND redriven_at IS NULL
               AND redrive_requested_at IS NOT NULL FOR UPDATE SKIP LOCKED`,
            [row.id],
          );
          if (locked.length === 0) return; // another replica has it, or it is done
          if (!decoded.ok) throw new Refusal(String(row.kafka_offset), decoded.reason);
          if (handler) {
            const { event } = decoded;
            // Re-apply even if a later version of this consumer recorded it: the operator asked for it.
            await runner.query(
              `DELETE FROM "${schema}".processed_events WHERE consumer = $1 AND event_id = $2`,
              [groupId, event.eventId],
            );
            await this.recordProcessed(runner, [event.eventId]);
            const args = {
              manager: runner.manager,
              topic: row.topic,
              partition: row.kafka_partition,
              offset: String(row.kafka_offset),
              outbox,
            };
            await this.invoke(handler, event, args);
          }
          await runner.query(
            `UPDATE "${schema}".parked_messages SET redriven_at = now(), attempts = attempts + 1 WHERE id = $1`,
            [row.id],
          );
        });
        this.log.log(`re-drove parked message ${row.id}`);
      } catch (error) {
        const reason = error instanceof Refusal ? error.reason : error;
        if (error instanceof Refusal || failureKind(error) === 'permanent') {
          // Still refused: it stays parked with the new reason until someone asks again.
          await dataSource.query(
            `UPDATE "${schema}".parked_messages SET redrive_requested_at = NULL, attempts = attempts + 1, error = $2 WHERE id = $1`,
            [row.id, errorText(reason)],
          );
          this.log.warn(`re-drive of ${row.id} refused again: ${errorText(reason)}`);
        } else throw error; // transient: the next poll tries again
      }
    }
  }

  /** Waits, heartbeating so the group keeps the partition, and wakes early on close. */
  private async sleep(ms: number, heartbeat?: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.stopping && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(1000, deadline - Date.now()));
        this.wakers.add(wake);
      });
      await heartbeat?.().catch(() => undefined);
    }
  }
}
