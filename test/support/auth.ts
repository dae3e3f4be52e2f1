import { readFileSync } from 'node:fs';
import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, type JWTPayload, type KeyLike } from 'jose';
import type { ActorRole } from '@samad/events';
import { repoRoot } from './environment';

// Tokens exactly like intake's login issues them, signed with the run's local key (scripts/prepare.ts makes it).
const keysDir = process.env.AUTH_KEYS_DIR ?? `${repoRoot}/.local/auth`;
export const testIssuer = process.env.AUTH_ISSUER ?? 'samad';
export const testAudience = process.env.AUTH_AUDIENCE ?? 'samad-api';

export const localSigningKey = (): KeyObject => createPrivateKey(readFileSync(`${keysDir}/signing-key.pem`));
export const localPublicKeyPem = (): string => readFileSync(`${keysDir}/public-key.pem`, 'utf8');

export interface TokenOptions {
  agency?: string;
  sub?: string;
  expiresIn?: string;
}

export async function tokenFor(role: ActorRole, options: TokenOptions = {}): Promise<string> {
  return new SignJWT({ role, ...(options.agency && { agency: options.agency }) })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(options.sub ?? `${role}-test`)
    .setIssuer(testIssuer)
    .setAudience(testAudience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '15m')
    .setJti(randomUUID())
    .sign(localSigningKey());
}

/** `{ authorization: 'Bearer …' }` for fetch headers. */
export async function bearer(role: ActorRole, options: TokenOptions = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(role, options)}` };
}

export interface CraftOptions {
  key?: KeyLike | Uint8Array;
  alg?: string;
  kid?: string;
  issuer?: string;
  audience?: string;
  /** null: no `sub` claim at all. */
  subject?: string | null;
  /** Seconds since the epoch. */
  expiresAt?: number;
  /** No `jti` claim at all (Samad's own tokens always carry one). */
  withoutId?: boolean;
}

/** Any token a test needs, good or bad: other keys, algorithms, issuers, audiences, claims, expiry. */
export async function craftToken(claims: JWTPayload, options: CraftOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'EdDSA', ...(options.kid && { kid: options.kid }) })
    .setIssuer(options.issuer ?? testIssuer)
    .setAudience(options.audience ?? testAudience)
    .setIssuedAt(now)
    .setExpirationTime(options.expiresAt ?? now + 900);
  if (claims.jti === undefined && !options.withoutId) jwt.setJti(randomUUID());
  if (options.subject !== null) jwt.setSubject(options.subject ?? 'crafted-user');
  return jwt.sign(options.key ?? localSigningKey());
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned token (`alg: none`), the classic forgery a verifier must refuse. */
export function unsignedToken(claims: JWTPayload): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: testIssuer, aud: testAudience, iat: now, exp: now + 900, ...claims };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
}

/** The token with its payload rewritten and the original signature kept. */
export function tamperedToken(token: string, change: (payload: JWTPayload) => JWTPayload): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as JWTPayload;
  return `${header}.${base64url(change(claims))}.${signature}`;
}
