// An agency's consumer of its Samad topic (samad.agency.<code>), to copy: kafkajs and fetch (Node 18+), nothing
// else. It acts on each message once in effect, however often Kafka delivers it, through the agency API.
// See ../README.md and docs/agency-integration.md.
import { Kafka, logLevel, type Consumer } from 'kafkajs';

export interface AgencyConsumerSettings {
  /** Bootstrap addresses of Samad's external Kafka listener. */
  readonly brokers: readonly string[];
  /** The agency's Kafka user, `agency-<code>`, and its password (the Secret the province hands over). */
  readonly username: string;
  readonly password: string;
  /** TLS to the broker: true in production; false only for a local test broker. */
  readonly ssl: boolean;
  /** e.g. `ABFA`; the topic is `samad.agency.abfa`. */
  readonly agencyCode: string;
  /** Must start with `agency-<code>-`: the agency's user may use no other consumer group. */
  readonly groupId: string;
  /** The agency service, e.g. `https://samad.example`, and a token with role agency_system. */
  readonly apiUrl: string;
  readonly apiToken: () => Promise<string> | string;
}

/** Ids of messages already acted on. Keep them where your work is (same database, same transaction). */
export interface ProcessedMessages {
  has(eventId: string): Promise<boolean> | boolean;
  add(eventId: string): Promise<void> | void;
}

export const inMemoryProcessedMessages = (): ProcessedMessages & { readonly ids: Set<string> } => {
  const ids = new Set<string>();
  return { ids, has: (id) => ids.has(id), add: (id) => void ids.add(id) };
};

/** The integration envelope (see /asyncapi on the agency service for every field and schema). */
export interface AgencyMessage {
  readonly eventId: string;
  readonly eventType: 'samad.agency.request-assigned' | 'samad.agency.request-updated' | string;
  readonly eventVersion: number;
  readonly streamId: string;
  readonly streamRevision: number;
  readonly data: {
    readonly trackingCode: string;
    readonly change?: string;
    readonly [field: string]: unknown;
  };
}

export interface AgencyConsumerEvents {
  /** After a message was acted on (once per eventId). */
  onHandled?: (message: AgencyMessage) => void;
  /** When a redelivered message was skipped. */
  onDuplicate?: (message: AgencyMessage) => void;
}

export class SamadAgencyApi {
  constructor(private readonly settings: Pick<AgencyConsumerSettings, 'apiUrl' | 'apiToken'>) {}

  private async call(method: 'GET' | 'POST', path: string, body?: object): Promise<unknown> {
    const res = await fetch(`${this.settings.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.settings.apiToken()}`,
        ...(body && { 'content-type': 'application/json' }),
      },
      body: body && JSON.stringify(body),
    });
    const payload: unknown = await res.json().catch(() => undefined);
    // 409: the request moved on meanwhile (answered from the agency's screens, closed, returned): nothing to do.
    if (res.status === 409) return payload;
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(payload)}`);
    return payload;
  }

  /** The description, the citizen's contact and the notes; Samad records every such read. */
  details(trackingCode: string, purpose: string): Promise<unknown> {
    return this.call(
      'GET',
      `/api/agency/requests/${trackingCode}/details?purpose=${encodeURIComponent(purpose)}`,
    );
  }

  answer(trackingCode: string, outcome: 'positive' | 'negative' | 'partial', text: string): Promise<unknown> {
    return this.call('POST', `/api/agency/requests/${trackingCode}/answer`, { outcome, text });
  }
}

/** What the agency does with a message: here, fetch what it needs and answer at once. Replace it with your workflow. */
export async function work(message: AgencyMessage, api: SamadAgencyApi): Promise<void> {
  const { trackingCode, change } = message.data;
  switch (message.eventType) {
    case 'samad.agency.request-assigned':
      await api.details(trackingCode, 'پاسخ خودکار سامانهٔ نمونه');
      await api.answer(trackingCode, 'positive', 'کار در سامانهٔ دستگاه ثبت و انجام شد.');
      return;
    case 'samad.agency.request-updated':
      // personal_data_erased: delete whatever you fetched about the citizen; otherwise update your copy.
      if (change === 'personal_data_erased') return;
      return;
    default:
      // A message type added later: skip it (and upgrade the consumer), never crash on it.
      return;
  }
}

/** Connects with the agency's SCRAM credentials and consumes its topic until `stop()`. */
export async function startAgencyConsumer(
  settings: AgencyConsumerSettings,
  processed: ProcessedMessages = inMemoryProcessedMessages(),
  events: AgencyConsumerEvents = {},
): Promise<{ consumer: Consumer; stop: () => Promise<void> }> {
  const kafka = new Kafka({
    clientId: settings.groupId,
    brokers: [...settings.brokers],
    ssl: settings.ssl,
    sasl: { mechanism: 'scram-sha-512', username: settings.username, password: settings.password },
    logLevel: logLevel.WARN,
  });
  const api = new SamadAgencyApi(settings);
  // kafkajs reads committed messages only (read_committed) by default, as Samad's transactional relay needs.
  const consumer = kafka.consumer({ groupId: settings.groupId });
  await consumer.connect();
  await consumer.subscribe({
    topics: [`samad.agency.${settings.agencyCode.toLowerCase()}`],
    fromBeginning: true,
  });
  await consumer.run({
    // The offset is committed after this returns, so a crash redelivers: the processed ids make that harmless.
    eachMessage: async ({ message: record }) => {
      const message = JSON.parse(record.value?.toString() ?? '{}') as AgencyMessage;
      if (await processed.has(message.eventId)) {
        events.onDuplicate?.(message);
        return;
      }
      await work(message, api);
      await processed.add(message.eventId);
      events.onHandled?.(message);
    },
  });
  return { consumer, stop: () => consumer.disconnect() };
}

/** `node agency-consumer.js` with the settings in the environment (see ../README.md). */
if (require.main === module) {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const agencyCode = env('AGENCY_CODE');
  void startAgencyConsumer(
    {
      brokers: env('KAFKA_BROKERS').split(','),
      username: env('KAFKA_USERNAME'),
      password: env('KAFKA_PASSWORD'),
      ssl: process.env.KAFKA_SSL !== 'false',
      agencyCode,
      groupId: process.env.GROUP_ID ?? `agency-${agencyCode.toLowerCase()}-inbox`,
      apiUrl: env('SAMAD_API_URL'),
      apiToken: () => env('SAMAD_API_TOKEN'),
    },
    inMemoryProcessedMessages(),
    { onHandled: (m) => console.log('handled', m.eventId, m.eventType, m.data.change ?? '') },
  ).then(({ stop }) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
  });
}
