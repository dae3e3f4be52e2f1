import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import {
  formatTrackingCode,
  isValidTrackingCode,
  MAX_TRACKING_SEQUENCE,
  parseTrackingCode,
  trackingCodeFromNumber,
  trackingCodeToNumber,
} from './tracking-code.value-object';

const sequence = fc.integer({ min: 1, max: MAX_TRACKING_SEQUENCE });
const validCode = sequence.map(trackingCodeFromNumber);

describe('tracking code', () => {
  it('makes 10-digit codes from a sequence, without a leading zero', () => {
    expect(trackingCodeFromNumber(1)).toMatch(/^100000000\d$/);
    expect(trackingCodeFromNumber(1n)).toBe(trackingCodeFromNumber(1));
    expect(trackingCodeFromNumber(MAX_TRACKING_SEQUENCE)).toMatch(/^999999999\d$/);
  });

  it.each([0, -1, MAX_TRACKING_SEQUENCE + 1, 1.5, Number.NaN])('refuses sequence %p', (n) => {
    expect(() => trackingCodeFromNumber(n)).toThrow(RangeError);
  });

  it('formats for reading aloud, in Latin or Persian digits', () => {
    const code = trackingCodeFromNumber(123_456);
    expect(formatTrackingCode(code)).toBe(`${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`);
    expect(formatTrackingCode(trackingCodeFromNumber(1), { digits: 'persian' })).toMatch(
      /^۱۰۰-۰۰۰-۰۰۰[۰-۹]$/,
    );
  });

  it('parses what a citizen reads back: Persian digits, dashes, spaces', () => {
    const code = trackingCodeFromNumber(4242);
    expect(parseTrackingCode(formatTrackingCode(code, { digits: 'persian' }))).toBe(code);
    expect(parseTrackingCode(` ${code.slice(0, 5)} ${code.slice(5)} `)).toBe(code);
  });

  it.each(['', '123', '12345678901', '0123456789', 'abcdefghij'])('rejects %j', (input) => {
    expect(isValidTrackingCode(input)).toBe(false);
    expect(() => parseTrackingCode(input)).toThrow(DomainError);
  });

  it('round-trips sequence → code → sequence (property)', () => {
    fc.assert(
      fc.property(sequence, (n) => {
        const code = trackingCodeFromNumber(n);
        expect(code).toMatch(/^[1-9][0-9]{9}$/);
        expect(isValidTrackingCode(code)).toBe(true);
        expect(trackingCodeToNumber(code)).toBe(n);
      }),
    );
  });

  it('detects every single-digit substitution (property)', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        for (let position = 0; position < code.length; position++) {
          for (let digit = 0; digit <= 9; digit++) {
            if (String(digit) === code[position]) continue;
            const typo = `${code.slice(0, position)}${digit}${code.slice(position + 1)}`;
            expect(isValidTrackingCode(typo)).toBe(false);
          }
        }
      }),
    );
  });

  it('detects every adjacent transposition (property)', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        for (let position = 0; position < code.length - 1; position++) {
          if (code[position] === code[position + 1]) continue;
          const swapped = `${code.slice(0, position)}${code[position + 1]}${code[position]}${code.slice(position + 2)}`;
          expect(isValidTrackingCode(swapped)).toBe(false);
        }
      }),
    );
  });
});
