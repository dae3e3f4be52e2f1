// The PostgreSQL adapter (the default): schema event_store, see ADRs 0002 (global order) and 0003 (write batching).
import { Pool, type ClientConfig, type PoolClient } from 'pg';
import { StreamNotFoundError } from '../event-store.errors';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  BrokenLink,
  EventStore,
  EventToAppend,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  VerificationFailureReason,
  VerificationResult,
} from '../event-store.port';
import { consoleLogger, type EventStoreLogger } from '../support/logger';
import { prepareAppend } from '../support/prepare-append';
import { AppendBatcher, type AppendBatchRow, type AppendBatcherOptions } from './append-batcher';
import { APPEND_CHANNEL, AppendNotifier } from './append-notifier';
import { NotificationListener } from './notification-listener';
import { PostgresAllSubscription, type AllPage } from './postgres-all-subscription';
import { poolTimeoutSettings, type PostgresTimeouts } from './postgres-timeouts';

export interface PostgresEventStoreOptions {
  /** Used for the owned pool (when `pool` is not given) and the LISTEN connection. */
  readonly connectionString?: string;
  /** Share an existing pool; close() then leaves it open. */
  readonly pool?: Pool;
  /** Size of the owned pool. Default 10. */
  readonly poolSize?: number;
  /** Connect, acquire, statement and idle-in-transaction limits of the owned pool. Default DEFAULT_POSTGRES_TIMEOUTS. */
  readonly timeouts?: PostgresTimeouts;
  readonly batching?: AppendBatcherOptions;
  readonly subscriptions?: {
    /** Events per read while catching up. Default 500. */
    readonly batchSize?: number;
    /** Fallback poll when no NOTIFY arrives (e.g. a writer outside this library). Default 1000 ms. */
    readonly pollIntervalMs?: number;
  };
  /** At most one NOTIFY per this many ms per store. Default 5. */
  readonly notifyIntervalMs?: number;
  readonly applicationName?: string;
  readonly logger?: EventStoreLogger;
}

const EVENT_COLUMNS = `e.transaction_id::text AS transaction_id, e.global_position, e.stream_id, e.stream_revision,
  e.event_id, e.event_type, e.data, e.metadata, e.recorded_at, encode(e.hash, 'hex') AS hash`;

// Only transactions below the snapshot's xmin are finished: a late committer can never appear behind a reader (ADR 0002).
const readAllSql = (comparison: '>' | '>=') => `
SELECT s.xmin::text AS snapshot_xmin, e.*
  FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) s
  LEFT JOIN LATERAL (
    SELECT ${EVENT_COLUMNS}
      FROM event_store.events e
     WHERE e.transaction_id < s.xmin
       AND (e.transaction_id, e.global_position) ${comparison} ($1::text::xid8, $2::bigint)
     ORDER BY e.transaction_id, e.global_position
     LIMIT $3
  ) e ON true`;

// Reads are unnamed statements, planned with their actual parameters each time: a plan cached while the table
// was small could otherwise keep scanning it after it grew (until autovacuum analyses it).
const READ_ALL_AFTER = { text: readAllSql('>') };
const READ_ALL_FROM = { text: readAllSql('>=') };
const READ_FORWARDS = {
  text: `SELECT ${EVENT_COLUMNS} FROM event_store.events e
          WHERE e.stream_id = $1 AND e.stream_revision >= $2 ORDER BY e.stream_revision LIMIT $3`,
};
const READ_BACKWARDS = {
  text: `SELECT ${EVENT_COLUMNS} FROM event_store.events e
          WHERE e.stream_id = $1 AND e.stream_revision <= $2 ORDER BY e.stream_revision DESC LIMIT $3`,
};
const APPEND_BATCH = {
  name: 'samad_es_append_batch',
  text: 'SELECT * FROM event_store.append_batch($1::jsonb)',
};

// Recomputes each link from the stored bytes and the previous stored hash; the first failure in global order wins.
const chainBreakSql = (where: string) => `
WITH chain AS (
  SELECT e.stream_id, e.stream_revision, e.transaction_id, e.global_position, e.hash,
         event_store.event_hash(coalesce(lag(e.hash) OVER w, '\\x'::bytea), e.stream_id, e.stream_revision,
                                e.event_id, e.event_type, e.data, e.metadata) AS expected,
         row_number() OVER w - 1 AS ordinal
    FROM event_store.events e ${where}
  WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.stream_revision)
)
SELECT (SELECT count(*) FROM chain)::int AS checked, b.*
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (
    SELECT stream_id, stream_revision::text AS revision, transaction_id::text AS transaction_id,
           global_position::text AS global_position, encode(expected, 'hex') AS expected_hash,
           encode(hash, 'hex') AS actual_hash,
           CASE WHEN stream_revision <> ordinal THEN 'revision_gap' ELSE 'hash_mismatch' END AS reason
      FROM chain
     WHERE hash <> expected OR stream_revision <> ordinal
     ORDER BY transaction_id, global_position
     LIMIT 1
  ) b ON true`;

// The streams table must agree with the last event: catches a deleted or rewritten tail.
const headBreakSql = (where: string) => `
WITH last AS (
  SELECT DISTINCT ON (e.stream_id) e.stream_id, e.stream_revision, e.hash, e.transaction_id, e.global_position
    FROM event_store.events e ${where}
   ORDER BY e.stream_id, e.stream_revision DESC
), head AS (
  SELECT s.stream_id, s.revision, s.last_hash FROM event_store.streams s ${where.replace('e.stream_id', 's.stream_id')}
)
SELECT coalesce(h.stream_id, l.stream_id) AS stream_id, coalesce(h.revision, l.stream_revision)::text AS revision,
       l.transaction_id::text AS transaction_id, l.global_position::text AS global_position,
       l.stream_revision::text AS last_revision,
       coalesce(encode(h.last_hash, 'hex'), '') AS expected_hash, coalesce(encode(l.hash, 'hex'), '') AS actual_hash
  FROM head h FULL JOIN last l ON l.stream_id = h.stream_id
 WHERE h.revision IS DISTINCT FROM l.stream_revision OR h.last_hash IS DISTINCT FROM l.hash
 ORDER BY l.transaction_id NULLS LAST, l.global_position NULLS LAST, 1
 LIMIT 1`;

interface EventRow {
  transaction_id: string;
  global_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: RecordedEvent['metadata'] | null;
  recorded_at: Date;
  hash: string;
}

const START: Position = { commit: 0n, prepare: -1n };
const MAX_REVISION = 9223372036854775807n;

export class PostgresEventStore implements EventStore {
  readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly batcher: AppendBatcher;
  private readonly notifier: AppendNotifier;
  private readonly listener: NotificationListener | undefined;
  private readonly subscriptions = new Set<AllSubscription>();
  private readonly logger: EventStoreLogger;
  private closed = false;

  constructor(private readonly options: PostgresEventStoreOptions) {
    if (!options.pool && !options.connectionString) {
      throw new TypeError('PostgresEventStore needs a connectionString or a pool');
    }
    this.logger = options.logger ?? consoleLogger;
    const applicationName = options.applicationName ?? 'samad-event-store';
    this.ownsPool = !options.pool;
    this.pool =
      options.pool ??
      new Pool({
        connectionString: options.connectionString,
        max: options.poolSize ?? 10,
        application_name: applicationName,
        ...poolTimeoutSettings(options.timeouts),
      });
    if (this.ownsPool) {
      // An idle client's connection dying must not crash the process; the pool replaces it.
      this.pool.on('error', (error) =>
        this.logger.warn('Idle PostgreSQL connection failed', { error: error.message }),
      );
    }
    this.notifier = new AppendNotifier(
      async (payload) => {
        await this.pool.query('SELECT pg_notify($1, $2)', [APPEND_CHANNEL, payload]);
      },
      options.notifyIntervalMs ?? 5,
      this.logger,
    );
    this.batcher = new AppendBatcher(
      async (appendsJson) =>
        (await this.pool.query<AppendBatchRow>({ ...APPEND_BATCH, values: [appendsJson] })).rows,
      {
        ...options.batching,
        onCommitted: (transactionId) => {
          this.notifier.committed(transactionId);
          options.batching?.onCommitted?.(transactionId);
        },
      },
    );
    const listenConfig: ClientConfig | undefined = options.connectionString
      ? { connectionString: options.connectionString, application_name: `${applicationName}-listen` }
      : (this.pool.options as ClientConfig);
    this.listener = new NotificationListener(listenConfig, APPEND_CHANNEL, this.logger);
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    return this.batcher.submit(prepareAppend(streamId, events, options.expectedRevision ?? 'any'));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? MAX_REVISION : 0n);
    const limit = options.maxCount ?? null;
    const { rows } = await this.pool.query<EventRow>({
      ...(backwards ? READ_BACKWARDS : READ_FORWARDS),
      values: [streamId, from.toString(), limit],
    });
    if (rows.length === 0) {
      const exists = await this.pool.query('SELECT 1 FROM event_store.streams WHERE stream_id = $1', [
        streamId,
      ]);
      if (exists.rowCount === 0) throw new StreamNotFoundError(streamId);
    }
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const inclusive = options.fromPosition !== undefined;
    const page = await this.readPage(
      options.fromPosition ?? options.afterPosition,
      options.maxCount ?? null,
      inclusive,
    );
    return page.events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription: AllSubscription = new PostgresAllSubscription(
      {
        readPage: (after, limit) => this.readPage(after, limit, false),
        listener: this.listener,
        batchSize: this.options.subscriptions?.batchSize ?? 500,
        pollIntervalMs: this.options.subscriptions?.pollIntervalMs ?? 1000,
        logger: this.logger,
      },
      options.fromCheckpoint,
      options.onEvent,
    );
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async verifyStream(streamId: string): Promise<VerificationResult> {
    this.assertOpen();
    const result = await this.verify('WHERE e.stream_id = $1', [streamId]);
    if (result.ok && result.eventsChecked === 0) {
      const exists = await this.pool.query('SELECT 1 FROM event_store.streams WHERE stream_id = $1', [
        streamId,
      ]);
      if (exists.rowCount === 0) throw new StreamNotFoundError(streamId);
    }
    return result;
  }

  async verifyAll(): Promise<VerificationResult> {
    this.assertOpen();
    return this.verify('', []);
  }

  /** Waits for queued appends, stops subscriptions, closes connections (and the pool, if this store made it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.batcher.drain();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.notifier.flush();
    await this.listener?.close();
    if (this.ownsPool) await this.pool.end();
  }

  private async readPage(
    from: Position | undefined,
    limit: number | null,
    inclusive: boolean,
  ): Promise<AllPage> {
    const position = from ?? START;
    const { rows } = await this.pool.query<EventRow & { snapshot_xmin: string }>({
      ...(inclusive ? READ_ALL_FROM : READ_ALL_AFTER),
      values: [position.commit.toString(), position.prepare.toString(), limit],
    });
    const snapshotXmin = BigInt(rows[0].snapshot_xmin);
    const events = rows[0].transaction_id === null ? [] : rows.map(toRecordedEvent);
    return { events, snapshotXmin };
  }

  private async verify(where: string, values: unknown[]): Promise<VerificationResult> {
    const client: PoolClient = await this.pool.connect();
    try {
      // One snapshot for both checks, so concurrent appends cannot look like a broken head.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const chain = await client.query(chainBreakSql(where), values);
      const head = await client.query(headBreakSql(where), values);
      await client.query('COMMIT');
      const eventsChecked: number = chain.rows[0].checked;
      const chainRow = chain.rows[0];
      if (chainRow.stream_id !== null) {
        return { ok: false, eventsChecked, brokenLink: toBrokenLink(chainRow, chainRow.reason) };
      }
      if (head.rows.length > 0) {
        const row = head.rows[0];
        const positionKnown = row.last_revision !== null && row.last_revision === row.revision;
        return {
          ok: false,
          eventsChecked,
          brokenLink: toBrokenLink(positionKnown ? row : { ...row, transaction_id: null }, 'head_mismatch'),
        };
      }
      return { ok: true, eventsChecked };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('This event store is closed');
  }
}

const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.event_type,
  data: row.data,
  metadata: row.metadata ?? {},
  streamId: row.stream_id,
  streamRevision: BigInt(row.stream_revision),
  position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) },
  recordedAt: row.recorded_at,
  hash: row.hash,
});

interface BrokenLinkRow {
  stream_id: string;
  revision: string;
  transaction_id: string | null;
  global_position: string | null;
  expected_hash: string;
  actual_hash: string;
}

const toBrokenLink = (row: BrokenLinkRow, reason: VerificationFailureReason): BrokenLink => ({
  streamId: row.stream_id,
  revision: BigInt(row.revision),
  ...(row.transaction_id !== null && row.global_position !== null
    ? { position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) } }
    : {}),
  expectedHash: row.expected_hash,
  actualHash: row.actual_hash,
  reason,
});
