// The storage port's contract, against the real PostgreSQL and (when S3_ENDPOINT is set) a real S3 store.
import { randomUUID } from 'node:crypto';
import type { AttachmentStorage } from './attachment-storage.port';
import { PostgresAttachmentStorage } from './postgres-attachment.storage';
import { S3AttachmentStorage } from './s3-attachment.storage';

const contract = (create: () => AttachmentStorage) => {
  let storage: AttachmentStorage;
  beforeAll(() => {
    storage = create();
  });
  afterAll(async () => storage?.close());

  it('gives back the very bytes it was given, and nothing once deleted', async () => {
    const id = randomUUID();
    const bytes = Buffer.from([1, 0, 255, 7, ...Buffer.from('sealed')]);
    await storage.put(id, bytes);
    expect((await storage.get(id))?.equals(bytes)).toBe(true);
    await storage.delete([id]);
    expect(await storage.get(id)).toBeUndefined();
    await storage.delete([id]); // idempotent
  });

  it('knows nothing of an id never stored', async () => {
    expect(await storage.get(randomUUID())).toBeUndefined();
  });
};

describe('PostgresAttachmentStorage', () => {
  contract(
    () =>
      new PostgresAttachmentStorage(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad', {
        poolSize: 1,
      }),
  );
});

const s3Endpoint = process.env.S3_ENDPOINT;
// No S3-compatible store here: say so in the test name rather than pretend to have tested it.
(s3Endpoint ? describe : describe.skip)(
  s3Endpoint ? 'S3AttachmentStorage' : 'S3AttachmentStorage — skipped: S3_ENDPOINT is not set',
  () => {
    contract(
      () =>
        new S3AttachmentStorage({
          endpoint: s3Endpoint!,
          bucket: process.env.S3_BUCKET ?? 'samad-attachments',
          region: process.env.S3_REGION ?? 'us-east-1',
          accessKeyId: process.env.S3_ACCESS_KEY_ID,
          secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
        }),
    );
  },
);
