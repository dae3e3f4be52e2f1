import fc from 'fast-check';
import { isValidTrackingCode, trackingCodeToNumber } from '@samad/request-lifecycle';
import { scrambleTrackingNumber, trackingCodeForSequence } from './tracking-number';

const RANGE = 900_000_000n;
const sequence = fc.bigInt({ min: 0n, max: RANGE - 1n });

// The inverse of the affine map, found from two outputs: proves the map is a bijection without enumerating it.
const modInverse = (a: bigint, m: bigint): bigint => {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('not invertible');
  return ((oldS % m) + m) % m;
};
const B = scrambleTrackingNumber(0);
const A = (scrambleTrackingNumber(1) - B + RANGE) % RANGE;
const unscramble = (x: bigint): bigint => (((x - B + RANGE) % RANGE) * modInverse(A, RANGE)) % RANGE;

describe('tracking number scrambling', () => {
  it('uses a multiplier coprime to the range, so the map is invertible', () => {
    expect(() => modInverse(A, RANGE)).not.toThrow();
  });

  it('is a bijection on 0..899,999,999: every output maps back to its input (property)', () => {
    fc.assert(
      fc.property(sequence, (n) => {
        const scrambled = scrambleTrackingNumber(n);
        expect(scrambled).toBeGreaterThanOrEqual(0n);
        expect(scrambled).toBeLessThan(RANGE);
        expect(unscramble(scrambled)).toBe(n);
      }),
    );
  });

  it('gives consecutive registrations codes that are far apart', () => {
    const [a, b, c] = [0, 1, 2].map((n) => trackingCodeToNumber(trackingCodeForSequence(n)));
    expect(Math.abs(b - a)).toBeGreaterThan(1000);
    expect(Math.abs(c - b)).toBeGreaterThan(1000);
  });

  it('turns every sequence number, the extremes included, into a valid tracking code (property)', () => {
    for (const n of [0n, RANGE - 1n]) expect(isValidTrackingCode(trackingCodeForSequence(n))).toBe(true);
    fc.assert(
      fc.property(sequence, (n) => expect(isValidTrackingCode(trackingCodeForSequence(n))).toBe(true)),
    );
  });

  it('refuses numbers outside the sequence range', () => {
    expect(() => scrambleTrackingNumber(-1)).toThrow(RangeError);
    expect(() => scrambleTrackingNumber(RANGE)).toThrow(RangeError);
  });
});
