// The EventStoreDB/KurrentDB adapter: a thin mapping, since the port copies EventStoreDB's semantics.
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError as DbStreamNotFoundError,
  WrongExpectedVersionError as DbWrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type JSONType,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { NotSupportedError, StreamNotFoundError, WrongExpectedVersionError } from '../event-store.errors';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventHandler,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  VerificationResult,
} from '../event-store.port';
import { comparePositions } from '../position';
import { prepareAppend } from '../support/prepare-append';
import { SubscriptionBase } from '../support/subscription-base';

const NO_HASH_CHAIN =
  'EventStoreDB has no update path for events (its log is append-only and checksummed), so this adapter keeps no hash chain';

export class EventStoreDbEventStore implements EventStore {
  constructor(
    readonly client: EventStoreDBClient,
    private readonly ownsClient = true,
  ) {}

  static fromConnectionString(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const append = prepareAppend(streamId, events, options.expectedRevision ?? 'any');
    try {
      const result = await this.client.appendToStream(
        streamId,
        append.events.map((event) =>
          jsonEvent({
            id: event.id,
            type: event.type,
            data: event.data as JSONType,
            metadata: event.metadata,
          }),
        ),
        { expectedRevision: toDbExpected(append.expectedRevision) },
      );
      const position = result.position ?? (await this.positionOf(streamId, result.nextExpectedRevision));
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      if (error instanceof DbWrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedVersionError(
          streamId,
          append.expectedRevision,
          typeof actual === 'bigint' ? actual : 'no_stream',
        );
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    if (options.maxCount === 0) return events;
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof DbStreamNotFoundError) throw new StreamNotFoundError(streamId);
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const after = options.afterPosition;
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: options.fromPosition ?? after ?? START,
    });
    // System events count against the server's maxCount, so filter here and stop reading once we have enough.
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved);
      if (!event || isSystemEvent(event)) continue;
      if (after && comparePositions(event.position, after) <= 0) continue;
      events.push(event);
      if (events.length >= limit) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    return new EventStoreDbAllSubscription(this.client, options.fromCheckpoint, options.onEvent);
  }

  async verifyStream(_streamId: string): Promise<VerificationResult> {
    throw new NotSupportedError('verifyStream', 'eventstoredb', NO_HASH_CHAIN);
  }

  async verifyAll(): Promise<VerificationResult> {
    throw new NotSupportedError('verifyAll', 'eventstoredb', NO_HASH_CHAIN);
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.dispose();
  }

  // Servers before 22.6 return no position on append: read it back.
  private async positionOf(streamId: string, revision: bigint): Promise<Position> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event.position;
  }
}

class EventStoreDbAllSubscription extends SubscriptionBase {
  private readonly subscription: AllStreamSubscription;

  constructor(
    client: EventStoreDBClient,
    fromCheckpoint: Position | undefined,
    onEvent: EventHandler | undefined,
  ) {
    super(onEvent);
    // EventStoreDB's subscribeToAll fromPosition is exclusive, exactly our checkpoint semantics.
    this.subscription = client.subscribeToAll({
      fromPosition: fromCheckpoint ?? START,
      filter: excludeSystemEvents(),
    });
    this.start();
  }

  protected async run(): Promise<void> {
    try {
      for await (const resolved of this.subscription) {
        if (this.isStopped) break;
        const event = toRecordedEvent(resolved);
        if (event && !isSystemEvent(event)) await this.deliver(event);
      }
    } catch (error) {
      if (!this.isStopped) throw error;
    }
  }

  protected interrupt(): void {
    void this.subscription.unsubscribe().catch(() => undefined);
  }
}

const toDbExpected = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
};

const isSystemEvent = (event: RecordedEvent): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

const toRecordedEvent = (resolved: ResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event) return undefined;
  const position: Position = event.position ?? {
    commit: resolved.commitPosition ?? -1n,
    prepare: resolved.commitPosition ?? -1n,
  };
  return {
    id: event.id,
    type: event.type,
    data: event.isJson ? event.data : Buffer.from(event.data as Uint8Array).toString('base64'),
    metadata: toMetadata(event.metadata),
    streamId: event.streamId,
    streamRevision: event.revision,
    position,
    recordedAt: event.created,
    hash: '',
  };
};

const toMetadata = (metadata: unknown): EventMetadata => {
  if (metadata instanceof Uint8Array) {
    if (metadata.length === 0) return {};
    try {
      return JSON.parse(Buffer.from(metadata).toString('utf8')) as EventMetadata;
    } catch {
      return {};
    }
  }
  return metadata && typeof metadata === 'object' ? (metadata as EventMetadata) : {};
};
