import { DomainError } from '../shared/domain-error';
import { toAsciiDigits } from '../shared/persian-text';

/** An Iranian mobile number in the canonical national form `09xxxxxxxxx`. */
export type IranianMobile = string & { readonly __brand: 'IranianMobile' };

/**
 * Accepts +98 9xx…, 0098 9xx…, 98 9xx…, 09xx… and 9xx… (with Persian digits, spaces, dashes, brackets)
 * and returns `09xxxxxxxxx`, or throws INVALID_MOBILE.
 */
export const parseIranianMobile = (input: string, field = 'mobile'): IranianMobile => {
  const digits = toAsciiDigits(input)
    .trim()
    .replace(/^\+/, '00')
    .replace(/[\s\-().\u200c]/g, '');
  const national = /^(?:0098|98|0)?(9[0-9]{9})$/.exec(digits);
  if (!national) throw new DomainError('INVALID_MOBILE', 'not an Iranian mobile number (09xxxxxxxxx)', field);
  return `0${national[1]}` as IranianMobile;
};

export const isValidIranianMobile = (input: string): boolean => {
  try {
    parseIranianMobile(input);
    return true;
  } catch {
    return false;
  }
};
