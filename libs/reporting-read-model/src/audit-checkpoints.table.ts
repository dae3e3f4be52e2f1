import type { AuditCheckpoint, AuditLeafRecord } from '@samad/event-store';
import { rowsOf, type Queryable } from './request-statistics.table';

interface CheckpointRow {
  sequence: string;
  position: string;
  tree_size: string;
  root: string;
  issued_at: string;
  key_id: string;
  signature: string;
}

const checkpointOf = (row: CheckpointRow): AuditCheckpoint => ({
  sequence: Number(row.sequence),
  position: row.position,
  treeSize: Number(row.tree_size),
  root: row.root,
  issuedAt: row.issued_at,
  keyId: row.key_id,
  signature: row.signature,
});

/** The signed checkpoints reporting kept from samad.audit.checkpoints (ADR 0030), oldest first. */
export const loadCheckpoints = async (db: Queryable): Promise<AuditCheckpoint[]> =>
  (await rowsOf<CheckpointRow>(db, 'SELECT * FROM reporting.audit_checkpoints ORDER BY sequence')).map(
    checkpointOf,
  );

/** One page of the kept checkpoints, newest first, with how many there are. */
export const pageOfCheckpoints = async (
  db: Queryable,
  page: number,
  size: number,
): Promise<{ items: AuditCheckpoint[]; total: number }> => {
  const [rows, [{ total }]] = await Promise.all([
    rowsOf<CheckpointRow>(
      db,
      'SELECT * FROM reporting.audit_checkpoints ORDER BY sequence DESC LIMIT $1 OFFSET $2',
      [size, (page - 1) * size],
    ),
    rowsOf<{ total: number }>(db, 'SELECT count(*)::int AS total FROM reporting.audit_checkpoints'),
  ]);
  return { items: rows.map(checkpointOf), total };
};

/** The leaves the checkpoints announced, in tree order: what a deleted or reordered event is found against. */
export const loadLeafLog = async (db: Queryable): Promise<AuditLeafRecord[]> =>
  (
    await rowsOf<{ commit: string; prepare: string; stream_id: string; revision: string; leaf: string }>(
      db,
      'SELECT "commit", prepare, stream_id, revision, leaf FROM reporting.audit_leaves ORDER BY leaf_index',
    )
  ).map((r) => ({
    commit: r.commit,
    prepare: r.prepare,
    streamId: r.stream_id,
    revision: r.revision,
    leaf: r.leaf,
  }));
