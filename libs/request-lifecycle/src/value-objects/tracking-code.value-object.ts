import { DomainError } from '../shared/domain-error';
import { toAsciiDigits, toPersianDigits } from '../shared/persian-text';
import { dammCheckDigit, isDammValid } from './damm-check-digit';

/** کد رهگیری: 9 data digits (never starting with 0) + 1 Damm check digit, e.g. `1000000170`. */
export type TrackingCode = string & { readonly __brand: 'TrackingCode' };

// Offset so the first code is 100000000x: no leading zero to be dropped by spreadsheets or misread aloud.
const FIRST_DATA = 100_000_000n;
export const MAX_TRACKING_SEQUENCE = 900_000_000;

/**
 * The tracking code of the n-th request (n ≥ 1 from a database sequence or similar, passed in).
 * Throws RangeError outside 1..900,000,000: that is a caller bug, not a citizen's input.
 */
export const trackingCodeFromNumber = (n: bigint | number): TrackingCode => {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  const sequence = BigInt(n);
  if (sequence < 1n || sequence > BigInt(MAX_TRACKING_SEQUENCE)) {
    throw new RangeError(`tracking sequence out of range 1..${MAX_TRACKING_SEQUENCE}: ${sequence}`);
  }
  const data = String(FIRST_DATA + sequence - 1n);
  return `${data}${dammCheckDigit(data)}` as TrackingCode;
};

/** The sequence number a tracking code was made from (inverse of trackingCodeFromNumber). */
export const trackingCodeToNumber = (code: TrackingCode): number =>
  Number(BigInt(code.slice(0, 9)) - FIRST_DATA + 1n);

// Citizens read codes back with Persian digits, spaces or the dashes of the printed form.
const digitsOf = (input: string): string => toAsciiDigits(input).replace(/[\s\-\u200c]/g, '');

/** Returns the canonical code, or throws INVALID_TRACKING_CODE. */
export const parseTrackingCode = (input: string, field = 'trackingCode'): TrackingCode => {
  const digits = digitsOf(input);
  if (!/^[1-9][0-9]{9}$/.test(digits)) {
    throw new DomainError(
      'INVALID_TRACKING_CODE',
      'a tracking code has 10 digits and does not start with 0',
      field,
    );
  }
  if (!isDammValid(digits))
    throw new DomainError('INVALID_TRACKING_CODE', 'the tracking code check digit does not match', field);
  return digits as TrackingCode;
};

export const isValidTrackingCode = (input: string): boolean => {
  try {
    parseTrackingCode(input);
    return true;
  } catch {
    return false;
  }
};

export interface FormatTrackingCodeOptions {
  readonly digits?: 'latin' | 'persian';
}

/**
 * `123-456-7890`, grouped for reading aloud. Hyphens, not spaces: in right-to-left Persian text a hyphen
 * between digits keeps the groups in one left-to-right run, while spaces would let the groups reorder.
 */
export const formatTrackingCode = (code: TrackingCode, options: FormatTrackingCodeOptions = {}): string => {
  const grouped = `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`;
  return options.digits === 'persian' ? toPersianDigits(grouped) : grouped;
};
