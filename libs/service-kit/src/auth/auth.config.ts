import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/** Asymmetric signature algorithms only: `none` and HMAC (HS*) can never verify a Samad token. */
export const asymmetricAlgorithms = [
  'EdDSA',
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
] as const;
export type AsymmetricAlgorithm = (typeof asymmetricAlgorithms)[number];

/** Where the keys that verify access tokens come from. */
export type VerificationKeys =
  { source: 'local-file'; publicKeyFile: string } | { source: 'jwks'; jwksUrl: string };

export interface AuthConfig {
  issuer: string;
  audience: string;
  keys: VerificationKeys;
  algorithms: AsymmetricAlgorithm[];
  /** Claim holding the Samad role (a name, or a dotted path such as `realm_access.roles`). */
  roleClaim: string;
  /** Claim holding an agency's code for agency staff and agency systems. */
  agencyClaim: string;
  /** How long a deny-list answer is reused (AUTH_REVOCATION_CACHE_MS, at most 5 s): the revocation bound. */
  revocationCacheMs: number;
}

/** Intake's own login, when tokens are issued locally rather than by the province's identity provider. */
export interface LoginConfig {
  privateKeyFile: string;
  publicKeyFile: string;
  tokenTtlSeconds: number;
  /** Life of a refresh token (and of the session it belongs to). */
  refreshTtlSeconds: number;
  /** Failures of one username from one client before each further attempt must wait. */
  maxFailuresPerPair: number;
  /** Failures from one client, any usernames, before each further attempt must wait. */
  maxFailuresPerClient: number;
  failureWindowSeconds: number;
  /** The cap of the growing wait (2^k seconds). */
  maxDelaySeconds: number;
}

// The repository root in development (dist/ or ts sources alike); the working directory in a container.
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  return process.cwd();
}

/** `AUTH_KEYS_DIR`, else `<repo>/.local/auth`, where `scripts/prepare.ts` writes the local key pair. */
export const defaultKeysDir = (env: { AUTH_KEYS_DIR?: string }): string =>
  resolve(env.AUTH_KEYS_DIR ?? join(repositoryRoot(), '.local', 'auth'));

const isHttpUrl = (value: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const claimName = z
  .string()
  .regex(/^[\w:/.-]{1,100}$/, 'must be a claim name or a dotted path such as realm_access.roles');
const text = z.string().trim().min(1).max(200);
const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

const authSchema = z.object({
  AUTH_ISSUER: text.default('samad'),
  AUTH_AUDIENCE: text.default('samad-api'),
  AUTH_JWKS_URL: z.string().refine(isHttpUrl, 'must be an http(s) URL').optional(),
  AUTH_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  AUTH_ALGORITHMS: z
    .string()
    .transform((value) => value.split(',').map((a) => a.trim()))
    .pipe(
      z.array(z.enum(asymmetricAlgorithms, `each must be one of ${asymmetricAlgorithms.join(', ')}`)).min(1),
    )
    .optional(),
  AUTH_ROLE_CLAIM: claimName.default('role'),
  AUTH_AGENCY_CLAIM: claimName.default('agency'),
  AUTH_REVOCATION_CACHE_MS: z.coerce.number().int().min(0).max(5000).default(5000),
});

/** Intake's own sign-in; the key files are placed by loginConfigOf (they depend on the key directory). */
export const loginSchema = z.object({
  AUTH_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  LOGIN_MAX_FAILURES: positiveInt(1000).default(5),
  LOGIN_MAX_FAILURES_PER_CLIENT: positiveInt(100000).default(50),
  LOGIN_FAILURE_WINDOW_SECONDS: positiveInt(86400).default(900),
  LOGIN_MAX_DELAY_SECONDS: positiveInt(86400).default(900),
  AUTH_REFRESH_TTL_SECONDS: z.coerce.number().int().min(60).max(2592000).default(28800),
});

/** What the auth part of a service's configuration reads: verification for all, the key directory for login. */
export interface AuthSettings {
  auth: AuthConfig;
  keysDir: string;
}

/**
 * Token verification settings for every service. Local keys by default; `AUTH_JWKS_URL` switches every
 * service to an external OpenID Connect issuer.
 */
export const authSettingsSchema = authSchema
  .extend({ AUTH_KEYS_DIR: z.string().min(1).optional() })
  .transform((values): AuthSettings => {
    const keysDir = defaultKeysDir(values);
    const external = values.AUTH_JWKS_URL !== undefined;
    return {
      keysDir,
      auth: {
        issuer: values.AUTH_ISSUER,
        audience: values.AUTH_AUDIENCE,
        keys: external
          ? { source: 'jwks', jwksUrl: values.AUTH_JWKS_URL! }
          : {
              source: 'local-file',
              publicKeyFile: resolve(values.AUTH_PUBLIC_KEY_FILE ?? join(keysDir, 'public-key.pem')),
            },
        // Local tokens are Ed25519 only; identity providers commonly sign with EdDSA, ES256 or RS256.
        algorithms: values.AUTH_ALGORITHMS ?? (external ? ['EdDSA', 'ES256', 'RS256'] : ['EdDSA']),
        roleClaim: values.AUTH_ROLE_CLAIM,
        agencyClaim: values.AUTH_AGENCY_CLAIM,
        revocationCacheMs: values.AUTH_REVOCATION_CACHE_MS,
      },
    };
  });

/** Intake's login from both parts; none with an external identity provider (people sign in there). */
export function loginConfigOf(
  settings: AuthSettings,
  login: z.output<typeof loginSchema>,
): LoginConfig | undefined {
  if (settings.auth.keys.source !== 'local-file') return undefined;
  return {
    privateKeyFile: resolve(login.AUTH_PRIVATE_KEY_FILE ?? join(settings.keysDir, 'signing-key.pem')),
    publicKeyFile: settings.auth.keys.publicKeyFile,
    tokenTtlSeconds: login.AUTH_TOKEN_TTL_SECONDS,
    refreshTtlSeconds: login.AUTH_REFRESH_TTL_SECONDS,
    maxFailuresPerPair: login.LOGIN_MAX_FAILURES,
    maxFailuresPerClient: login.LOGIN_MAX_FAILURES_PER_CLIENT,
    failureWindowSeconds: login.LOGIN_FAILURE_WINDOW_SECONDS,
    maxDelaySeconds: login.LOGIN_MAX_DELAY_SECONDS,
  };
}
