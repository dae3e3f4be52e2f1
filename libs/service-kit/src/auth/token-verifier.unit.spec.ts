import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, type JWTPayload } from 'jose';
import type { AuthConfig } from './auth.config';
import { AuthenticationError } from './auth.errors';
import { TokenVerifier } from './token-verifier';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const dir = mkdtempSync(join(tmpdir(), 'samad-auth-'));
const publicKeyFile = join(dir, 'public-key.pem');
writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));

const config: AuthConfig = {
  issuer: 'samad',
  audience: 'samad-api',
  keys: { source: 'local-file', publicKeyFile },
  algorithms: ['EdDSA'],
  roleClaim: 'role',
  agencyClaim: 'agency',
  revocationCacheMs: 5000,
};
const verifier = TokenVerifier.create(config);

const now = () => Math.floor(Date.now() / 1000);
const sign = (
  claims: JWTPayload,
  {
    key = privateKey as KeyObject | Uint8Array,
    alg = 'EdDSA',
    iss = 'samad',
    aud = 'samad-api',
    exp = now() + 600,
  } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);

const refusal = async (token: string): Promise<string> => {
  try {
    await verifier.verify(token);
  } catch (error) {
    if (error instanceof AuthenticationError) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
};

describe('TokenVerifier (local key)', () => {
  it('accepts a good token and maps subject, role and agency', async () => {
    await expect(verifier.verify(await sign({ sub: 'operator1', role: 'operator' }))).resolves.toEqual({
      id: 'operator1',
      role: 'operator',
    });
    await expect(
      verifier.verify(await sign({ sub: 'staff.abfa', role: 'agency_staff', agency: 'abfa' })),
    ).resolves.toEqual({ id: 'staff.abfa', role: 'agency_staff', agencyCode: 'ABFA' });
  });

  it('refuses expired, foreign-issuer, foreign-audience and other-key tokens', async () => {
    const claims = { sub: 'x', role: 'admin' };
    expect(await refusal(await sign(claims, { exp: now() - 60 }))).toBe('expired');
    expect(await refusal(await sign(claims, { iss: 'someone-else' }))).toBe('invalid');
    expect(await refusal(await sign(claims, { aud: 'another-api' }))).toBe('invalid');
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(await refusal(await sign(claims, { key: other }))).toBe('invalid');
  });

  it('refuses alg none and HMAC signed with the public key', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const payload = { sub: 'x', role: 'admin', iss: 'samad', aud: 'samad-api', exp: now() + 600 };
    expect(await refusal(`${b64({ alg: 'none' })}.${b64(payload)}.`)).toBe('invalid');
    const pem = new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(await refusal(await sign({ sub: 'x', role: 'admin' }, { key: pem, alg: 'HS256' }))).toBe(
      'invalid',
    );
  });

  it('refuses tokens without a subject, without a Samad role, or agency staff without a known agency', async () => {
    expect(await refusal(await sign({ role: 'admin' }))).toBe('invalid');
    expect(await refusal(await sign({ sub: 'x', role: 'citizen' }))).toBe('invalid');
    expect(await refusal(await sign({ sub: 'x', role: 'system' }))).toBe('invalid');
    expect(await refusal(await sign({ sub: 'x', role: 'agency_staff' }))).toBe('invalid');
    expect(await refusal(await sign({ sub: 'x', role: 'agency_staff', agency: 'NOPE' }))).toBe('invalid');
  });

  it('reads roles from a nested, listed claim as identity providers send them', async () => {
    const nested = TokenVerifier.create({
      ...config,
      roleClaim: 'realm_access.roles',
      agencyClaim: 'samad_agency',
    });
    const token = await sign({
      sub: 'f3a1',
      realm_access: { roles: ['offline_access', 'agency_system', 'supervisor'] },
      samad_agency: 'BARGH',
    });
    await expect(nested.verify(token)).resolves.toEqual({
      id: 'f3a1',
      role: 'agency_system',
      agencyCode: 'BARGH',
    });
  });

  it('stops start-up with a configuration error when the public key cannot be read', () => {
    expect(() =>
      TokenVerifier.create({
        ...config,
        keys: { source: 'local-file', publicKeyFile: join(dir, 'missing.pem') },
      }),
    ).toThrow(/AUTH_PUBLIC_KEY_FILE: cannot read a public key/);
  });
});
