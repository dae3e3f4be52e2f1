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

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = this.toProblem(error);
    const response = host.switchToHttp().getResponse<Response>();
    response.status(problem.status).type('application/problem+json').json(problem);
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
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return { type: `urn:samad:problem:http-${status}`, title: error.message, status };
    }
    // Unknown failures: log everything, tell the caller nothing internal.
    this.logger.error((error as Error)?.stack ?? String(error));
    return { type: 'urn:samad:problem:internal', title: 'Internal error', status: 500 };
  }
}
