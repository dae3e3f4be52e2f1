import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ActorRole } from '@samad/events';
import { repoRoot } from './environment';

// Tokens exactly like intake's login issues them, signed with the run's local key (scripts/prepare.ts makes it).
const keysDir = process.env.AUTH_KEYS_DIR ?? `${repoRoot}/.local/auth`;

export interface TokenOptions {
  agency?: string;
  sub?: string;
  expiresIn?: string;
}

export async function tokenFor(role: ActorRole, options: TokenOptions = {}): Promise<string> {
  const key = createPrivateKey(readFileSync(`${keysDir}/signing-key.pem`));
  return new SignJWT({ role, ...(options.agency && { agency: options.agency }) })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(options.sub ?? `${role}-test`)
    .setIssuer(process.env.AUTH_ISSUER ?? 'samad')
    .setAudience(process.env.AUTH_AUDIENCE ?? 'samad-api')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '15m')
    .sign(key);
}

/** `{ authorization: 'Bearer …' }` for fetch headers. */
export async function bearer(role: ActorRole, options: TokenOptions = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(role, options)}` };
}
