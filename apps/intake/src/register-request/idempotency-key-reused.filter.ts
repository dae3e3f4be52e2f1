import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ProblemDetails } from '@samad/service-kit';
import { IdempotencyKeyReusedError } from './register-request.handler';

/** 422, not 409: nothing about the request's state conflicts; the client sent a different body under a used key. */
@Catch(IdempotencyKeyReusedError)
export class IdempotencyKeyReusedFilter implements ExceptionFilter {
  catch(error: IdempotencyKeyReusedError, host: ArgumentsHost): void {
    const problem: ProblemDetails = {
      type: 'urn:samad:problem:idempotency-key-reused',
      title: 'کلید تکرار پیش‌تر برای درخواست دیگری به کار رفته است (Idempotency-Key reused)',
      status: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      detail: error.message,
    };
    host.switchToHttp().getResponse<Response>().status(422).type('application/problem+json').json(problem);
  }
}
