// What one event contributes to the store-wide tree: every stored fact about it, as stored (sealed bytes
// included), so an erasure that destroys keys never changes a leaf.
import { hashLeaf } from './merkle';

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

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const i64 = (n: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};
// Length prefixes keep field boundaries unambiguous.
const text = (s: string): Buffer => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
};

export const encodeAuditLeaf = (e: AuditLeafInput): Buffer =>
  Buffer.concat([
    Buffer.from('samad-event/v1'),
    i64(e.commit),
    i64(e.prepare),
    text(e.streamId),
    i64(e.revision),
    text(e.eventId),
    text(e.type),
    text(e.dataText),
    text(e.metadataText),
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
