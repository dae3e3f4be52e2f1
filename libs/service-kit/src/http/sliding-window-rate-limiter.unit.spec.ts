import { SlidingWindowRateLimiter } from './sliding-window-rate-limiter';

describe('SlidingWindowRateLimiter', () => {
  const minute = 60_000;
  const start = 100 * minute + 59_000; // one second before a minute boundary: no fixed window resets here

  it('allows up to the limit per key within any window, then refuses with the seconds left', () => {
    const limiter = new SlidingWindowRateLimiter(3, minute);
    expect([0, 1_000, 2_000].map((t) => limiter.hit('a', start + t))).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ]);
    expect(limiter.hit('a', start + 15_500)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.hit('b', start + 15_500)).toEqual({ allowed: true });
  });

  it('allows again once the oldest hit leaves the window, without counting refused hits', () => {
    const limiter = new SlidingWindowRateLimiter(1, minute);
    expect(limiter.hit('a', start)).toEqual({ allowed: true });
    expect(limiter.hit('a', start + minute - 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.hit('a', start + minute)).toEqual({ allowed: true });
  });

  it('forgets idle keys', () => {
    const limiter = new SlidingWindowRateLimiter(1, minute);
    limiter.hit('a', start);
    limiter.hit('b', start + 10);
    expect(limiter.trackedKeys).toBe(2);
    limiter.hit('b', start + 2 * minute);
    expect(limiter.trackedKeys).toBe(1); // 'a' swept; 'b' holds its newest hit
  });
});
