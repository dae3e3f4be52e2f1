import { formatPosition } from '@samad/event-store';
import type { Pool } from 'pg';
import { replayRequestStatistics } from './request-statistics.replay';
import type { RequestStatisticsRow } from './request-statistics.row';
import {
  copyIndexesOf,
  createRequestsTableLike,
  insertRequestStatistics,
  LIVE_REQUESTS_TABLE,
  rowsOf,
  writeRequestStatistics,
  type Queryable,
} from './request-statistics.table';

/** Row count and an order-independent checksum (sum of 64-bit hashes of each row's text) of one table. */
export interface TableFingerprint {
  readonly rows: number;
  readonly checksum: string;
}

export interface RebuildComparison {
  readonly table: string;
  readonly live: TableFingerprint;
  readonly shadow: TableFingerprint;
  readonly equal: boolean;
}

export interface RebuildReport {
  readonly shadowSchema: string;
  readonly eventsRead: number;
  readonly rows: number;
  readonly seconds: number;
  readonly comparison: RebuildComparison;
  /** The schema the old live table was moved to, when swapped. */
  readonly retiredSchema?: string;
  /** Events recorded after the replay and folded in while the live table was locked for the swap. */
  readonly caughtUp?: number;
}

export interface RebuildOptions {
  readonly swap?: boolean;
  /** Called as events are read (for a progress bar). */
  readonly onProgress?: (eventsRead: number) => void;
  readonly now?: Date;
}

const stamp = (now: Date): string => now.toISOString().replace(/\D/g, '').slice(0, 17);

/** `reporting_shadow_20261202180300123`: valid unquoted identifiers, sortable by when they were made. */
export const shadowSchemaName = (now: Date): string => `reporting_shadow_${stamp(now)}`;
export const retiredSchemaName = (now: Date): string => `reporting_retired_${stamp(now)}`;

export async function fingerprint(db: Queryable, table: string): Promise<TableFingerprint> {
  const [result] = await rowsOf<{ rows: string; checksum: string }>(
    db,
    `SELECT count(*)::text AS rows, COALESCE(sum(hashtextextended(t::text, 0)::numeric), 0)::text AS checksum
       FROM ${table} t`,
  );
  return { rows: Number(result.rows), checksum: result.checksum };
}

export async function compareWithLive(db: Queryable, shadowTable: string): Promise<RebuildComparison> {
  const [live, shadow] = [await fingerprint(db, LIVE_REQUESTS_TABLE), await fingerprint(db, shadowTable)];
  return {
    table: 'requests',
    live,
    shadow,
    equal: live.rows === shadow.rows && live.checksum === shadow.checksum,
  };
}

const changedSince = (
  before: ReadonlyMap<string, RequestStatisticsRow>,
  after: ReadonlyMap<string, RequestStatisticsRow>,
): RequestStatisticsRow[] =>
  [...after].filter(([code, row]) => before.get(code) !== row).map(([, row]) => row);

/**
 * Replays the store into a fresh shadow schema, compares it with the live table, and with `swap` puts it in the
 * live table's place. The swap locks the live table (the consumer waits), folds in what was recorded since the
 * replay, then moves both tables in one transaction. The consumer then resumes from its own Kafka offsets: what
 * it meets again is already in the rebuilt rows and the revision guard passes over it (ADR 0031).
 */
export async function rebuildRequestStatistics(
  pool: Pool,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const shadowSchema = shadowSchemaName(now);
  const shadowTable = `${shadowSchema}.requests`;

  const replay = await replayRequestStatistics(pool, { onProgress: options.onProgress });
  await pool.query(`CREATE SCHEMA ${shadowSchema}`);
  // Filled first, indexed after: one sort per index rather than a B-tree insert per row per index.
  await pool.query(createRequestsTableLike(shadowTable, false, true));
  await insertRequestStatistics(pool, shadowTable, [...replay.rows.values()]);
  await copyIndexesOf(pool, LIVE_REQUESTS_TABLE, shadowTable);
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    shadowSchema,
    eventsRead: replay.eventsRead,

    rows: replay.rows.size,
    seconds,
  };
  if (!options.swap) return { ...summary, comparison: await compareWithLive(pool, shadowTable) };

  const retiredSchema = retiredSchemaName(now);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // The consumer's next write waits here; after the commit its statement finds the new table by name.
    await client.query(`LOCK TABLE ${LIVE_REQUESTS_TABLE} IN ACCESS EXCLUSIVE MODE`);
    const before = new Map(replay.rows);
    const catchUp = await replayRequestStatistics(pool, { rows: replay.rows, after: replay.position });
    await writeRequestStatistics(client, shadowTable, changedSince(before, catchUp.rows));
    const comparison = await compareWithLive(client, shadowTable);
    const through = catchUp.position ?? replay.position;
    await client.query(`CREATE SCHEMA ${retiredSchema}`);
    await client.query(`ALTER TABLE ${LIVE_REQUESTS_TABLE} SET SCHEMA ${retiredSchema}`);
    await client.query(`ALTER TABLE ${shadowTable} SET SCHEMA reporting`);
    await client.query(`DROP SCHEMA ${shadowSchema}`);
    await client.query(
      `COMMENT ON TABLE ${LIVE_REQUESTS_TABLE} IS ${quote(
        `rebuilt from the event store through ${through ? formatPosition(through) : 'start'} at ${now.toISOString()}`,
      )}`,
    );
    await client.query('COMMIT');
    return {
      ...summary,
      rows: catchUp.rows.size,
      comparison,
      retiredSchema,
      caughtUp: catchUp.eventsRead,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
