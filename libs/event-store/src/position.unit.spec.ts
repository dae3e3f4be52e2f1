import fc from 'fast-check';
import { comparePositions, formatPosition, parsePosition } from './position';

const position = fc.record({
  commit: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
  prepare: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
});

describe('positions', () => {
  it('format as "commit:prepare" and parse back', () => {
    fc.assert(fc.property(position, (p) => expect(parsePosition(formatPosition(p))).toEqual(p)));
    expect(formatPosition({ commit: 12n, prepare: 7n })).toBe('12:7');
  });

  it('order by commit, then prepare', () => {
    expect(comparePositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 0n })).toBeLessThan(0);
    expect(comparePositions({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 0n })).toBeGreaterThan(0);
    expect(comparePositions({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 1n })).toBe(0);
    fc.assert(
      fc.property(position, position, (a, b) =>
        expect(Math.sign(comparePositions(a, b))).toBe(-Math.sign(comparePositions(b, a))),
      ),
    );
  });

  it('refuse text that is not a position', () => {
    expect(() => parsePosition('12')).toThrow(RangeError);
    expect(() => parsePosition('a:b')).toThrow(/commit:prepare/);
  });
});
