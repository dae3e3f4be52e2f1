import { decodeIntegrationEvent } from '@samad/events';
import { PostgresEventStore, silentLogger, type Position, type RecordedEvent } from '@samad/event-store';
import { encodeRecordedRequestEvent } from '@samad/request-application';
import type { Pool } from 'pg';
import { foldRequestStatistics } from './request-statistics.fold';
import type { RequestStatisticsRow } from './request-statistics.row';

export interface ReplayOptions {
  /** Continue a fold: the rows so far and the position of the last event already folded. */
  readonly rows?: Map<string, RequestStatisticsRow>;
  readonly after?: Position;
  /** Only events the store recorded at or before this instant (an as-of report). */
  readonly recordedUpTo?: Date;
  /** Events per read. Default 10,000. */
  readonly pageSize?: number;
  /** Called after every page with the number of events read so far. */
  readonly onProgress?: (eventsRead: number) => void;
}

export interface ReplayResult {
  readonly rows: Map<string, RequestStatisticsRow>;
  /** The last event read (whether or not it changed a row); undefined for an empty store. */
  readonly position: Position | undefined;
  readonly eventsRead: number;
  /** Events the live consumer would park on its dead-letter topic (not a valid integration event). */
  readonly eventsRefused: number;
}

/**
 * The integration event the live consumer would receive for a stored event: the relay's encoder, then the
 * consumer's decoder (upcast and validate), so a replay sees exactly what Kafka delivers. Undefined = parked.
 */
export const asDelivered = (recorded: RecordedEvent) => {
  let message: string;
  try {
    message = encodeRecordedRequestEvent(recorded);
  } catch {
    return undefined;
  }
  const decoded = decodeIntegrationEvent(message);
  return decoded.ok ? decoded.event : undefined;
};

/** Folds the event store, in global order, into statistics rows in memory. */
export async function replayRequestStatistics(
  pool: Pool,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const store = new PostgresEventStore({ pool, logger: silentLogger });
  const rows = options.rows ?? new Map<string, RequestStatisticsRow>();
  const until = options.recordedUpTo?.getTime();
  let position = options.after;
  let eventsRead = 0;
  let eventsRefused = 0;
  try {
    for (;;) {
      const page = await store.readAll({ afterPosition: position, maxCount: options.pageSize ?? 10_000 });
      if (page.length === 0) break;
      for (const recorded of page) {
        // Global order is commit order; a transaction's clock is its start, so keep scanning past a later one.
        if (until !== undefined && recorded.recordedAt.getTime() > until) continue;
        const event = asDelivered(recorded);
        if (event) foldRequestStatistics(rows, event);
        else eventsRefused += 1;
      }
      eventsRead += page.length;
      position = page[page.length - 1].position;
      options.onProgress?.(eventsRead);
    }
  } finally {
    await store.close();
  }
  return { rows, position, eventsRead, eventsRefused };
}
