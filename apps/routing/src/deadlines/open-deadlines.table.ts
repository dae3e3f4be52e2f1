import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

// Every write carries the stream revision it reflects: an older view never overwrites a newer one.
export const openDeadlines = {
  /** A new deadline started (routing, or a supervisor's due time): look at the request now. */
  async watch(sql: Sql, trackingCode: string, checkAt: string, revision: number): Promise<void> {
    await sql.query(
      `INSERT INTO routing.open_deadlines (tracking_code, check_at, stream_revision) VALUES ($1, $2, $3)
       ON CONFLICT (tracking_code) DO UPDATE SET check_at = EXCLUDED.check_at,
              stream_revision = EXCLUDED.stream_revision
        WHERE routing.open_deadlines.stream_revision < EXCLUDED.stream_revision`,
      [trackingCode, checkAt, revision],
    );
  },

  /** Rows whose moment has come, locked for this replica (others skip them). */
  async claimDue(sql: Sql, now: Date, limit: number): Promise<string[]> {
    const rows: { tracking_code: string }[] = await sql.query(
      `SELECT tracking_code FROM routing.open_deadlines WHERE check_at <= $1
        ORDER BY check_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => row.tracking_code);
  },

  async reschedule(sql: Sql, trackingCode: string, checkAt: Date, revision: bigint): Promise<void> {
    await sql.query(
      `UPDATE routing.open_deadlines SET check_at = $2, stream_revision = $3
        WHERE tracking_code = $1 AND stream_revision <= $3`,
      [trackingCode, checkAt, revision.toString()],
    );
  },

  async forget(sql: Sql, trackingCode: string, revision: bigint): Promise<void> {
    await sql.query(`DELETE FROM routing.open_deadlines WHERE tracking_code = $1 AND stream_revision <= $2`, [
      trackingCode,
      revision.toString(),
    ]);
  },
};
