import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Seconds: from a fast local call to a slow batch under load.
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const sizeBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500];

/** A source of gauges read when Prometheus scrapes (a cheap SQL count, cached briefly by its owner). */
export type ScrapeCollector = () => Promise<void>;

/**
 * Every series a Samad service exports at `GET /metrics` (ADR 0035): one registry per service (tests run
 * several services in one process). Labels are bounded: route templates, consumer groups, partitions,
 * agency codes, reasons; never a tracking code or anything about a citizen.
 */
export class SamadMetrics {
  readonly registry = new Registry();
  private readonly collectors: ScrapeCollector[] = [];

  readonly httpRequestDuration = new Histogram({
    name: 'samad_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly registrationsAccepted = new Counter({
    name: 'samad_registrations_accepted_total',
    help: 'Requests registered (their RequestRegistered event stored)',
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'samad_event_store_events_appended_total',
    help: 'Events appended to the event store, by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'samad_event_store_append_duration_seconds',
    help: 'Event store appends, from call to durable',
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly appendBatchSize = new Histogram({
    name: 'samad_event_store_append_batch_size',
    help: 'Events per event store append',
    buckets: sizeBuckets,
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'samad_consumer_lag_messages',
    help: "Messages behind the partition's high watermark, as of its last batch",
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
  });
  readonly consumerBatchSize = new Histogram({
    name: 'samad_consumer_batch_size',
    help: 'Messages applied in one consumer transaction',
    labelNames: ['group', 'topic', 'partition'] as const,
    buckets: sizeBuckets,
    registers: [this.registry],
  });
  readonly consumerBatchDuration = new Histogram({
    name: 'samad_consumer_batch_duration_seconds',
    help: 'Time to apply one consumer batch, waits for transient failures included',
    labelNames: ['group', 'topic', 'partition'] as const,
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly consumerMessages = new Counter({
    name: 'samad_consumer_messages_total',
    help: 'Messages a consumer group has applied, passed over or parked',
    labelNames: ['group', 'topic'] as const,
    registers: [this.registry],
  });
  readonly parkedMessages = new Gauge({
    name: 'samad_parked_messages',
    help: 'Parked messages waiting for an operator, by consumer group and reason',
    labelNames: ['group', 'reason'] as const,
    registers: [this.registry],
  });
  readonly relayLag = new Gauge({
    name: 'samad_relay_lag_events',
    help: "Store positions between the relay's checkpoint and the store's head (leader only)",
    labelNames: ['relay'] as const,
    registers: [this.registry],
  });
  readonly relayLeader = new Gauge({
    name: 'samad_relay_leader',
    help: '1 where this replica leads the relay',
    labelNames: ['relay'] as const,
    registers: [this.registry],
  });
  readonly relayPublishDuration = new Histogram({
    name: 'samad_relay_publish_duration_seconds',
    help: 'Time to publish one relay batch to Kafka until acknowledged',
    labelNames: ['relay'] as const,
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly relayPublished = new Counter({
    name: 'samad_relay_published_events_total',
    help: 'Stored events the relay has published (or passed over)',
    labelNames: ['relay'] as const,
    registers: [this.registry],
  });
  readonly readinessUp = new Gauge({
    name: 'samad_readiness_check_up',
    help: '1 when a readiness check passes, 0 when it fails',
    labelNames: ['check'] as const,
    registers: [this.registry],
  });

  // What supervisors watch, read from read models at scrape time (reporting and intake set them).
  readonly openRequests = new Gauge({
    name: 'samad_open_requests',
    help: 'Requests neither answered nor closed, by the agency holding them (none = not routed yet)',
    labelNames: ['agency'] as const,
    registers: [this.registry],
  });
  readonly overdueRequests = new Gauge({
    name: 'samad_overdue_requests',
    help: 'Requests an agency holds past their due time, by agency',
    labelNames: ['agency'] as const,
    registers: [this.registry],
  });
  readonly deadlinesMissed = new Gauge({
    name: 'samad_requests_deadline_missed',
    help: 'Requests whose deadline was missed (ever), by agency',
    labelNames: ['agency'] as const,
    registers: [this.registry],
  });
  readonly escalatedRequests = new Gauge({
    name: 'samad_requests_escalated',
    help: 'Requests escalated, by their current escalation level',
    labelNames: ['level'] as const,
    registers: [this.registry],
  });
  readonly smsNotifications = new Gauge({
    name: 'samad_sms_notifications',
    help: "Citizens' SMS notifications by state: pending, sent, parked (failed for good), cancelled",
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  constructor(service: string, instance?: string) {
    this.registry.setDefaultLabels({ service, ...(instance && { instance_id: instance }) });
    collectDefaultMetrics({ register: this.registry, prefix: 'samad_' });
  }

  /** A gauge source read at scrape time. */
  onScrape(collector: ScrapeCollector): void {
    this.collectors.push(collector);
  }

  /** The exposition text; a failing source leaves its gauges as last read rather than failing the scrape. */
  async render(): Promise<string> {
    await Promise.all(this.collectors.map((collect) => collect().catch(() => undefined)));
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric name this service can export (for checks of alert rules and dashboards). */
  names(): string[] {
    return this.registry.getMetricsAsArray().map((metric) => metric.name);
  }
}
