import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@samad/request-lifecycle';
import {
  AccessDeniedError,
  AuthenticationError,
  IdentityProviderUnavailableError,
  InvalidCredentialsError,
} from '../auth/auth.errors';
import { TooManyRequestsError } from './too-many-requests.error';

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 Problem Details: the one error shape every Samad HTTP API answers with. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

/** Thrown by controllers for bad input; carries each bad field so the caller can fix them all at once. */
export class InputValidationError extends BadRequestException {
  constructor(readonly errors: FieldProblem[]) {
    super('invalid input');
  }
}

// Domain and store errors carry a stable `code`; the HTTP status follows from what the code means.
const statusByCode: Record<string, number> = {
  WRONG_EXPECTED_VERSION: HttpStatus.CONFLICT,
  STREAM_NOT_FOUND: HttpStatus.NOT_FOUND,
  // 422, not 409: nothing about a request's state conflicts; the client sent a different body under a used key.
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
};

export function statusForCode(code: string): number {
  if (statusByCode[code]) return statusByCode[code];
  if (code.endsWith('_NOT_FOUND')) return HttpStatus.NOT_FOUND;
  if (code.startsWith('INVALID_') || code.endsWith('_REQUIRED')) return HttpStatus.BAD_REQUEST;
  return HttpStatus.CONFLICT; // the request's current state does not allow the command
}

const isCoded = (error: unknown): error is Error & { code: string } =>
  error instanceof Error &&
  typeof (error as { code?: unknown }).code === 'string' &&
  !(error instanceof HttpException);

// body-parser's errors (http-errors): a client error it is safe to describe, such as a body over the limit.
const isClientHttpError = (error: unknown): error is Error & { status: number } => {
  const { expose, status } = (error ?? {}) as { expose?: unknown; status?: unknown };
  return (
    error instanceof Error && expose === true && typeof status === 'number' && status >= 400 && status < 500
  );
};

// A header value must be plain ASCII without quotes.
const quoted = (text: string): string => text.replace(/[^\x20-\x7e]|["\\]/g, '');

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = this.toProblem(error);
    const response = host.switchToHttp().getResponse<Response>();
    for (const [name, value] of Object.entries(this.headersFor(error))) response.setHeader(name, value);
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private headersFor(error: unknown): Record<string, string> {
    if (error instanceof AuthenticationError) {
      // RFC 6750: a request without a token gets no error code; a bad token gets invalid_token.
      return {
        'WWW-Authenticate':
          error.reason === 'missing'
            ? 'Bearer realm="samad"'
            : `Bearer realm="samad", error="invalid_token", error_description="${quoted(error.message)}"`,
      };
    }
    if (error instanceof InvalidCredentialsError) return { 'WWW-Authenticate': 'Bearer realm="samad"' };
    if (error instanceof TooManyRequestsError) return { 'Retry-After': String(error.retryAfterSeconds) };
    return {};
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof InputValidationError) {
      return {
        type: 'urn:samad:problem:invalid-input',
        title: 'ورودی نامعتبر است (invalid input)',
        status: 400,
        errors: error.errors,
      };
    }
    if (error instanceof DomainError) {
      const status = { invalid: 400, not_found: 404, forbidden: 404, conflict: 409 }[error.category];
      return {
        type: `urn:samad:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
        title: error.message,
        status,
        code: error.code,
        ...(error.field && { errors: [{ field: error.field, message: error.message }] }),
      };
    }
    if (isCoded(error) && !/^E[A-Z]+$/.test(error.code) && !/^\d/.test(error.code)) {
      const status = statusForCode(error.code);
      return {
        type: `urn:samad:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
        title: error.message,
        status,
        code: error.code,
      };
    }
    if (error instanceof AuthenticationError) {
      return {
        type: 'urn:samad:problem:unauthenticated',
        title: 'ورود لازم است (authentication required)',
        status: 401,
        detail: error.message,
      };
    }
    if (error instanceof InvalidCredentialsError) {
      return {
        type: 'urn:samad:problem:invalid-credentials',
        title: 'نام کاربری یا گذرواژه نادرست است (wrong username or password)',
        status: 401,
        code: 'INVALID_CREDENTIALS',
      };
    }
    if (error instanceof AccessDeniedError) {
      return {
        type: 'urn:samad:problem:forbidden',
        title: 'دسترسی مجاز نیست (access denied)',
        status: 403,
        detail: error.message,
      };
    }
    if (error instanceof IdentityProviderUnavailableError) {
      return {
        type: 'urn:samad:problem:identity-provider-unavailable',
        title: 'identity provider unavailable',
        status: 503,
        detail: error.message,
      };
    }
    if (error instanceof TooManyRequestsError) {
      return {
        type: 'urn:samad:problem:too-many-requests',
        title: 'درخواست‌ها بیش از حد مجاز است (too many requests)',
        status: 429,
        detail: error.message,
      };
    }
    if (isClientHttpError(error)) {
      const tooLarge = error.status === 413;
      return {
        type: tooLarge ? 'urn:samad:problem:payload-too-large' : `urn:samad:problem:http-${error.status}`,
        title: tooLarge ? 'request body too large' : error.message,
        status: error.status,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return { type: `urn:samad:problem:http-${status}`, title: error.message, status };
    }
    // Unknown failures: log everything, tell the caller nothing internal.
    this.logger.error((error as Error)?.stack ?? String(error));
    return { type: 'urn:samad:problem:internal', title: 'Internal error', status: 500 };
  }
}
