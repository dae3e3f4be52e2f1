// An in-memory stand-in for the EventStoreDB client: just the calls the adapter makes, with the server's
// expected-revision and idempotency rules, so the adapter's chaining runs in unit tests without a server.
import { randomUUID } from 'node:crypto';
import {
  StreamNotFoundError as DbStreamNotFoundError,
  WrongExpectedVersionError as DbWrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventStoreDBClient,
} from '@eventstore/db-client';

interface StoredEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  isJson: true;
  position: { commit: bigint; prepare: bigint };
  created: Date;
}

interface EventData {
  id: string;
  type: string;
  data: unknown;
  metadata?: unknown;
}

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}));

export class FakeEventStoreDbClient {
  readonly streams = new Map<string, StoredEvent[]>();
  readonly log: StoredEvent[] = [];
  /** Runs once before the next append is applied: simulates a writer that gets in between. */
  beforeNextAppend?: () => unknown;

  constructor() {
    this.appendNow('$stats-127.0.0.1:2113', [{ id: randomUUID(), type: '$statsCollected', data: {} }]);
  }

  asClient(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  async appendToStream(
    streamName: string,
    events: EventData | EventData[],
    options: { expectedRevision?: AppendExpectedRevision } = {},
  ) {
    const hook = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    await hook?.();
    const batch = Array.isArray(events) ? events : [events];
    const expected = options.expectedRevision ?? 'any';
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length > 0 ? BigInt(stream.length - 1) : undefined;
    const idempotent = this.idempotentResult(stream, batch, expected);
    if (idempotent) return idempotent;
    const holds =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      expected === current;
    if (!holds) {
      throw new DbWrongExpectedVersionError(undefined, {
        streamName,
        expected,
        current: current ?? 'no_stream',
      });
    }
    return this.appendNow(streamName, batch);
  }

  async *readStream(
    streamName: string,
    options: { direction?: string; fromRevision?: bigint | string; maxCount?: number } = {},
  ) {
    const stream = this.streams.get(streamName);
    if (!stream) throw new DbStreamNotFoundError(undefined, streamName);
    const backwards = options.direction === 'backwards';
    const ordered = backwards ? [...stream].reverse() : stream;
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : undefined;
    let count = 0;
    for (const event of ordered) {
      if (from !== undefined && (backwards ? event.revision > from : event.revision < from)) continue;
      if (options.maxCount !== undefined && count >= options.maxCount) return;
      count++;
      yield { event: { ...event } };
    }
  }

  async *readAll(options: { fromPosition?: { commit: bigint; prepare: bigint } | string } = {}) {
    const from = typeof options.fromPosition === 'object' ? options.fromPosition.commit : -1n;
    for (const event of this.log) if (event.position.commit >= from) yield { event: { ...event } };
  }

  async dispose(): Promise<void> {}

  private idempotentResult(stream: StoredEvent[], batch: EventData[], expected: AppendExpectedRevision) {
    const start = expected === 'no_stream' ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : -1;
    const candidates =
      start >= 0
        ? stream.slice(start, start + batch.length)
        : stream.filter((e) => batch.some((b) => b.id === e.id));
    if (candidates.length !== batch.length || !candidates.every((e, i) => e.id === batch[i].id))
      return undefined;
    const last = candidates[candidates.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  private appendNow(streamName: string, batch: EventData[]) {
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    let last: StoredEvent | undefined;
    for (const event of batch) {
      const position = BigInt(1000 + this.log.length * 100);
      last = {
        streamId: streamName,
        id: event.id,
        revision: BigInt(stream.length),
        type: event.type,
        data: roundTrip(event.data),
        metadata: roundTrip(event.metadata),
        isJson: true,
        position: { commit: position, prepare: position },
        created: new Date(1_767_000_000_000 + this.log.length),
      };
      stream.push(last);
      this.log.push(last);
    }
    return { success: true, nextExpectedRevision: last!.revision, position: last!.position };
  }
}
