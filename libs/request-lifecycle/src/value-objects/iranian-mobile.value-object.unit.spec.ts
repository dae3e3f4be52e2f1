import fc from 'fast-check';
import { toPersianDigits } from '../shared/persian-text';
import { isValidIranianMobile, parseIranianMobile } from './iranian-mobile.value-object';

const subscriber = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });

describe('Iranian mobile', () => {
  it.each([
    ['09171234567', '09171234567'],
    ['9171234567', '09171234567'],
    ['+989171234567', '09171234567'],
    ['00989171234567', '09171234567'],
    ['989171234567', '09171234567'],
    ['+98 (917) 123-4567', '09171234567'],
    ['۰۹۱۷ ۱۲۳ ۴۵۶۷', '09171234567'],
    ['9891234567', '09891234567'],
  ])('normalises %j to %j', (input, expected) => {
    expect(parseIranianMobile(input)).toBe(expected);
  });

  it.each(['', '0917123456', '091712345678', '07633331111', '+19171234567', '+0989171234567', '0917123456x'])(
    'rejects %j',
    (input) => {
      expect(isValidIranianMobile(input)).toBe(false);
      expect(() => parseIranianMobile(input, 'citizens[0].mobile')).toThrow(
        expect.objectContaining({ code: 'INVALID_MOBILE', field: 'citizens[0].mobile' }),
      );
    },
  );

  it('gives the same 09xxxxxxxxx for every accepted spelling (property)', () => {
    const prefix = fc.constantFrom('0', '', '+98', '0098', '98', '+98 ', '0098-');
    fc.assert(
      fc.property(subscriber, prefix, fc.boolean(), (rest, pre, persian) => {
        const typed = `${pre}9${rest}`;
        const expected = `09${rest}`;
        expect(parseIranianMobile(persian ? toPersianDigits(typed) : typed)).toBe(expected);
      }),
    );
  });

  it('output is always 11 digits starting with 09 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789+ -۰۹٩'), maxLength: 16 }), (input) => {
        if (isValidIranianMobile(input)) expect(parseIranianMobile(input)).toMatch(/^09[0-9]{9}$/);
      }),
    );
  });
});
