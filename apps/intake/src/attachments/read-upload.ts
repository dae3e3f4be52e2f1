import type { Request, Response } from 'express';
import { AttachmentRefusedError } from '@samad/personal-data';

interface UploadedFile {
  readonly buffer: Buffer;
}
type Handler = (req: Request, res: Response, done: (error?: unknown) => void) => void;
interface Multer {
  (options: { storage: unknown; limits: { fileSize: number; files: number } }): { any(): Handler };
  memoryStorage(): unknown;
}
// multer comes with @nestjs/platform-express, without type declarations in this workspace.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const multer = require('multer') as Multer;

const tooLarge = (maxBytes: number): AttachmentRefusedError =>
  new AttachmentRefusedError(
    'ATTACHMENT_TOO_LARGE',
    `پرونده بیش از ${maxBytes} بایت است (the file is over the ${maxBytes}-byte limit)`,
  );

const readMultipart = (req: Request, maxBytes: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    // Memory storage: the file is checked and sealed before any byte of it is written anywhere.
    const upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: maxBytes, files: 1 },
    }).any();
    upload(req, {} as Response, (error: unknown) => {
      if ((error as { code?: string } | undefined)?.code === 'LIMIT_FILE_SIZE')
        return reject(tooLarge(maxBytes));
      if (error) return reject(error);
      const files = (req as Request & { files?: UploadedFile[] }).files ?? [];
      resolve(files[0]?.buffer);
    });
  });

const readRaw = (req: Request, maxBytes: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume(); // drain the rest so the refusal can be answered
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * The uploaded file's bytes: the first file of a multipart/form-data body (any field name), or the raw
 * body of any other content type. What the client declares about the type is ignored (ADR 29).
 */
export const readUpload = async (req: Request, maxBytes: number): Promise<Buffer> => {
  if (/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
    const file = await readMultipart(req, maxBytes);
    if (!file)
      throw new AttachmentRefusedError(
        'ATTACHMENT_TYPE_NOT_ALLOWED',
        'بدنه پرونده‌ای ندارد (no file in the form)',
      );
    return file;
  }
  // A JSON or form body was already read by the body parser: waiting for the stream would hang forever.
  if ((req as { _body?: unknown })._body === true || req.readableEnded)
    throw new AttachmentRefusedError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'بدنه پرونده نیست (the body is JSON or a form, not a file: send the raw bytes or multipart/form-data)',
    );
  return readRaw(req, maxBytes);
};
