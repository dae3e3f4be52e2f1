// Shapes that travel between the checkpointer, Kafka, reporting and the verifier.
import type { AuditCheckpoint } from './checkpoint';

/** One covered event as the checkpoint message carries it: where it was, and its leaf hash. */
export interface AuditLeafRecord {
  readonly commit: string;
  readonly prepare: string;
  readonly streamId: string;
  readonly revision: string;
  /** Hex leaf hash. */
  readonly leaf: string;
}

/** The message on samad.audit.checkpoints: the signed checkpoint and the leaves it added since the previous one. */
export interface AuditCheckpointMessage extends AuditCheckpoint {
  readonly previousTreeSize: number;
  readonly leaves: readonly AuditLeafRecord[];
}
