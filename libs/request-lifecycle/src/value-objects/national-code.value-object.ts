import { DomainError } from '../shared/domain-error';
import { toAsciiDigits } from '../shared/persian-text';

/** کد ملی: 10 ASCII digits with a valid check digit. */
export type NationalCode = string & { readonly __brand: 'NationalCode' };

/** The check digit of 9 data digits: sum of digit[i]·(10−i), r = sum mod 11, check = r < 2 ? r : 11 − r. */
export const nationalCodeCheckDigit = (nineDigits: string): number => {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
};

// Operators type codes with Persian digits, dashes and spaces (e.g. ۰۴۹-۹۳۷۰۸۹-۹).
const digitsOf = (input: string): string => toAsciiDigits(input).replace(/[\s\-\u200c]/g, '');

/** Returns the canonical national code, or throws INVALID_NATIONAL_CODE. */
export const parseNationalCode = (input: string, field = 'nationalCode'): NationalCode => {
  const digits = digitsOf(input);
  if (!/^[0-9]{10}$/.test(digits))
    throw new DomainError('INVALID_NATIONAL_CODE', 'a national code has 10 digits', field);
  // 0000000000, 1111111111, … pass the checksum but are never issued.
  if (/^(\d)\1{9}$/.test(digits))
    throw new DomainError('INVALID_NATIONAL_CODE', 'not an issued national code', field);
  if (nationalCodeCheckDigit(digits) !== Number(digits[9])) {
    throw new DomainError('INVALID_NATIONAL_CODE', 'the national code check digit does not match', field);
  }
  return digits as NationalCode;
};

export const isValidNationalCode = (input: string): boolean => {
  try {
    parseNationalCode(input);
    return true;
  } catch {
    return false;
  }
};
