import type { IntegrationEvent } from '@samad/events';
import type { Position } from '@samad/event-store';
import { isRequestEvent, toIntegrationEnvelope } from '@samad/request-lifecycle';
import type { Pool } from 'pg';
import { foldRequestStatistics } from './request-statistics.fold';
import type { RequestStatisticsRow } from './request-statistics.row';

export interface ReplayOptions {
  /** Continue a fold: the rows so far and the position of the last event already folded. */
  readonly rows?: Map<string, RequestStatisticsRow>;
  readonly after?: Position;
  /** Only events the store recorded at or before this instant (an as-of report). */
  readonly recordedUpTo?: Date;
  /** Events per read. Default 20,000. */
  readonly pageSize?: number;
  /** Called after every page with the number of events read so far. */
  readonly onProgress?: (eventsRead: number) => void;
}

export interface ReplayResult {
  readonly rows: Map<string, RequestStatisticsRow>;
  /** The last event read (whether or not it changed a row); undefined for an empty store. */
  readonly position: Position | undefined;
  readonly eventsRead: number;
}

/** A stored event as the replay reads it: only what the integration mapping and the fold need. */
export interface StoredEventRow {
  transaction_id: string;
  global_position: string;
  event_id: string;
  event_type: string;
  stream_revision: string;
  data: unknown;
  /** ISO-8601 UTC with milliseconds, exactly as `Date#toISOString` writes it (no Date parsed per row). */
  recorded_at: string;
}

// The store's own reading rule (ADR 0002): global order, and only transactions below the snapshot's xmin, so a
// late committer never appears behind the reader. Fewer columns than readAll: no hash, no metadata.
const PAGE_SQL = `
SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position, e.event_id,
       e.event_type, e.stream_revision::text AS stream_revision, e.data,
       to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
  FROM event_store.events e
 WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
   AND (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
 ORDER BY e.transaction_id, e.global_position
 LIMIT $3`;

/** One page of the store in global order, after a position (from the start without one). */
export const readEventPage = async (
  pool: Pool,
  after: Position | undefined,
  limit: number,
): Promise<StoredEventRow[]> =>
  (
    await pool.query<StoredEventRow>(PAGE_SQL, [
      String(after?.commit ?? 0n),
      String(after?.prepare ?? -1n),
      limit,
    ])
  ).rows;

/**
 * The integration event the relay publishes for a stored request event, by the same mapping the relay's encoder
 * uses (`toIntegrationEnvelope`); the fold reads only codes, revisions and times from it. Undefined for anything
 * that is not a request event (the live consumer parks those).
 */
export const asIntegrationEvent = (row: StoredEventRow): IntegrationEvent | undefined => {
  const domain = { type: row.event_type, data: row.data };
  if (!isRequestEvent(domain)) return undefined;
  return toIntegrationEnvelope(domain, {
    eventId: row.event_id,
    streamRevision: BigInt(row.stream_revision),
    position: BigInt(row.global_position),
    recordedAt: row.recorded_at,
  }) as IntegrationEvent;
};

/** Folds the event store, in global order, into statistics rows in memory; the next page is read while folding. */
export async function replayRequestStatistics(
  pool: Pool,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const rows = options.rows ?? new Map<string, RequestStatisticsRow>();
  const until = options.recordedUpTo?.getTime();
  const size = options.pageSize ?? 20_000;
  const read = (after: Position | undefined) => readEventPage(pool, after, size);
  let position = options.after;
  let eventsRead = 0;
  let page = await read(position);
  while (page.length > 0) {
    const last = page[page.length - 1];
    position = { commit: BigInt(last.transaction_id), prepare: BigInt(last.global_position) };
    const next = page.length === size ? read(position) : Promise.resolve([]);
    for (const stored of page) {
      // Global order is commit order; a transaction's clock is its start, so keep scanning past a later one.
      if (until !== undefined && Date.parse(stored.recorded_at) > until) continue;
      const event = asIntegrationEvent(stored);
      if (event) foldRequestStatistics(rows, event);
    }
    eventsRead += page.length;
    options.onProgress?.(eventsRead);
    page = await next;
  }
  return { rows, position, eventsRead };
}
