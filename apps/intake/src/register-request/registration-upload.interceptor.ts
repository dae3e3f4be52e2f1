import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { AttachmentRefusedError, type SealedAttachments } from '@samad/personal-data';
import { InputValidationError, SEALED_ATTACHMENTS } from '@samad/service-kit';

/** Files one registration may carry (scanned letter pages and photos); more are added afterwards. */
export const MAX_REGISTRATION_FILES = 10;
/** The `registration` part: the same JSON as a plain registration body, whose own limit it keeps. */
const MAX_REGISTRATION_PART_BYTES = 1024 * 1024;

type Handler = (req: Request, res: Response, done: (error?: unknown) => void) => void;
interface Multer {
  (options: {
    storage: unknown;
    limits: { fileSize: number; files: number; fields: number; fieldSize: number };
  }): { any(): Handler };
  memoryStorage(): unknown;
}
// multer comes with @nestjs/platform-express, without type declarations in this workspace.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const multer = require('multer') as Multer;

/** The files of a multipart registration, in the order sent (memory only until checked and sealed). */
export interface RegistrationFile {
  readonly field: string;
  readonly bytes: Buffer;
}
export const REGISTRATION_FILES = Symbol('samad.registration-files');
export const registrationFilesOf = (req: Request): readonly RegistrationFile[] =>
  (req as Request & { [REGISTRATION_FILES]?: RegistrationFile[] })[REGISTRATION_FILES] ?? [];

const refusal = (error: unknown, maxBytes: number): unknown => {
  switch ((error as { code?: string } | undefined)?.code) {
    case 'LIMIT_FILE_SIZE':
      return new AttachmentRefusedError(
        'ATTACHMENT_TOO_LARGE',
        `پرونده بیش از ${maxBytes} بایت است (the file is over the ${maxBytes}-byte limit)`,
      );
    case 'LIMIT_FILE_COUNT':
      return new InputValidationError([
        { field: 'files', message: `at most ${MAX_REGISTRATION_FILES} files with a registration` },
      ]);
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_VALUE':
    case 'LIMIT_FIELD_KEY':
      return new InputValidationError([
        { field: 'registration', message: 'one `registration` part of at most 1 MB of JSON' },
      ]);
    default:
      return error;
  }
};

/**
 * A multipart/form-data registration (ADR 29): the `registration` part (JSON, the body a plain
 * registration sends) becomes the body the validation pipe checks, and the files wait on the request for
 * the controller, which checks every one before anything is registered. Other bodies pass untouched.
 * An interceptor, because interceptors run before pipes.
 */
@Injectable()
export class RegistrationUploadInterceptor implements NestInterceptor {
  constructor(@Inject(SEALED_ATTACHMENTS) private readonly attachments: SealedAttachments) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
      await this.read(req, http.getResponse<Response>());
    }
    return next.handle();
  }

  private async read(req: Request, res: Response): Promise<void> {
    const maxBytes = this.attachments.maxBytes;
    await new Promise<void>((resolve, reject) =>
      multer({
        storage: multer.memoryStorage(),
        limits: {
          fileSize: maxBytes,
          files: MAX_REGISTRATION_FILES,
          fields: 1,
          fieldSize: MAX_REGISTRATION_PART_BYTES,
        },
      }).any()(req, res, (error) => (error ? reject(refusal(error, maxBytes)) : resolve())),
    );
    const fields = req.body as Record<string, unknown> | undefined;
    const part = fields?.registration;
    if (typeof part !== 'string') {
      throw new InputValidationError([
        { field: 'registration', message: 'a multipart registration needs its `registration` JSON part' },
      ]);
    }
    try {
      req.body = JSON.parse(part) as unknown;
    } catch {
      throw new InputValidationError([{ field: 'registration', message: 'must be JSON' }]);
    }
    const files = (req as Request & { files?: { fieldname: string; buffer: Buffer }[] }).files ?? [];
    (req as Request & { [REGISTRATION_FILES]?: RegistrationFile[] })[REGISTRATION_FILES] = files.map((f) => ({
      field: f.fieldname,
      bytes: f.buffer,
    }));
  }
}
