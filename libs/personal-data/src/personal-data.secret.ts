import { hkdfSync } from 'node:crypto';

/** The one server secret behind personal-data protection; every key below is derived from it. */
export const PERSONAL_DATA_SECRET_ENV = 'PERSONAL_DATA_SECRET';

// Local development and tests only: refused when NODE_ENV=production.
export const DEVELOPMENT_PERSONAL_DATA_SECRET =
  'samad-local-development-personal-data-secret-never-in-production';

const MIN_SECRET_LENGTH = 32;

/** A wrong PERSONAL_DATA_SECRET; the message names the variable. */
export class PersonalDataConfigError extends Error {
  readonly variable = PERSONAL_DATA_SECRET_ENV;

  constructor(readonly problem: string) {
    super(`${PERSONAL_DATA_SECRET_ENV}: ${problem}`);
  }
}

/**
 * The secret from an already-read value: the documented development default only outside production.
 * The services' configuration calls this; scripts read the environment through personalDataSecretFromEnv.
 */
export function parsePersonalDataSecret(value: string | undefined, production: boolean): string {
  const given = value?.trim();
  if (!given) {
    if (production) {
      throw new PersonalDataConfigError(
        `must be set in production (at least ${MIN_SECRET_LENGTH} characters)`,
      );
    }
    return DEVELOPMENT_PERSONAL_DATA_SECRET;
  }
  if (given.length < MIN_SECRET_LENGTH) {
    throw new PersonalDataConfigError(`must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (production && given === DEVELOPMENT_PERSONAL_DATA_SECRET) {
    throw new PersonalDataConfigError('is the development default');
  }
  return given;
}

/** For scripts (prepare's migrations); a service gets its keys from loadServiceConfig. */
export const personalDataSecretFromEnv = (env: NodeJS.ProcessEnv = process.env): string =>
  parsePersonalDataSecret(env[PERSONAL_DATA_SECRET_ENV], env.NODE_ENV === 'production');

/** Independent 256-bit keys, one per purpose, so no digest or ciphertext can stand in for another. */
export interface PersonalDataKeys {
  /** HMAC key of the vault's national code → citizen key lookup. */
  readonly lookup: Buffer;
  /** HMAC key of the digests read models search by (national code, mobile). */
  readonly search: Buffer;
  /** AES-256-GCM key wrapping every citizen's data key at rest. */
  readonly wrap: Buffer;
}

const derive = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'samad/personal-data', `samad/personal-data/v1/${purpose}`, 32));

export const derivePersonalDataKeys = (secret: string): PersonalDataKeys => ({
  lookup: derive(secret, 'lookup'),
  search: derive(secret, 'search'),
  wrap: derive(secret, 'wrap'),
});

/** For scripts (prepare's migrations); a service gets its keys from loadServiceConfig. */
export const personalDataKeysFromEnv = (env: NodeJS.ProcessEnv = process.env): PersonalDataKeys =>
  derivePersonalDataKeys(personalDataSecretFromEnv(env));
