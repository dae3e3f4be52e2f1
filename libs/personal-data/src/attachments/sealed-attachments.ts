import { createHash, randomUUID } from 'node:crypto';
import type { CitizenKeyVault } from '../citizen-key.vault';
import { openPersonalBytes, sealPersonalBytes } from '../personal-data.cipher';
import type { AttachmentStorage } from './attachment-storage.port';
import { attachmentTypeOf, type AttachmentContentType } from './attachment-type';

/** Rows in, rows out: a TypeORM DataSource or EntityManager fits. */
export interface AttachmentSql {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

export interface AttachmentMetadata {
  readonly id: string;
  readonly trackingCode: string;
  readonly contentType: AttachmentContentType;
  readonly size: number;
  readonly sha256: string;
  readonly addedBy: string;
  readonly addedAt: Date;
}

/** A file refused before anything is stored; `code` is the Problem Details code (ADR 12). */
export class AttachmentRefusedError extends Error {
  constructor(
    readonly code: 'ATTACHMENT_TYPE_NOT_ALLOWED' | 'ATTACHMENT_TOO_LARGE' | 'ATTACHMENT_NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

interface Row {
  id: string;
  tracking_code: string;
  citizen_ref: string;
  content_type: AttachmentContentType;
  size: number;
  sha256: string;
  storage: string;
  added_by: string;
  added_at: Date;
}

const metadataOf = (r: Row): AttachmentMetadata => ({
  id: r.id,
  trackingCode: r.tracking_code,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  addedBy: r.added_by,
  addedAt: r.added_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const aadOf = (id: string): string => `attachment:${id.toLowerCase()}`;

/**
 * Scanned letters and photos as personal data (ADR 29): each file is checked by its content, sealed under
 * the key of the request's representative citizen (citizens[0], like the request's free text) and put in
 * the storage; once that key is destroyed nothing opens it, and erasure deletes the bytes as well.
 */
export class SealedAttachments {
  constructor(
    private readonly vault: CitizenKeyVault,
    private readonly storage: AttachmentStorage,
    readonly maxBytes: number,
  ) {}

  /** Checks the file's type and size; throws AttachmentRefusedError, stores nothing, when it is refused. */
  check(bytes: Buffer): AttachmentContentType {
    if (bytes.length === 0)
      throw new AttachmentRefusedError('ATTACHMENT_TYPE_NOT_ALLOWED', 'پرونده خالی است (empty file)');
    if (bytes.length > this.maxBytes) {
      throw new AttachmentRefusedError(
        'ATTACHMENT_TOO_LARGE',
        `پرونده بیش از ${this.maxBytes} بایت است (the file is over the ${this.maxBytes}-byte limit)`,
      );
    }
    const type = attachmentTypeOf(bytes);
    if (!type) {
      throw new AttachmentRefusedError(
        'ATTACHMENT_TYPE_NOT_ALLOWED',
        'فقط PDF، JPEG و PNG پذیرفته است؛ نوع از محتوای پرونده خوانده می‌شود (only PDF, JPEG and PNG, read from the content)',
      );
    }
    return type;
  }

  /** Seals and stores the file and records what it is; the caller appends AttachmentAdded afterwards. */
  async store(
    sql: AttachmentSql,
    streamId: string,
    trackingCode: string,
    bytes: Buffer,
    addedBy: string,
  ): Promise<AttachmentMetadata> {
    const contentType = this.check(bytes);
    const citizenRef = await this.vault.citizenRefAt(streamId, 0);
    const key = citizenRef ? (await this.vault.dataKeys([citizenRef])).get(citizenRef) : undefined;
    // No live key: the citizen was erased, so there is nobody to attach personal data to any more.
    if (!citizenRef || !key) {
      throw new AttachmentRefusedError(
        'ATTACHMENT_NOT_FOUND',
        `درخواست ${trackingCode} پیوست نمی‌پذیرد (no live citizen key)`,
      );
    }
    const id = randomUUID();
    await this.storage.put(id, sealPersonalBytes(key, aadOf(id), bytes));
    const [row] = (await sql.query(
      `INSERT INTO personal_data.attachments
         (id, tracking_code, citizen_ref, content_type, size, sha256, storage, added_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        id,
        trackingCode,
        citizenRef,
        contentType,
        bytes.length,
        createHash('sha256').update(bytes).digest('hex'),
        this.storage.kind,
        addedBy,
      ],
    )) as Row[];
    return metadataOf(row);
  }

  async list(sql: AttachmentSql, trackingCode: string): Promise<AttachmentMetadata[]> {
    const rows = (await sql.query(
      `SELECT * FROM personal_data.attachments WHERE tracking_code = $1 ORDER BY added_at, id`,
      [trackingCode],
    )) as Row[];
    return rows.map(metadataOf);
  }

  /** The file's metadata and bytes, or undefined when there is none (or its key was destroyed). */
  async open(
    sql: AttachmentSql,
    trackingCode: string,
    id: string,
  ): Promise<{ metadata: AttachmentMetadata; bytes: Buffer } | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = (await sql.query(
      `SELECT * FROM personal_data.attachments WHERE id = $1 AND tracking_code = $2`,
      [id, trackingCode],
    )) as Row[];
    if (!row) return undefined;
    const key = (await this.vault.dataKeys([row.citizen_ref])).get(row.citizen_ref);
    const sealed = key ? await this.storage.get(row.id) : undefined;
    if (!key || !sealed) return undefined;
    return { metadata: metadataOf(row), bytes: openPersonalBytes(key, aadOf(row.id), sealed) };
  }

  /** Erasure: every file of these requests is deleted, bytes first, then what they were. Idempotent. */
  async eraseRequests(sql: AttachmentSql, trackingCodes: readonly string[]): Promise<number> {
    if (trackingCodes.length === 0) return 0;
    const rows = (await sql.query(
      `SELECT id FROM personal_data.attachments WHERE tracking_code = ANY($1::text[])`,
      [trackingCodes],
    )) as { id: string }[];
    await this.storage.delete(rows.map((r) => r.id));
    await sql.query(`DELETE FROM personal_data.attachments WHERE id = ANY($1::uuid[])`, [
      rows.map((r) => r.id),
    ]);
    return rows.length;
  }
}
