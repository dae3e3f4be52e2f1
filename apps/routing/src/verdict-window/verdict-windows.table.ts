import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

// Every write carries the stream revision it reflects: an older view never overwrites a newer one.
export const verdictWindows = {
  /** An answer: the citizen's window runs until `closesAt`. */
  async open(sql: Sql, trackingCode: string, closesAt: Date, revision: number): Promise<void> {
    await sql.query(
      `INSERT INTO routing.verdict_windows (tracking_code, closes_at, stream_revision) VALUES ($1, $2, $3)
       ON CONFLICT (tracking_code) DO UPDATE SET closes_at = EXCLUDED.closes_at,
              stream_revision = EXCLUDED.stream_revision
        WHERE routing.verdict_windows.stream_revision < EXCLUDED.stream_revision`,
      [trackingCode, closesAt, revision],
    );
  },

  /** Windows that have ended, locked for this replica (others skip them). */
  async claimEnded(sql: Sql, now: Date, limit: number): Promise<string[]> {
    const rows: { tracking_code: string }[] = await sql.query(
      `SELECT tracking_code FROM routing.verdict_windows WHERE closes_at <= $1
        ORDER BY closes_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => row.tracking_code);
  },

  async reschedule(sql: Sql, trackingCode: string, closesAt: Date): Promise<void> {
    await sql.query(`UPDATE routing.verdict_windows SET closes_at = $2 WHERE tracking_code = $1`, [
      trackingCode,
      closesAt,
    ]);
  },

  async forget(sql: Sql, trackingCode: string, revision: bigint): Promise<void> {
    await sql.query(
      `DELETE FROM routing.verdict_windows WHERE tracking_code = $1 AND stream_revision <= $2`,
      [trackingCode, revision.toString()],
    );
  },
};
