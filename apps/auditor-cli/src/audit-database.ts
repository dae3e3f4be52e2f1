// The command reads PostgreSQL read-only: every transaction it opens refuses writes.
import { Pool } from 'pg';
import type { AuditCheckpoint, AuditLeafRecord } from '@samad/event-store';
import { UsageError, type CommandArgs } from './auditor-command';

export const openReadOnlyDatabase = (args: CommandArgs): Pool => {
  const url = (args.options['database-url'] as string | undefined) ?? process.env.DATABASE_URL;
  if (!url) throw new UsageError('set DATABASE_URL (or --database-url) to a read-only connection');
  return new Pool({
    connectionString: url,
    max: 2,
    application_name: 'samad-auditor-cli',
    options: '-c default_transaction_read_only=on',
  });
};

interface CheckpointRow {
  sequence: string;
  position: string;
  tree_size: string;
  root: string;
  issued_at: string;
  key_id: string;
  signature: string;
}

/** The checkpoints reporting kept from samad.audit.checkpoints, oldest first. */
export const loadCheckpoints = async (pool: Pool): Promise<AuditCheckpoint[]> => {
  const { rows } = await pool.query<CheckpointRow>(
    'SELECT * FROM reporting.audit_checkpoints ORDER BY sequence',
  );
  return rows.map((row) => ({
    sequence: Number(row.sequence),
    position: row.position,
    treeSize: Number(row.tree_size),
    root: row.root,
    issuedAt: row.issued_at,
    keyId: row.key_id,
    signature: row.signature,
  }));
};

export const loadLeafLog = async (pool: Pool): Promise<AuditLeafRecord[]> => {
  const { rows } = await pool.query<{
    commit: string;
    prepare: string;
    stream_id: string;
    revision: string;
    leaf: string;
  }>('SELECT "commit", prepare, stream_id, revision, leaf FROM reporting.audit_leaves ORDER BY leaf_index');
  return rows.map((r) => ({
    commit: r.commit,
    prepare: r.prepare,
    streamId: r.stream_id,
    revision: r.revision,
    leaf: r.leaf,
  }));
};
