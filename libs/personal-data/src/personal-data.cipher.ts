import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM throughout: a 96-bit random IV per message and a 128-bit tag, so tampering is detected.
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const SEALED_VERSION = 'pd1';

/** Stored personal data that does not decrypt with its key: tampered with, or sealed under another key. */
export class PersonalDataIntegrityError extends Error {
  readonly code = 'PERSONAL_DATA_INTEGRITY';
}

const b64url = (bytes: Buffer): string => bytes.toString('base64url');

const checkKey = (key: Buffer): void => {
  if (key.length !== KEY_BYTES) throw new RangeError(`a personal-data key is ${KEY_BYTES} bytes`);
};

/** A fresh random data key for one citizen. */
export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

const encrypt = (key: Buffer, aad: string, plaintext: Buffer): { iv: Buffer; ct: Buffer; tag: Buffer } => {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
};

const decrypt = (key: Buffer, aad: string, iv: Buffer, ct: Buffer, tag: Buffer): Buffer => {
  checkKey(key);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new PersonalDataIntegrityError('malformed sealed personal data');
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    throw new PersonalDataIntegrityError('sealed personal data does not verify (tampered, or another key)');
  }
};

/**
 * Seals a value (UTF-8 text) as `pd1.<iv>.<ciphertext>.<tag>` (base64url). The associated data binds it
 * to where it is stored, so a sealed value moved to another place no longer opens.
 */
export const sealPersonalData = (key: Buffer, aad: string, plaintext: string): string => {
  const { iv, ct, tag } = encrypt(key, aad, Buffer.from(plaintext, 'utf8'));
  return [SEALED_VERSION, b64url(iv), b64url(ct), b64url(tag)].join('.');
};

const SEALED_BYTES_VERSION = 1;

/** Seals bytes (a scanned letter, a photo) as `version ‖ iv ‖ tag ‖ ciphertext`, bound to `aad`. */
export const sealPersonalBytes = (key: Buffer, aad: string, plaintext: Buffer): Buffer => {
  const { iv, ct, tag } = encrypt(key, aad, plaintext);
  return Buffer.concat([Buffer.from([SEALED_BYTES_VERSION]), iv, tag, ct]);
};

/** @throws PersonalDataIntegrityError when the bytes are malformed, tampered with or sealed under another key */
export const openPersonalBytes = (key: Buffer, aad: string, sealed: Buffer): Buffer => {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== SEALED_BYTES_VERSION) {
    throw new PersonalDataIntegrityError('malformed sealed personal data');
  }
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  return decrypt(key, aad, iv, sealed.subarray(1 + IV_BYTES + TAG_BYTES), tag);
};

export const isSealedPersonalData = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(`${SEALED_VERSION}.`);

/** @throws PersonalDataIntegrityError when the value is malformed, tampered with or sealed under another key */
export const openPersonalData = (key: Buffer, aad: string, sealed: string): string => {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== SEALED_VERSION) {
    throw new PersonalDataIntegrityError('malformed sealed personal data');
  }
  const [iv, ct, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  return decrypt(key, aad, iv, ct, tag).toString('utf8');
};

/** A data key as the vault stores it: `iv ‖ tag ‖ ciphertext`, under the wrapping key, bound to its citizen. */
export const wrapDataKey = (wrappingKey: Buffer, dataKey: Buffer, citizenRef: string): Buffer => {
  checkKey(dataKey);
  const { iv, ct, tag } = encrypt(wrappingKey, `samad/citizen-key/${citizenRef}`, dataKey);
  return Buffer.concat([iv, tag, ct]);
};

/** @throws PersonalDataIntegrityError when the stored key was altered or wrapped under another secret */
export const unwrapDataKey = (wrappingKey: Buffer, wrapped: Buffer, citizenRef: string): Buffer => {
  if (wrapped.length !== IV_BYTES + TAG_BYTES + KEY_BYTES) {
    throw new PersonalDataIntegrityError(`stored key of citizen ${citizenRef} is malformed`);
  }
  const iv = wrapped.subarray(0, IV_BYTES);
  const tag = wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const ct = wrapped.subarray(IV_BYTES + TAG_BYTES);
  return decrypt(wrappingKey, `samad/citizen-key/${citizenRef}`, iv, ct, tag);
};
