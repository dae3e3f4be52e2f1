// The storage port's contract against a real S3-compatible store. jest.config.js runs this file only when
// S3_ENDPOINT names one, and prints why it did not otherwise.
import { attachmentStorageContract } from '../test-support/attachment-storage.contract';
import { S3AttachmentStorage } from './s3-attachment.storage';

describe('S3AttachmentStorage', () => {
  attachmentStorageContract(
    () =>
      new S3AttachmentStorage({
        endpoint: process.env.S3_ENDPOINT!,
        bucket: process.env.S3_BUCKET ?? 'samad-attachments',
        region: process.env.S3_REGION ?? 'us-east-1',
        accessKeyId: process.env.S3_ACCESS_KEY_ID,
        secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
      }),
  );
});
