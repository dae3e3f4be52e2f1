/**
 * Where attachment bytes sit (ADR 29). The bytes given are already sealed under the citizen's key, so a
 * storage (a table, a bucket) never holds a readable file; erasure destroys the key and deletes the bytes.
 */
export interface AttachmentStorage {
  /** `postgres` or `s3`: recorded next to each attachment so a later switch still finds old files. */
  readonly kind: string;
  put(id: string, sealed: Buffer): Promise<void>;
  /** Undefined when nothing is stored under the id (never stored, or deleted). */
  get(id: string): Promise<Buffer | undefined>;
  /** Idempotent: ids with nothing stored are skipped. */
  delete(ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
