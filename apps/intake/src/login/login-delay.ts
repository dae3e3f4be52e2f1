/**
 * Whole seconds an attempt must still wait: none below `limit` failures, then 2^(failures − limit + 1)
 * seconds (2, 4, 8, …) after the last failure, capped at `capSeconds`. `sinceLast` is seconds since the
 * last failure.
 */
export function waitAfterFailures(
  failures: number,
  sinceLast: number | null,
  limit: number,
  capSeconds: number,
): number {
  if (failures < limit || sinceLast === null) return 0;
  const delay = Math.min(2 ** Math.min(failures - limit + 1, 30), capSeconds);
  const remaining = delay - sinceLast;
  return remaining > 0 ? Math.ceil(remaining) : 0;
}
