import { waitAfterFailures } from './login-delay';

describe('waitAfterFailures', () => {
  it('asks no wait below the limit', () => {
    expect(waitAfterFailures(4, 0, 5, 900)).toBe(0);
    expect(waitAfterFailures(0, null, 5, 900)).toBe(0);
  });

  it('doubles the wait with each failure past the limit, up to the cap', () => {
    expect([5, 6, 7, 8, 20].map((n) => waitAfterFailures(n, 0, 5, 900))).toEqual([2, 4, 8, 16, 900]);
  });

  it('counts the wait from the last failure, in whole seconds', () => {
    expect(waitAfterFailures(7, 1.5, 5, 900)).toBe(7);
    expect(waitAfterFailures(7, 8, 5, 900)).toBe(0);
  });
});
