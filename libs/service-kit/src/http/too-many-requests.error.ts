import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 Problem Details with `Retry-After`, for throttled logins and rate-limited lookups. */
export class TooManyRequestsError extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    detail = 'too many requests; try again later',
  ) {
    super(detail, HttpStatus.TOO_MANY_REQUESTS);
  }
}
