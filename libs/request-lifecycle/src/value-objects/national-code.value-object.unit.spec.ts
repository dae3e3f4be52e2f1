import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { toPersianDigits } from '../shared/persian-text';
import { isValidNationalCode, nationalCodeCheckDigit, parseNationalCode } from './national-code.value-object';

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });
const validCode = nineDigits
  .map((data) => `${data}${nationalCodeCheckDigit(data)}`)
  .filter((code) => !/^(\d)\1{9}$/.test(code));

describe('national code', () => {
  it('accepts known-valid codes', () => {
    expect(parseNationalCode('0499370899')).toBe('0499370899');
    expect(parseNationalCode('3691122337')).toBe('3691122337');
    expect(parseNationalCode('1234567891')).toBe('1234567891');
  });

  it('accepts Persian and Arabic-Indic digits, dashes and spaces', () => {
    expect(parseNationalCode('۰۴۹-۹۳۷۰۸۹-۹')).toBe('0499370899');
    expect(parseNationalCode(' ٠٤٩٩٣٧٠٨٩٩ ')).toBe('0499370899');
  });

  it.each(['', '049937089', '04993708990', '049937089x', '0499370898'])('rejects %j', (input) => {
    expect(() => parseNationalCode(input)).toThrow(DomainError);
    expect(isValidNationalCode(input)).toBe(false);
  });

  it('rejects all-same-digit codes, even those whose checksum works', () => {
    for (let d = 0; d <= 9; d++) expect(isValidNationalCode(String(d).repeat(10))).toBe(false);
  });

  it('reports the field it was given', () => {
    expect(() => parseNationalCode('123', 'citizens[2].nationalCode')).toThrow(
      expect.objectContaining({ code: 'INVALID_NATIONAL_CODE', field: 'citizens[2].nationalCode' }),
    );
  });

  it('accepts every code built with the check digit, in any digit script (property)', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(parseNationalCode(code)).toBe(code);
        expect(parseNationalCode(toPersianDigits(code))).toBe(code);
      }),
    );
  });

  it('rejects every wrong check digit (property)', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 1, max: 9 }), (code, shift) => {
        const wrong = (Number(code[9]) + shift) % 10;
        expect(isValidNationalCode(`${code.slice(0, 9)}${wrong}`)).toBe(false);
      }),
    );
  });

  it('computes the documented check digit: sum of digit·(10−i), r = sum mod 11, r < 2 ? r : 11 − r (property)', () => {
    fc.assert(
      fc.property(nineDigits, (data) => {
        const sum = [...data].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
        const r = sum % 11;
        expect(nationalCodeCheckDigit(data)).toBe(r < 2 ? r : 11 - r);
      }),
    );
  });
});
