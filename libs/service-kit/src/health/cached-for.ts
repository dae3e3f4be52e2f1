/**
 * Wraps an evaluation so every caller shares it: callers that arrive while it runs get the same promise,
 * and callers within `ttlMs` after it settled get its result. A probe storm thus costs one evaluation.
 */
export function cachedFor<T>(
  ttlMs: number,
  evaluate: () => Promise<T>,
  now: () => number = Date.now,
): () => Promise<T> {
  let current: Promise<T> | undefined;
  let settledAt: number | undefined;
  return () => {
    const fresh = current !== undefined && (settledAt === undefined || now() - settledAt < ttlMs);
    if (fresh) return current as Promise<T>;
    settledAt = undefined;
    const running = evaluate();
    current = running;
    const settle = (): void => {
      if (current === running) settledAt = now();
    };
    running.then(settle, settle);
    return running;
  };
}
