import { dammCheckDigit, isDammValid } from './damm-check-digit';

const digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
// op(a, b) read back through the public API: the interim digit after "a" then "b" from row 0 is op(op(0,a),b).
const op = (row: number, digit: number): number => {
  // Find the prefix that leaves the interim digit at `row`: a single digit p with op(0, p) = row.
  const prefix = digits.find((p) => dammCheckDigit(String(p)) === row);
  return dammCheckDigit(`${prefix}${digit}`);
};

describe('Damm check digit', () => {
  it('matches the published example (572 → 4)', () => {
    expect(dammCheckDigit('572')).toBe(4);
    expect(isDammValid('5724')).toBe(true);
    expect(isDammValid('5274')).toBe(false);
  });

  it('uses a quasigroup with a zero diagonal (every row and column a permutation)', () => {
    for (const a of digits) {
      expect(new Set(digits.map((b) => op(a, b))).size).toBe(10);
      expect(new Set(digits.map((b) => op(b, a))).size).toBe(10);
      expect(op(a, a)).toBe(0);
    }
  });

  it('is weakly totally anti-symmetric, so every adjacent transposition is caught (exhaustive)', () => {
    for (const c of digits) {
      for (const x of digits) {
        for (const y of digits) {
          if (x !== y) expect(op(op(c, x), y)).not.toBe(op(op(c, y), x));
        }
      }
    }
  });

  it('rejects anything but ASCII digits', () => {
    expect(isDammValid('')).toBe(false);
    expect(isDammValid('57a4')).toBe(false);
  });
});
