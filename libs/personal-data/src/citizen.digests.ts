import { createHmac } from 'node:crypto';
import type { PersonalDataKeys } from './personal-data.secret';

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
}
