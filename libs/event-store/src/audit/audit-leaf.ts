// What one event contributes to the store-wide tree: every stored fact about it, as stored (sealed bytes
// included), so an erasure that destroys keys never changes a leaf.
import { hashLeaf } from './merkle';
import { i64, lengthPrefixed } from '../support/length-prefixed';

export interface AuditLeafInput {
  readonly commit: bigint;
  readonly prepare: bigint;
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventId: string;
  readonly type: string;
  /** The stored data exactly as the store renders it (PostgreSQL: jsonb::text; EventStoreDB: the raw bytes). */
  readonly dataText: string;
  readonly metadataText: string;
  /** Microseconds since the Unix epoch: the store's own recording time, at its full precision. */
  readonly recordedAtMicros: bigint;
}

export const encodeAuditLeaf = (e: AuditLeafInput): Buffer =>
  Buffer.concat([
    Buffer.from('samad-event/v1'),
    i64(e.commit),
    i64(e.prepare),
    lengthPrefixed(e.streamId),
    i64(e.revision),
    lengthPrefixed(e.eventId),
    lengthPrefixed(e.type),
    lengthPrefixed(e.dataText),
    lengthPrefixed(e.metadataText),
    i64(e.recordedAtMicros),
  ]);

export const auditLeafHash = (e: AuditLeafInput): Buffer => hashLeaf(encodeAuditLeaf(e));

/** How a leaf is named to an auditor: position, stream and revision. */
export const describeLeaf = (e: {
  commit: bigint;
  prepare: bigint;
  streamId: string;
  revision: bigint;
}): string => `${e.streamId}@${e.revision} (position ${e.commit}:${e.prepare})`;
