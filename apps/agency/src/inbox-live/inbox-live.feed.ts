import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Topics, type IntegrationEvent } from '@samad/events';
import {
  Backoff,
  BroadcastConsumer,
  integrationEventOf,
  KAFKA,
  SERVICE_CONFIG,
  serviceConsumerGroup,
  type ServiceConfig,
} from '@samad/service-kit';
import { inboxChangeOf, type InboxChange } from './inbox-change';

export interface InboxSubscriber {
  readonly onChange: (change: InboxChange) => void;
  /** The service is stopping: end the stream (the client reconnects to another replica). */
  readonly onClose: () => void;
}

// How long a change waits for the inbox to show it before it is told anyway (the projection is stalled).
const APPLIED_WAIT_MS = 30_000;

/**
 * Tells the agencies' open inbox screens on THIS replica what changed in their inbox (ADR 0044). Every
 * replica reads every partition of the request topic through its own broadcast group, so a screen hears of
 * each change whichever replica it is connected to and whichever replica's projection applied it; a change
 * is told only once the agency's read model has committed it, so the screen's refetch sees it.
 */
@Injectable()
export class InboxLiveFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('InboxLiveFeed');
  private readonly subscribers = new Map<string, Set<InboxSubscriber>>();
  private readonly consumer: BroadcastConsumer;
  private readonly projectionGroup: string;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly dataSource: DataSource,
  ) {
    this.projectionGroup = serviceConsumerGroup(config.service);
    this.consumer = new BroadcastConsumer({
      kafka,
      topic: Topics.requestEvents,
      groupPrefix: 'samad-agency-live.',
      decode: integrationEventOf,
      onMessage: (event) => this.onEvent(event),
    });
  }

  onApplicationBootstrap(): void {
    this.consumer.start();
  }

  // Before the HTTP server closes: open streams would otherwise hold it open until the shutdown deadline.
  async beforeApplicationShutdown(): Promise<void> {
    for (const set of this.subscribers.values()) for (const s of set) s.onClose();
    this.subscribers.clear();
    await this.consumer.stop();
  }

  /** Resolves once every change from now on will be told. */
  whenReady(): Promise<void> {
    return this.consumer.whenReady();
  }

  subscribe(agencyCode: string, subscriber: InboxSubscriber): () => void {
    const set = this.subscribers.get(agencyCode) ?? new Set<InboxSubscriber>();
    set.add(subscriber);
    this.subscribers.set(agencyCode, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(agencyCode) === set) this.subscribers.delete(agencyCode);
    };
  }

  private onEvent(event: IntegrationEvent): void {
    const change = inboxChangeOf(event);
    if (!change || !this.anyoneListensTo(change.agencyCode)) return;
    void this.afterApplied(event.eventId).then(async () => {
      // Closing, merging, linking and erasure name no agency: the inbox says whose the request is.
      const agencyCode = change.agencyCode ?? (await this.holderOf(change.trackingCode));
      if (agencyCode === undefined) return;
      const told: InboxChange = { trackingCode: change.trackingCode, agencyCode, change: change.change };
      for (const s of this.subscribers.get(agencyCode) ?? []) s.onChange(told);
    });
  }

  // An event that names no agency may concern anyone listening.
  private anyoneListensTo(agencyCode: string | undefined): boolean {
    return agencyCode === undefined ? this.subscribers.size > 0 : this.subscribers.has(agencyCode);
  }

  /** The agency whose inbox holds the request (one row per request), if any does. */
  private async holderOf(trackingCode: string): Promise<string | undefined> {
    try {
      const rows: { agencyCode: string }[] = await this.dataSource.query(
        'SELECT agency_code AS "agencyCode" FROM agency.inbox WHERE tracking_code = $1',
        [trackingCode],
      );
      return rows[0]?.agencyCode;
    } catch (error) {
      this.log.warn(`could not find who holds ${trackingCode}: ${String(error)}`);
      return undefined;
    }
  }

  /** Waits until the inbox projection (any replica of it) has committed this event. */
  private async afterApplied(eventId: string): Promise<void> {
    const backoff = new Backoff(20, 1000);
    const deadline = Date.now() + APPLIED_WAIT_MS;
    while (Date.now() < deadline) {
      try {
        const rows: unknown[] = await this.dataSource.query(
          'SELECT 1 FROM agency.processed_events WHERE consumer = $1 AND event_id = $2',
          [this.projectionGroup, eventId],
        );
        if (rows.length > 0) return;
      } catch (error) {
        this.log.debug(`could not check ${eventId}: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, backoff.take()));
    }
    this.log.warn(`event ${eventId} not applied after ${APPLIED_WAIT_MS} ms; telling the screens anyway`);
  }
}
