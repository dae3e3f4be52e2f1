// The EventStoreDB/KurrentDB adapter: a thin mapping, since the port copies EventStoreDB's semantics, plus the
// per-stream hash chain the server does not keep, computed and checked here (ADR 0043).
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError as DbStreamNotFoundError,
  WrongExpectedVersionError as DbWrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type JSONType,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedVersionError } from '../event-store.errors';
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
import { verifyChain } from '../support/client-side-chain';
import { prepareAppend, type PreparedAppend, type PreparedEvent } from '../support/prepare-append';
import { SubscriptionBase } from '../support/subscription-base';
import { chainedEventOf, sealEvents, unsealMetadata } from './eventstoredb-chain';

const UNPINNED_APPEND_ATTEMPTS = 10;

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
    // An unpinned expectation is retried: another writer moved the head between our read and our append.
    const attempts =
      typeof append.expectedRevision === 'bigint' || append.expectedRevision === 'no_stream'
        ? 1
        : UNPINNED_APPEND_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendChained(append);
      } catch (error) {
        if (!(error instanceof DbWrongExpectedVersionError)) throw error;
        if (attempt < attempts) {
          // A random pause, so writers that collided do not collide again in lockstep.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
          continue;
        }
        const actual = error.actualVersion;
        throw new WrongExpectedVersionError(
          streamId,
          append.expectedRevision,
          typeof actual === 'bigint' ? actual : 'no_stream',
        );
      }
    }
  }

  /** Reads the head, chains the events onto it, and appends only if the head has not moved meanwhile. */
  private async appendChained(append: PreparedAppend): Promise<AppendResult> {
    const { streamId, expectedRevision } = append;
    const pinned = typeof expectedRevision === 'bigint' || expectedRevision === 'no_stream';
    // Unpinned supplied ids may be a retry: look for them in the whole stream, as the PostgreSQL adapter does.
    const scanForIds = append.idsSupplied && !pinned;
    const stored = await this.readStreamOrEmpty(
      streamId,
      scanForIds ? {} : { direction: 'backwards', maxCount: 1 },
    );
    const last = stored.length > 0 ? stored[stored.length - 1] : undefined;
    const head = last && { revision: last.streamRevision, hash: last.hash };
    if (scanForIds) {
      const already = alreadyAppended(stored, append.events);
      if (already) return already;
    }
    const sealed = sealEvents(streamId, head, append.events);
    // A pinned expectation the stream has already passed cannot be written: the server answers it
    // (the original result for a retry, else WrongExpectedVersion), so the chain computed here never lands.
    const serverAnswers =
      pinned && head !== undefined && (expectedRevision === 'no_stream' || head.revision > expectedRevision);
    if (!serverAnswers) assertExpected(append, head?.revision);
    const result = await this.client.appendToStream(
      streamId,
      sealed.map((event) =>
        jsonEvent({
          id: event.id,
          type: event.type,
          data: event.data as JSONType,
          metadata: event.metadata as JSONType,
        }),
      ),
      { expectedRevision: serverAnswers ? toDbExpected(expectedRevision) : (head?.revision ?? NO_STREAM) },
    );
    const position = result.position ?? (await this.positionOf(streamId, result.nextExpectedRevision));
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  }

  private async readStreamOrEmpty(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    try {
      return await this.readStream(streamId, options);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
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

  /** The server keeps no chain: recomputes the one this adapter wrote into each event's metadata. */
  async verifyStream(streamId: string): Promise<VerificationResult> {
    const events = await this.readStream(streamId);
    return verifyChain(events.map(chainedEventOf));
  }

  /** Every non-system event of $all, in global order. */
  async verifyAll(): Promise<VerificationResult> {
    return verifyChain(mapAsync(this.readAllEvents(), chainedEventOf));
  }

  /** $all without system events, in global order, streamed rather than collected. */
  async *readAllEvents(after?: Position): AsyncGenerator<RecordedEvent> {
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: after ?? START });
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved);
      if (!event || isSystemEvent(event)) continue;
      if (after && comparePositions(event.position, after) <= 0) continue;
      yield event;
    }
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

/** The caller's expectation against the head we read; the append itself then pins that head. */
const assertExpected = (append: PreparedAppend, headRevision: bigint | undefined): void => {
  const expected: ExpectedRevision = append.expectedRevision;
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && headRevision === undefined) ||
    (expected === 'stream_exists' && headRevision !== undefined) ||
    expected === headRevision;
  if (!holds) throw new WrongExpectedVersionError(append.streamId, expected, headRevision ?? 'no_stream');
};

/** The original result when every id is already stored (a retry); refuses a partial overlap. */
const alreadyAppended = (
  stored: readonly RecordedEvent[],
  events: readonly PreparedEvent[],
): AppendResult | undefined => {
  const ids = new Set(events.map((event) => event.id));
  const found = stored.filter((event) => ids.has(event.id));
  if (found.length === 0) return undefined;
  if (found.length < events.length) {
    throw new DuplicateEventIdError(
      found[0].streamId,
      found.map((event) => event.id),
    );
  }
  const last = found[found.length - 1];
  return { nextExpectedRevision: last.streamRevision, position: last.position };
};

const toDbExpected = (expected: 'no_stream' | bigint): AppendExpectedRevision =>
  expected === 'no_stream' ? NO_STREAM : expected;

async function* mapAsync<T, U>(source: AsyncIterable<T>, map: (item: T) => U): AsyncGenerator<U> {
  for await (const item of source) yield map(item);
}

const isSystemEvent = (event: RecordedEvent): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

const toRecordedEvent = (resolved: ResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event) return undefined;
  const position: Position = event.position ?? {
    commit: resolved.commitPosition ?? -1n,
    prepare: resolved.commitPosition ?? -1n,
  };
  const { metadata, hash } = unsealMetadata(toMetadata(event.metadata));
  return {
    id: event.id,
    type: event.type,
    data: event.isJson ? event.data : Buffer.from(event.data as Uint8Array).toString('base64'),
    metadata,
    streamId: event.streamId,
    streamRevision: event.revision,
    position,
    recordedAt: event.created,
    hash,
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
