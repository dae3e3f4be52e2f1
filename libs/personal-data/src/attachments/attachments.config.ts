import { PostgresAttachmentStorage } from './postgres-attachment.storage';
import { S3AttachmentStorage, type S3AttachmentStorageOptions } from './s3-attachment.storage';
import type { AttachmentStorage } from './attachment-storage.port';

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface AttachmentsConfig {
  readonly maxBytes: number;
  readonly storage: { readonly kind: 'postgres' } | ({ readonly kind: 's3' } & S3AttachmentStorageOptions);
}

/**
 * ATTACHMENT_MAX_BYTES (default 10 MB) and ATTACHMENT_STORAGE=postgres|s3; s3 needs S3_ENDPOINT and
 * S3_BUCKET (S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY optional). A bad value stops the start.
 */
export const attachmentsConfigFrom = (env: NodeJS.ProcessEnv): AttachmentsConfig => {
  const raw = env.ATTACHMENT_MAX_BYTES?.trim();
  const maxBytes = raw ? Number(raw) : DEFAULT_ATTACHMENT_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new Error(`ATTACHMENT_MAX_BYTES must be a positive whole number of bytes, not "${raw}"`);
  }
  const kind = env.ATTACHMENT_STORAGE?.trim() || 'postgres';
  if (kind === 'postgres') return { maxBytes, storage: { kind } };
  if (kind !== 's3') throw new Error(`ATTACHMENT_STORAGE must be postgres or s3, not "${kind}"`);
  const endpoint = env.S3_ENDPOINT?.trim();
  const bucket = env.S3_BUCKET?.trim();
  if (!endpoint || !bucket) throw new Error('ATTACHMENT_STORAGE=s3 needs S3_ENDPOINT and S3_BUCKET');
  return {
    maxBytes,
    storage: {
      kind,
      endpoint,
      bucket,
      region: env.S3_REGION?.trim() || 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    },
  };
};

export const createAttachmentStorage = (
  config: AttachmentsConfig,
  databaseUrl: string,
  applicationName: string,
): AttachmentStorage =>
  config.storage.kind === 's3'
    ? new S3AttachmentStorage(config.storage)
    : new PostgresAttachmentStorage(databaseUrl, { applicationName: `${applicationName}-attachments` });
