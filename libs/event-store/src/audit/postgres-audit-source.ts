// Reads the PostgreSQL store as the audit tree sees it: committed events in global order (below the oldest
// open transaction, ADR 0002), with data and metadata as the stored text and recording time in microseconds.
import type { Pool, PoolClient } from 'pg';
import type { AuditLeafInput } from './audit-leaf';

interface LeafRow {
  transaction_id: string;
  global_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data_text: string;
  metadata_text: string;
  recorded_us: string;
}

const LEAF_COLUMNS = `e.transaction_id::text AS transaction_id, e.global_position::text AS global_position,
  e.stream_id, e.stream_revision::text AS stream_revision, e.event_id::text AS event_id, e.event_type,
  e.data::text AS data_text, e.metadata::text AS metadata_text,
  (extract(epoch FROM e.recorded_at) * 1000000)::bigint::text AS recorded_us`;

const READ_COMMITTED_AFTER = `
SELECT ${LEAF_COLUMNS}
  FROM event_store.events e
 WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
   AND (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
 ORDER BY e.transaction_id, e.global_position
 LIMIT $3`;

export const toLeafInput = (row: LeafRow): AuditLeafInput => ({
  commit: BigInt(row.transaction_id),
  prepare: BigInt(row.global_position),
  streamId: row.stream_id,
  revision: BigInt(row.stream_revision),
  eventId: row.event_id,
  type: row.event_type,
  dataText: row.data_text,
  metadataText: row.metadata_text,
  recordedAtMicros: BigInt(row.recorded_us),
});

type Queryable = Pick<Pool | PoolClient, 'query'>;

export const readCommittedLeavesAfter = async (
  db: Queryable,
  after: { commit: bigint; prepare: bigint },
  limit: number,
): Promise<AuditLeafInput[]> => {
  const { rows } = await db.query<LeafRow>(READ_COMMITTED_AFTER, [
    after.commit.toString(),
    after.prepare.toString(),
    limit,
  ]);
  return rows.map(toLeafInput);
};

/** Every committed event in global order, a page at a time. */
export async function* postgresAuditLeaves(db: Queryable, pageSize = 5000): AsyncGenerator<AuditLeafInput> {
  let after = { commit: 0n, prepare: 0n };
  for (;;) {
    const page = await readCommittedLeavesAfter(db, after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    after = { commit: last.commit, prepare: last.prepare };
  }
}

export const countCommittedEvents = async (db: Queryable): Promise<number> => {
  const { rows } = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM event_store.events');
  return Number(rows[0].n);
};

/** One stream's events as leaf inputs, in revision order. */
export const postgresStreamLeaves = async (db: Queryable, streamId: string): Promise<AuditLeafInput[]> => {
  const { rows } = await db.query<LeafRow>(
    `SELECT ${LEAF_COLUMNS} FROM event_store.events e WHERE e.stream_id = $1 ORDER BY e.stream_revision`,
    [streamId],
  );
  return rows.map(toLeafInput);
};
