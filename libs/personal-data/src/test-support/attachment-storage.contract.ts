// What every attachment storage adapter must do; run against real stores by the *.int.spec.ts files.
import { randomUUID } from 'node:crypto';
import type { AttachmentStorage } from '../attachments/attachment-storage.port';

export const attachmentStorageContract = (create: () => AttachmentStorage) => {
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
