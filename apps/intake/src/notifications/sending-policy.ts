import type { SmsSendResult } from './sms-gateway.port';

export interface RetryPolicy {
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  readonly maxAttempts: number;
}

export type AfterAttempt =
  { readonly next: 'done' } | { readonly next: 'retry'; readonly inMs: number } | { readonly next: 'park' };

/** Exponential backoff: initial · 2^(attempt−1), capped. */
export const retryDelayMs = (attempt: number, policy: RetryPolicy): number =>
  Math.min(policy.retryMaxMs, policy.retryInitialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));

/** What follows attempt number `attempt`: sent is done, permanent parks, transient retries until the cap. */
export function afterAttempt(result: SmsSendResult, attempt: number, policy: RetryPolicy): AfterAttempt {
  if (result.ok) return { next: 'done' };
  if (result.kind === 'permanent' || attempt >= policy.maxAttempts) return { next: 'park' };
  return { next: 'retry', inMs: retryDelayMs(attempt, policy) };
}
