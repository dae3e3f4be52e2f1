// The storage port's contract against the real PostgreSQL (s3-attachment.storage.int.spec.ts: a real S3 store).
import { attachmentStorageContract } from '../test-support/attachment-storage.contract';
import { PostgresAttachmentStorage } from './postgres-attachment.storage';

describe('PostgresAttachmentStorage', () => {
  attachmentStorageContract(
    () =>
      new PostgresAttachmentStorage(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad', {
        poolSize: 1,
      }),
  );
});
