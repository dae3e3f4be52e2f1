// The event store port: EventStoreDB's semantics, so either adapter can sit behind it unchanged.

/** A point in the global order, ordered by `commit` then `prepare` (the same shape as EventStoreDB's). */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** `bigint` is the revision of the stream's last event (0-based), as in EventStoreDB. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface EventActor {
  readonly id: string;
  readonly role: string;
}

export interface EventMetadata {
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor?: EventActor;
  readonly occurredAt?: string;
  readonly [key: string]: unknown;
}

/** An event to append; `id` (a UUID) makes retries idempotent, so supply it when you may retry. */
export interface EventToAppend {
  readonly id?: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly position: Position;
  readonly recordedAt: Date;
  /** Hex SHA-256 chained to the previous event of the stream; '' where the adapter keeps no chain. */
  readonly hash: string;
}

export interface AppendOptions {
  /** Defaults to 'any'. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the stream's last event after this append: pass it as the next expectedRevision. */
  readonly nextExpectedRevision: bigint;
  /** Position of the last event of this append. */
  readonly position: Position;
}

export interface ReadStreamOptions {
  /** Defaults to 'forwards'. */
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  /** Defaults to no limit. */
  readonly maxCount?: number;
}

export type ReadAllOptions = {
  /** Defaults to no limit. */
  readonly maxCount?: number;
} & (
  | { /** Inclusive, as in EventStoreDB. */ readonly fromPosition?: Position; readonly afterPosition?: never }
  | {
      /** Exclusive: the position of the last event you already have (for paging). */ readonly afterPosition?: Position;
      readonly fromPosition?: never;
    }
);

export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

export interface SubscribeToAllOptions {
  /** Exclusive: the position of the last event already processed; omitted = from the very first event. */
  readonly fromCheckpoint?: Position;
  /** Push mode: called once per event, one at a time, awaited. Omit it to consume with `for await`. */
  readonly onEvent?: EventHandler;
}

export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /** Stops delivery; resolves once the handler in progress (if any) has returned. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves after stop(), rejects if the handler or the store failed. */
  readonly done: Promise<void>;
}

export type VerificationFailureReason = 'hash_mismatch' | 'revision_gap' | 'head_mismatch';

export interface BrokenLink {
  readonly streamId: string;
  readonly revision: bigint;
  /** Absent when the link is missing altogether (e.g. the stream's last event was deleted). */
  readonly position?: Position;
  readonly expectedHash: string;
  readonly actualHash: string;
  readonly reason: VerificationFailureReason;
}

export type VerificationResult =
  | { readonly ok: true; readonly eventsChecked: number }
  | { readonly ok: false; readonly eventsChecked: number; readonly brokenLink: BrokenLink };

export interface EventStore {
  /** @throws WrongExpectedVersionError, DuplicateEventIdError, InvalidAppendError */
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** @throws StreamNotFoundError */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Committed events in global order; never returns an event before one that precedes it. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up from the checkpoint, then live until stopped. */
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** Recomputes the stream's hash chain from the stored bytes; reports the first broken link. */
  verifyStream(streamId: string): Promise<VerificationResult>;
  /** Same over every stream; the first broken link in global order. */
  verifyAll(): Promise<VerificationResult>;
  close(): Promise<void>;
}
