// Issues signed checkpoints (ADR 0030): extends the Merkle tree with the committed, contiguous events after the
// last checkpoint, signs, records in PostgreSQL, then publishes to Kafka. Events from EventStoreDB too (ADR 0043).
import type { KeyObject } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { auditLeafHash, type AuditLeafInput } from './audit-leaf';
import type { AuditCheckpointMessage, AuditLeafRecord } from './audit-log';
import { signCheckpoint, type AuditCheckpoint } from './checkpoint';
import { MerkleFrontier } from './merkle';
import { readCommittedLeavesAfter } from './postgres-audit-source';

export interface PostgresAuditCheckpointerOptions {
  readonly pool: Pool;
  readonly signingKey: KeyObject;
  /** Sends one message to samad.audit.checkpoints; called after the checkpoint is recorded (retried until it works). */
  readonly publish: (message: AuditCheckpointMessage) => Promise<void>;
  /** Most events one checkpoint covers (keeps a message small); the rest wait for the next. Default 2000. */
  readonly maxEventsPerCheckpoint?: number;
  readonly now?: () => Date;
  /** Where the events come from; default this pool's event_store tables. EventStoreDB: storeLeavesReader(store). */
  readonly readLeavesAfter?: (
    db: PoolClient,
    after: { commit: bigint; prepare: bigint },
    limit: number,
  ) => Promise<AuditLeafInput[]>;
}

interface CheckpointRow {
  sequence: string;
  commit: string;
  prepare: string;
  tree_size: string;
  root: string;
  issued_at: string;
  key_id: string;
  signature: string;
  frontier: string[];
  leaves: AuditLeafRecord[];
}

const LOCK_KEY = "hashtextextended('samad-audit-checkpointer', 0)";

export class PostgresAuditCheckpointer {
  constructor(private readonly options: PostgresAuditCheckpointerOptions) {}

  /** Issues checkpoints until every committed event is covered; returns the last (undefined on an empty store). */
  async issueUpToDate(): Promise<AuditCheckpoint | undefined> {
    let last: AuditCheckpoint | undefined;
    for (;;) {
      const { checkpoint, grew } = await this.issueOne();
      last = checkpoint ?? last;
      if (!grew) break;
    }
    await this.publishPending();
    return last;
  }

  private async issueOne(): Promise<{ checkpoint?: AuditCheckpoint; grew: boolean }> {
    const client = await this.options.pool.connect();
    try {
      await client.query('BEGIN');
      // int8 columns arrive as strings (node-pg). One issuer at a time across replicas; a waiting one then extends the newer checkpoint.
      await client.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      const { rows } = await client.query<CheckpointRow>(
        'SELECT * FROM event_store.audit_checkpoints ORDER BY sequence DESC LIMIT 1',
      );
      const previous = rows[0];
      const frontier = previous
        ? MerkleFrontier.restore(Number(previous.tree_size), previous.frontier)
        : MerkleFrontier.empty();
      if (previous && frontier.root().toString('hex') !== previous.root) {
        throw new Error('The stored audit frontier does not match its signed root: refusing to extend it');
      }
      const after = previous
        ? { commit: BigInt(previous.commit), prepare: BigInt(previous.prepare) }
        : { commit: 0n, prepare: 0n };
      const events = await (this.options.readLeavesAfter ?? readCommittedLeavesAfter)(
        client,
        after,
        this.options.maxEventsPerCheckpoint ?? 2000,
      );
      if (events.length === 0 && previous) {
        await client.query('COMMIT');
        return { checkpoint: fromRow(previous), grew: false };
      }
      const leaves: AuditLeafRecord[] = events.map((event) => {
        const leaf = auditLeafHash(event);
        frontier.append(leaf);
        return {
          commit: event.commit.toString(),
          prepare: event.prepare.toString(),
          streamId: event.streamId,
          revision: event.revision.toString(),
          leaf: leaf.toString('hex'),
        };
      });
      const last = events[events.length - 1];
      const position = last ? { commit: last.commit, prepare: last.prepare } : after;
      const checkpoint = signCheckpoint(
        {
          sequence: previous ? Number(previous.sequence) + 1 : 1,
          position: `${position.commit}:${position.prepare}`,
          treeSize: frontier.size,
          root: frontier.root().toString('hex'),
          issuedAt: (this.options.now?.() ?? new Date()).toISOString(),
        },
        this.options.signingKey,
      );
      await client.query(
        `INSERT INTO event_store.audit_checkpoints
           (sequence, "commit", prepare, tree_size, root, issued_at, key_id, signature, frontier, leaves)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          checkpoint.sequence,
          position.commit.toString(),
          position.prepare.toString(),
          checkpoint.treeSize,
          checkpoint.root,
          checkpoint.issuedAt,
          checkpoint.keyId,
          checkpoint.signature,
          JSON.stringify(frontier.hashes),
          JSON.stringify(leaves),
        ],
      );
      await client.query('COMMIT');
      return { checkpoint, grew: events.length > 0 };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Sends every recorded checkpoint not yet on Kafka, in order; a failure leaves it for the next run. */
  async publishPending(): Promise<void> {
    const { rows } = await this.options.pool.query<CheckpointRow>(
      'SELECT * FROM event_store.audit_checkpoints WHERE NOT published ORDER BY sequence',
    );
    for (const row of rows) {
      const checkpoint = fromRow(row);
      await this.options.publish({
        ...checkpoint,
        previousTreeSize: checkpoint.treeSize - row.leaves.length,
        leaves: row.leaves,
      });
      await this.options.pool.query(
        'UPDATE event_store.audit_checkpoints SET published = true WHERE sequence = $1',
        [row.sequence],
      );
    }
  }
}

const fromRow = (row: CheckpointRow): AuditCheckpoint => ({
  sequence: Number(row.sequence),
  position: `${row.commit}:${row.prepare}`,
  treeSize: Number(row.tree_size),
  root: row.root,
  issuedAt: row.issued_at,
  keyId: row.key_id,
  signature: row.signature,
});
