/**
 * When to restart a process that died: 1 s, doubling to at most 30 s while it keeps dying, and back to
 * 1 s once it had stayed up long enough to count as healthy again (as systemd and process managers do).
 */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** A process that ran at least this long before dying starts the sequence afresh. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30000, resetAfterMs: 60000 };

export class RestartBackoff {
  private failures = 0;

  constructor(private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  /** The delay before the next start, given how long the process had been up when it died. */
  nextDelay(upForMs: number): number {
    if (upForMs >= this.policy.resetAfterMs) this.failures = 0;
    const delay = Math.min(this.policy.maxMs, this.policy.initialMs * 2 ** this.failures);
    this.failures += 1;
    return delay;
  }
}
