import { readFileSync } from 'node:fs';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { SignJWT, type JWK } from 'jose';
import { ConfigError, type AuthConfig, type LoginConfig, type TokenRole } from '@samad/service-kit';

export interface TokenSubject {
  username: string;
  role: TokenRole;
  agencyCode?: string;
  /** The sign-in session (refresh-token family) this token belongs to; ending it revokes the token. */
  sessionId: string;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

function readKey<T>(variable: string, file: string, parse: (pem: Buffer) => T): T {
  try {
    return parse(readFileSync(file));
  } catch (error) {
    throw new ConfigError([
      `${variable}: cannot read a key from ${file} (${(error as Error).message}); ` +
        'run `npm start` once to generate local keys, or point the variable at the key',
    ]);
  }
}

/** Signs intake's access tokens with the local Ed25519 key; every service verifies them with the public key. */
export class TokenIssuer {
  private constructor(
    private readonly auth: AuthConfig,
    private readonly login: LoginConfig,
    private readonly privateKey: KeyObject,
    readonly publicJwk: JWK,
  ) {}

  /** Reads both keys at start-up; a missing or mismatched key stops the service with a configuration error. */
  static create(auth: AuthConfig, login: LoginConfig): TokenIssuer {
    const privateKey = readKey('AUTH_PRIVATE_KEY_FILE', login.privateKeyFile, createPrivateKey);
    const publicKey = readKey('AUTH_PUBLIC_KEY_FILE', login.publicKeyFile, createPublicKey);
    // A signing key that does not match the verification key would issue tokens nobody accepts.
    const probe = Buffer.from('samad key pair check');
    if (
      privateKey.asymmetricKeyType !== 'ed25519' ||
      !verify(null, probe, publicKey, sign(null, probe, privateKey))
    ) {
      throw new ConfigError([
        `AUTH_PRIVATE_KEY_FILE: ${login.privateKeyFile} is not the Ed25519 key matching ${login.publicKeyFile}`,
      ]);
    }
    const { crv, kty, x } = publicKey.export({ format: 'jwk' });
    // RFC 7638 thumbprint as the key id, so a JWKS consumer can tell rotated keys apart.
    const kid = createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');
    return new TokenIssuer(auth, login, privateKey, { kty: kty!, crv, x, kid, alg: 'EdDSA', use: 'sig' });
  }

  async issue(subject: TokenSubject, now = new Date()): Promise<IssuedToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const claims = {
      [this.auth.roleClaim]: subject.role,
      ...(subject.agencyCode && { [this.auth.agencyClaim]: subject.agencyCode }),
      sid: subject.sessionId,
    };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: this.publicJwk.kid })
      .setSubject(subject.username)
      .setIssuer(this.auth.issuer)
      .setAudience(this.auth.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.login.tokenTtlSeconds)
      // Every token has an id, so logout can put it on the deny-list every service reads.
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { accessToken, expiresIn: this.login.tokenTtlSeconds };
  }
}
