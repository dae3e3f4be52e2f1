import { createHmac } from 'node:crypto';
import type { PersonalDataKeys } from './personal-data.secret';

/** Who a citizen's key belongs to: the national code, or the mobile of a mobile-only citizen (ADR 39). */
export type CitizenIdentity = { readonly nationalCode: string } | { readonly mobile: string };

/** The identity of a citizen as registered: by national code when there is one, else by mobile (ADR 39). */
export const identityOf = (citizen: {
  readonly nationalCode: string | null;
  readonly mobile: string;
}): CitizenIdentity =>
  citizen.nationalCode !== null ? { nationalCode: citizen.nationalCode } : { mobile: citizen.mobile };

const hmac = (key: Buffer, label: string, value: string): Buffer =>
  createHmac('sha256', key).update(`${label}\u0000${value}`, 'utf8').digest();

/**
 * Keyed one-way digests of identifiers. A plain SHA-256 of a 10-digit national code is reversed by trying
 * all 10^10 of them; without the server secret these cannot be. Pass canonical values (ASCII digits).
 */
export class CitizenDigests {
  constructor(private readonly keys: Pick<PersonalDataKeys, 'lookup' | 'search'>) {}

  /** What a read model stores and searches by instead of the national code (hex). */
  nationalCode(nationalCode: string): string {
    return hmac(this.keys.search, 'national-code', nationalCode).toString('hex');
  }

  /** What a read model stores and searches by instead of the mobile number (hex). */
  mobile(mobile: string): string {
    return hmac(this.keys.search, 'mobile', mobile).toString('hex');
  }

  /** The vault's own lookup digest (another key: a read model's digest cannot find a citizen's key). */
  keyLookup(nationalCode: string): Buffer {
    return hmac(this.keys.lookup, 'national-code', nationalCode);
  }

  /**
   * The lookup digest of a citizen registered by mobile alone (channel `web`, ADR 39): its own label, so a
   * mobile-only key is never the key of whoever holds a national code, and only erasure by mobile finds it.
   */
  mobileKeyLookup(mobile: string): Buffer {
    return hmac(this.keys.lookup, 'mobile-only', mobile);
  }

  /** The vault's lookup digest of a citizen: by national code, or by mobile for a mobile-only citizen. */
  citizenKeyLookup(identity: CitizenIdentity): Buffer {
    return 'nationalCode' in identity
      ? this.keyLookup(identity.nationalCode)
      : this.mobileKeyLookup(identity.mobile);
  }
}
