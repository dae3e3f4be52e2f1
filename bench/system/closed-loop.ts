import { performance } from 'node:perf_hooks';

export interface LoopResult {
  /** Latency of every call that got the expected answer, in ms. */
  latenciesMs: number[];
  failures: Map<string, number>;
  elapsedMs: number;
}

/**
 * `workers` closed loops for `durationMs`: each sends its next call as soon as the previous one is
 * answered, as an operator at a desk would (one call at a time). `call` resolves true when the answer is
 * the expected one, or with a short reason when it is not.
 */
export async function closedLoop(
  workers: number,
  durationMs: number,
  call: (worker: number) => Promise<true | string>,
): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  const failures = new Map<string, number>();
  const start = performance.now();
  const end = start + durationMs;
  const worker = async (w: number): Promise<void> => {
    while (performance.now() < end) {
      const sent = performance.now();
      let outcome: true | string;
      try {
        outcome = await call(w);
      } catch (error) {
        outcome = (error as Error).message.slice(0, 80);
      }
      if (outcome === true) latenciesMs.push(performance.now() - sent);
      else failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return { latenciesMs, failures, elapsedMs: performance.now() - start };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
