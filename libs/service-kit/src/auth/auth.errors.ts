import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';

/** No token, or one that does not verify: 401 with `WWW-Authenticate: Bearer`. */
export class AuthenticationError extends UnauthorizedException {
  constructor(
    readonly reason: 'missing' | 'invalid' | 'expired',
    detail: string,
  ) {
    super(detail);
  }
}

/** A valid token whose role may not use the endpoint: 403. */
export class AccessDeniedError extends ForbiddenException {}

/** The identity provider's keys cannot be fetched, so no token can be checked: 503, not 401. */
export class IdentityProviderUnavailableError extends ServiceUnavailableException {}

/** A login with a wrong username or password: one answer for both, so usernames cannot be discovered. */
export class InvalidCredentialsError extends UnauthorizedException {
  constructor() {
    super('wrong username or password');
  }
}
