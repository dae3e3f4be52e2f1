import { cachedFor } from './cached-for';
import { ReadinessRegistry } from './readiness.registry';

/** A promise the test settles by hand, so nothing depends on real time. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('a readiness answer shared by every probe', () => {
  it('runs one evaluation for callers that arrive while it runs, and serves its result for the ttl', async () => {
    let clock = 0;
    const runs: { resolve: (value: number) => void }[] = [];
    const evaluate = cachedFor(
      1000,
      () => {
        const next = deferred<number>();
        runs.push(next);
        return next.promise;
      },
      () => clock,
    );

    const storm = Array.from({ length: 50 }, () => evaluate());
    expect(runs).toHaveLength(1);
    runs[0].resolve(1);
    expect(await Promise.all(storm)).toEqual(Array(50).fill(1));

    clock = 999;
    expect(await evaluate()).toBe(1);
    expect(runs).toHaveLength(1);

    clock = 1000;
    const later = evaluate();
    expect(runs).toHaveLength(2);
    runs[1].resolve(2);
    expect(await later).toBe(2);
  });

  it('measures the ttl from when an evaluation settled, and caches a failure the same way', async () => {
    let clock = 0;
    let calls = 0;
    const evaluate = cachedFor(
      1000,
      async () => {
        calls += 1;
        clock += 5000; // a slow evaluation
        throw new Error('down');
      },
      () => clock,
    );
    await expect(evaluate()).rejects.toThrow('down');
    await expect(evaluate()).rejects.toThrow('down');
    expect(calls).toBe(1);
    clock += 1000;
    await expect(evaluate()).rejects.toThrow('down');
    expect(calls).toBe(2);
  });
});

describe('the readiness registry', () => {
  it('keeps checks by unique name until they unregister', () => {
    const registry = new ReadinessRegistry();
    const check = () => ({ ready: true });
    const unregister = registry.register('consumer', check);
    expect(registry.entries()).toEqual([['consumer', check]]);
    expect(() => registry.register('consumer', check)).toThrow(/already registered/);
    expect(() => registry.register('postgres', check)).toThrow(/already registered/);
    expect(() => registry.register('not a name', check)).toThrow(/plain name/);
    unregister();
    expect(registry.entries()).toEqual([]);
    registry.register('consumer', check);
    unregister(); // an old unregister does not remove a newer check of the same name
    expect(registry.entries()).toHaveLength(1);
  });
});
