// Group commit for appends: concurrent appends share one call to event_store.append_batch (ADR 0003).
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedVersionError } from '../event-store.errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import type { PreparedAppend } from '../support/prepare-append';

/** One row of event_store.append_batch's result, as node-postgres returns it. */
export interface AppendBatchRow {
  readonly append_index: number;
  readonly status: 'ok' | 'idempotent' | 'wrong_expected_version' | 'duplicate';
  readonly revision: string;
  readonly transaction_id: string | null;
  readonly global_position: string | null;
}

export type AppendBatchExecutor = (appendsJson: string) => Promise<AppendBatchRow[]>;

export interface AppendBatcherOptions {
  /** Upper bound on events per call; a single larger append still goes alone. Default 2000. */
  readonly maxBatchEvents?: number;
  /** Calls in flight at once; more overlap one batch's commit with the next one's work. Default 2. */
  readonly maxInFlight?: number;
  /** Told the highest transaction id of each committed batch (drives NOTIFY). */
  readonly onCommitted?: (transactionId: bigint) => void;
}

interface QueuedAppend {
  readonly append: PreparedAppend;
  readonly body: string;
  readonly events: number;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export class AppendBatcher {
  private readonly queue: QueuedAppend[] = [];
  private readonly maxBatchEvents: number;
  private readonly maxInFlight: number;
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly execute: AppendBatchExecutor,
    private readonly options: AppendBatcherOptions = {},
  ) {
    this.maxBatchEvents = options.maxBatchEvents ?? 2000;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  /** Settles when the append's batch has committed (or failed); throws InvalidAppendError synchronously-ish. */
  submit(append: PreparedAppend): Promise<AppendResult> {
    let body: string;
    try {
      body = encodeAppend(append, append.idsSupplied);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ append, body, events: append.events.length, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is queued or in flight. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate, not a microtask: callers woken by the previous batch get to enqueue before we cut the next.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch: QueuedAppend[] = [];
      let events = 0;
      while (
        this.queue.length > 0 &&
        (batch.length === 0 || events + this.queue[0].events <= this.maxBatchEvents)
      ) {
        const next = this.queue.shift() as QueuedAppend;
        events += next.events;
        batch.push(next);
      }
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
    }
  }

  private async run(batch: readonly QueuedAppend[], retryAfterConnectionLoss = true): Promise<void> {
    let rows: AppendBatchRow[];
    try {
      rows = await this.execute(`[${batch.map((item) => item.body).join(',')}]`);
    } catch (error) {
      if (retryAfterConnectionLoss && isConnectionError(error)) {
        // The batch may have committed before the connection died: resend with id checks, which makes it idempotent.
        const idempotent = batch.map((item) => ({ ...item, body: encodeAppend(item.append, true) }));
        return this.run(idempotent, false);
      }
      if (batch.length > 1 && !isConnectionError(error)) {
        // One bad append (e.g. text PostgreSQL rejects) must not fail its neighbours: retry each alone.
        await Promise.all(batch.map((item) => this.run([item], false)));
        return;
      }
      batch.forEach((item) => item.reject(mapBatchError(item.append, error)));
      return;
    }
    let committed: bigint | undefined;
    for (const row of rows) {
      const item = batch[row.append_index - 1];
      const outcome = toOutcome(item.append, row);
      if (outcome instanceof Error) {
        item.reject(outcome);
        continue;
      }
      if (committed === undefined || outcome.position.commit > committed) committed = outcome.position.commit;
      item.resolve(outcome);
    }
    if (committed !== undefined) this.options.onCommitted?.(committed);
  }
}

const encodeExpected = (expected: ExpectedRevision): string => {
  switch (expected) {
    case 'no_stream':
      return '-1';
    case 'any':
      return '-2';
    case 'stream_exists':
      return '-3';
    default:
      return expected.toString();
  }
};

// The append_batch wire shape (see the migration); data and metadata are embedded as JSON, parsed once by PostgreSQL.
export const encodeAppend = (append: PreparedAppend, checkIds: boolean): string => {
  let body: string;
  try {
    body = JSON.stringify({
      s: append.streamId,
      x: encodeExpected(append.expectedRevision),
      c: checkIds,
      e: append.events.map((event) => ({ i: event.id, t: event.type, d: event.data, m: event.metadata })),
    });
  } catch (error) {
    throw new InvalidAppendError(
      append.streamId,
      `data or metadata is not JSON-serialisable (${String(error)})`,
      {
        cause: error,
      },
    );
  }
  // jsonb cannot store U+0000; refuse here rather than fail a whole batch in PostgreSQL.
  if (NUL_ESCAPE.test(body))
    throw new InvalidAppendError(append.streamId, 'text contains U+0000, which jsonb cannot store');
  return body;
};

const NUL_ESCAPE = /(^|[^\\])(\\\\)*\\u0000/;

const toOutcome = (append: PreparedAppend, row: AppendBatchRow): AppendResult | Error => {
  switch (row.status) {
    case 'ok':
    case 'idempotent':
      return {
        nextExpectedRevision: BigInt(row.revision),
        position: {
          commit: BigInt(row.transaction_id as string),
          prepare: BigInt(row.global_position as string),
        },
      };
    case 'wrong_expected_version': {
      const actual = BigInt(row.revision);
      return new WrongExpectedVersionError(
        append.streamId,
        append.expectedRevision,
        actual < 0n ? 'no_stream' : actual,
      );
    }
    case 'duplicate':
      return new DuplicateEventIdError(
        append.streamId,
        append.events.map((event) => event.id),
      );
  }
};

const isConnectionError = (error: unknown): boolean => {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string')
    return error instanceof Error && /connection|terminat|ECONN/i.test(error.message);
  return (
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code.startsWith('ECONN')
  );
};

const mapBatchError = (append: PreparedAppend, error: unknown): unknown => {
  const code = (error as { code?: unknown })?.code;
  // Class 22 = data exception: something in this append's data PostgreSQL will not store.
  if (typeof code === 'string' && code.startsWith('22')) {
    return new InvalidAppendError(append.streamId, (error as Error).message, { cause: error });
  }
  return error;
};
