import { toAsciiDigits } from '@samad/request-lifecycle';
import {
  SlidingWindowRateLimiter,
  TooManyRequestsError,
  type TrackRateLimitConfig,
} from '@samad/service-kit';

/**
 * The status lookup is public, so guessing codes and last-four digits is limited twice: per client address
 * (one caller trying many codes) and per tracking code (many callers trying one code's last four).
 */
export class TrackRateLimit {
  private readonly perClient: SlidingWindowRateLimiter;
  private readonly perCode: SlidingWindowRateLimiter;

  constructor(config: TrackRateLimitConfig) {
    this.perClient = new SlidingWindowRateLimiter(config.perClientPerMinute);
    this.perCode = new SlidingWindowRateLimiter(config.perCodePerMinute);
  }

  check(clientIp: string, code: string, now = Date.now()): void {
    // The same code typed with Persian digits or dashes is the same code.
    const codeKey = toAsciiDigits(code).replace(/\D/g, '').slice(0, 32);
    const verdicts = [this.perClient.hit(clientIp, now), this.perCode.hit(codeKey, now)];
    const refused = verdicts.flatMap((v) => (v.allowed ? [] : [v.retryAfterSeconds]));
    if (refused.length > 0) {
      throw new TooManyRequestsError(Math.max(...refused), 'too many status lookups; try again in a minute');
    }
  }
}
