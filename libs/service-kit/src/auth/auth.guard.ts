import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessDeniedError, AuthenticationError } from './auth.errors';
import type { Principal, TokenRole } from './principal';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import type { ServiceConfig } from '../config/service-config';
import { SERVICE_CONFIG } from '../service-tokens';
import { RevocationList } from './revocation-list';
import { TokenVerifier, type VerifiedToken } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

const verified = new WeakMap<Request, VerifiedToken>();

/** The verified caller of this HTTP request; undefined on public routes. */
export const principalOf = (request: Request): Principal | undefined => verified.get(request)?.principal;

/** The verified token of this HTTP request (its jti, sid and expiry), for logout; undefined on public routes. */
export const verifiedTokenOf = (request: Request): VerifiedToken | undefined => verified.get(request);

function bearerToken(request: Request): string {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer +([\w-]+\.[\w-]*\.[\w-]*) *$/i);
  if (!header)
    throw new AuthenticationError('missing', 'an access token is required (Authorization: Bearer)');
  if (!match) throw new AuthenticationError('invalid', 'the Authorization header is not a Bearer token');
  return match[1];
}

/**
 * Every route needs a valid token with one of the roles its `@Roles(...)` names, unless it is `@Public()`.
 * A route that names neither is closed to everyone: forgetting the decorator fails safe.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly revocations: RevocationList,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const token = await this.verifier.verifyToken(bearerToken(request));
    await this.refuseRevoked(token);
    verified.set(request, token);
    const { principal } = token;
    const roles = this.reflector.getAllAndOverride<TokenRole[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(principal.role)) {
      throw new AccessDeniedError(`the ${principal.role} role may not use this endpoint`);
    }
    return true;
  }

  // Samad's own tokens always carry a jti, so each can be revoked; an identity provider's may not, and
  // those are revoked at the provider.
  private async refuseRevoked({ tokenId, sessionId }: VerifiedToken): Promise<void> {
    if (!tokenId) {
      if (this.config.auth.keys.source === 'local-file') {
        throw new AuthenticationError('invalid', 'the token has no id (jti)');
      }
      return;
    }
    if (await this.revocations.isRevoked(tokenId, sessionId)) {
      throw new AuthenticationError('invalid', 'the token has been revoked');
    }
  }
}
