import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { CitizenDigests } from './citizen.digests';
import {
  PersonalDataIntegrityError,
  newDataKey,
  openPersonalData,
  sealPersonalData,
  unwrapDataKey,
  wrapDataKey,
} from './personal-data.cipher';
import {
  DEVELOPMENT_PERSONAL_DATA_SECRET,
  PersonalDataConfigError,
  derivePersonalDataKeys,
  personalDataSecretFromEnv,
} from './personal-data.secret';

const aad = 'samad/personal-data/v1|request-1000000017|0|6f1c3a52-1d0e-4c4e-9a55-0b5a3e1d2c10';
const citizen = JSON.stringify({ nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' });

/** Flips one bit of the base64url part `part` (1 = iv, 2 = ciphertext, 3 = tag) of a sealed value. */
const tamper = (sealed: string, part: number): string => {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
};

describe('personal-data cipher (AES-256-GCM)', () => {
  it('round-trips any text, Persian, emoji and control characters included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (text, context) => {
        const key = newDataKey();
        expect(openPersonalData(key, context, sealPersonalData(key, context, text))).toBe(text);
      }),
    );
  });

  it('never shows the plaintext and never seals the same value twice the same way', () => {
    const key = newDataKey();
    const a = sealPersonalData(key, aad, citizen);
    const b = sealPersonalData(key, aad, citizen);
    expect(a).toMatch(/^pd1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toBe(b);
    for (const secret of ['0499370899', '09171234567', 'زهرا']) expect(a).not.toContain(secret);
  });

  it('refuses a sealed value with any part tampered with', () => {
    const key = newDataKey();
    const sealed = sealPersonalData(key, aad, citizen);
    for (const part of [1, 2, 3]) {
      expect(() => openPersonalData(key, aad, tamper(sealed, part))).toThrow(PersonalDataIntegrityError);
    }
    expect(() => openPersonalData(key, aad, sealed.replace('pd1.', 'pd2.'))).toThrow(
      PersonalDataIntegrityError,
    );
    expect(() => openPersonalData(key, aad, 'pd1.abc')).toThrow(PersonalDataIntegrityError);
  });

  it('refuses another key, and a value moved to another place (associated data)', () => {
    const sealed = sealPersonalData(newDataKey(), aad, citizen);
    expect(() => openPersonalData(newDataKey(), aad, sealed)).toThrow(PersonalDataIntegrityError);
    const key = newDataKey();
    const here = sealPersonalData(key, aad, citizen);
    expect(() => openPersonalData(key, aad.replace('|0|', '|1|'), here)).toThrow(PersonalDataIntegrityError);
  });

  it('refuses keys that are not 256 bits', () => {
    expect(() => sealPersonalData(randomBytes(16), aad, citizen)).toThrow(RangeError);
  });

  it('wraps a data key bound to its citizen, and detects a swap or another secret', () => {
    const { wrap } = derivePersonalDataKeys('a'.repeat(40));
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(wrap, dataKey, 'ref-a');
    expect(wrapped).toHaveLength(60);
    expect(unwrapDataKey(wrap, wrapped, 'ref-a').equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(wrap, wrapped, 'ref-b')).toThrow(PersonalDataIntegrityError);
    const other = derivePersonalDataKeys('b'.repeat(40)).wrap;
    expect(() => unwrapDataKey(other, wrapped, 'ref-a')).toThrow(PersonalDataIntegrityError);
    expect(() => unwrapDataKey(wrap, wrapped.subarray(1), 'ref-a')).toThrow(PersonalDataIntegrityError);
  });
});

describe('personal-data keys and digests', () => {
  it('derives a different key for every purpose, stable for a secret', () => {
    const keys = derivePersonalDataKeys('s'.repeat(32));
    expect(new Set([keys.lookup, keys.search, keys.wrap].map((k) => k.toString('hex'))).size).toBe(3);
    expect(derivePersonalDataKeys('s'.repeat(32)).wrap.equals(keys.wrap)).toBe(true);
    expect(derivePersonalDataKeys('t'.repeat(32)).wrap.equals(keys.wrap)).toBe(false);
  });

  it('digests identifiers with the secret: stable, distinct per purpose, not the plain hash', () => {
    const digests = new CitizenDigests(derivePersonalDataKeys('s'.repeat(32)));
    const other = new CitizenDigests(derivePersonalDataKeys('t'.repeat(32)));
    expect(digests.nationalCode('0499370899')).toMatch(/^[0-9a-f]{64}$/);
    expect(digests.nationalCode('0499370899')).toBe(digests.nationalCode('0499370899'));
    expect(digests.nationalCode('0499370899')).not.toBe(other.nationalCode('0499370899'));
    expect(digests.nationalCode('0499370899')).not.toBe(digests.keyLookup('0499370899').toString('hex'));
    expect(digests.mobile('0499370899')).not.toBe(digests.nationalCode('0499370899'));
  });

  it('uses the development secret only outside production', () => {
    expect(personalDataSecretFromEnv({})).toBe(DEVELOPMENT_PERSONAL_DATA_SECRET);
    expect(() => personalDataSecretFromEnv({ NODE_ENV: 'production' })).toThrow(PersonalDataConfigError);
    expect(() =>
      personalDataSecretFromEnv({
        NODE_ENV: 'production',
        PERSONAL_DATA_SECRET: DEVELOPMENT_PERSONAL_DATA_SECRET,
      }),
    ).toThrow(PersonalDataConfigError);
    expect(() => personalDataSecretFromEnv({ PERSONAL_DATA_SECRET: 'short' })).toThrow(
      PersonalDataConfigError,
    );
    const strong = 'x'.repeat(48);
    expect(personalDataSecretFromEnv({ NODE_ENV: 'production', PERSONAL_DATA_SECRET: ` ${strong} ` })).toBe(
      strong,
    );
  });
});
