import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

/**
 * A routing table of requests with a moment a watcher must act at (a deadline step, the end of a verdict
 * window): one row per request, claimed with SKIP LOCKED so replicas share the work. Every write carries the
 * stream revision it reflects: an older view never overwrites a newer one.
 */
export const momentTable = (
  table: 'open_deadlines' | 'verdict_windows' | 'directive_deadlines',
  moment: 'check_at' | 'closes_at',
) => ({
  /** Something started (a deadline, a verdict window): act on the request at `at`. */
  async schedule(sql: Sql, trackingCode: string, at: string | Date, revision: number): Promise<void> {
    await sql.query(
      `INSERT INTO routing.${table} (tracking_code, ${moment}, stream_revision) VALUES ($1, $2, $3)
       ON CONFLICT (tracking_code) DO UPDATE SET ${moment} = EXCLUDED.${moment},
              stream_revision = EXCLUDED.stream_revision
        WHERE routing.${table}.stream_revision < EXCLUDED.stream_revision`,
      [trackingCode, at, revision],
    );
  },

  /** Rows whose moment has come, locked for this replica (others skip them). */
  async claimDue(sql: Sql, now: Date, limit: number): Promise<string[]> {
    const rows: { tracking_code: string }[] = await sql.query(
      `SELECT tracking_code FROM routing.${table} WHERE ${moment} <= $1
        ORDER BY ${moment} LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => row.tracking_code);
  },

  /** A later moment for the same row; with a revision, only if the row reflects no newer one. */
  async reschedule(sql: Sql, trackingCode: string, at: Date, revision?: bigint): Promise<void> {
    if (revision === undefined) {
      await sql.query(`UPDATE routing.${table} SET ${moment} = $2 WHERE tracking_code = $1`, [
        trackingCode,
        at,
      ]);
      return;
    }
    await sql.query(
      `UPDATE routing.${table} SET ${moment} = $2, stream_revision = $3
        WHERE tracking_code = $1 AND stream_revision <= $3`,
      [trackingCode, at, revision.toString()],
    );
  },

  async forget(sql: Sql, trackingCode: string, revision: bigint): Promise<void> {
    await sql.query(`DELETE FROM routing.${table} WHERE tracking_code = $1 AND stream_revision <= $2`, [
      trackingCode,
      revision.toString(),
    ]);
  },
});
