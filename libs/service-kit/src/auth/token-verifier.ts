import { readFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { agencies } from '@samad/reference-data';
import { ConfigError } from '../config/service-config';
import type { AuthConfig } from './auth.config';
import { AuthenticationError, IdentityProviderUnavailableError } from './auth.errors';
import { agencyBoundRoles, isTokenRole, type Principal, type TokenRole } from './principal';

const agencyCodes = new Set(agencies.map((a) => a.code));
const SUBJECT = /^[^\s\p{Cc}]{1,200}$/u;

export interface VerifiedToken {
  principal: Principal;
  tokenId?: string;
  sessionId?: string;
  expiresAt: Date;
}

/** The claim by its exact name, else by a dotted path (`realm_access.roles`), as identity providers nest them. */
export function claimAt(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      payload,
    );
}

// A provider may list several roles; the first one Samad knows is the one the caller acts in.
function roleFrom(value: unknown): TokenRole | undefined {
  const candidates = Array.isArray(value) ? value : [value];
  return candidates.find(isTokenRole);
}

/** Reads the verification key once at start-up; a missing or unreadable key stops the service. */
function localKey(file: string): KeyObject {
  try {
    return createPublicKey(readFileSync(file));
  } catch (error) {
    throw new ConfigError([
      `AUTH_PUBLIC_KEY_FILE: cannot read a public key from ${file} (${(error as Error).message}); ` +
        'run `npm start` once to generate local keys, or set AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL',
    ]);
  }
}

/**
 * Verifies access tokens: signature with an explicitly allowed asymmetric algorithm (so `alg: none` and
 * HMAC-with-the-public-key forgeries fail), issuer, audience, expiry; then maps the claims to a principal.
 */
export class TokenVerifier {
  private constructor(
    private readonly config: AuthConfig,
    private readonly key: KeyObject | JWTVerifyGetKey,
  ) {}

  static create(config: AuthConfig): TokenVerifier {
    return new TokenVerifier(
      config,
      config.keys.source === 'local-file'
        ? localKey(config.keys.publicKeyFile)
        : createRemoteJWKSet(new URL(config.keys.jwksUrl), {
            timeoutDuration: 5000,
            cooldownDuration: 30000,
          }),
    );
  }

  async verify(token: string): Promise<Principal> {
    return (await this.verifyToken(token)).principal;
  }

  /** The principal plus what revocation needs: the token's id (jti), session (sid) and expiry. */
  async verifyToken(token: string): Promise<VerifiedToken> {
    const payload = await this.verifySignatureAndClaims(token);
    const principal = this.principalOf(payload);
    const str = (value: unknown) => (typeof value === 'string' && value.length <= 200 ? value : undefined);
    return {
      principal,
      tokenId: str(payload.jti),
      sessionId: str(payload.sid),
      expiresAt: new Date(payload.exp! * 1000),
    };
  }

  private principalOf(payload: JWTPayload): Principal {
    const sub = payload.sub;
    if (typeof sub !== 'string' || !SUBJECT.test(sub)) {
      throw new AuthenticationError('invalid', 'the token has no usable subject');
    }
    const role = roleFrom(claimAt(payload, this.config.roleClaim));
    if (!role) throw new AuthenticationError('invalid', 'the token carries no Samad role');
    if (!agencyBoundRoles.includes(role)) return { id: sub, role };
    const agency = claimAt(payload, this.config.agencyClaim);
    const agencyCode = typeof agency === 'string' ? agency.trim().toUpperCase() : undefined;
    if (!agencyCode || !agencyCodes.has(agencyCode)) {
      throw new AuthenticationError('invalid', `a ${role} token must name a known agency`);
    }
    return { id: sub, role, agencyCode };
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    try {
      const verifyOptions = {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      };
      const { payload } =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, verifyOptions)
          : await jwtVerify(token, this.key, verifyOptions);
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new AuthenticationError('expired', 'the token has expired');
      if (this.config.keys.source === 'jwks' && isKeySetFailure(error)) {
        throw new IdentityProviderUnavailableError(
          'the identity provider’s keys cannot be fetched; try again shortly',
        );
      }
      throw new AuthenticationError('invalid', 'the token is not valid');
    }
  }
}

// Failures to fetch the key set (network, timeout, bad document) say nothing about the token itself.
const isKeySetFailure = (error: unknown): boolean =>
  !(error instanceof errors.JOSEError) ||
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  error.code === 'ERR_JOSE_GENERIC';
