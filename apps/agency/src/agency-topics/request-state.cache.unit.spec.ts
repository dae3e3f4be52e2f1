import { initialState } from '@samad/request-lifecycle';
import { RequestStateCache } from './request-state.cache';

describe('RequestStateCache', () => {
  const state = initialState();

  it('answers only for the revision right after the remembered one', () => {
    const cache = new RequestStateCache();
    cache.remember('request-1', 3, state);
    expect(cache.before('request-1', 4)).toBe(state);
    expect(cache.before('request-1', 3)).toBeUndefined(); // a redelivery: read the store
    expect(cache.before('request-1', 6)).toBeUndefined(); // a gap: read the store
    expect(cache.before('request-2', 0)).toBeUndefined();
  });

  it('forgets the least recently used stream beyond its capacity', () => {
    const cache = new RequestStateCache(2);
    cache.remember('a', 0, state);
    cache.remember('b', 0, state);
    cache.remember('a', 1, state);
    cache.remember('c', 0, state);
    expect(cache.before('b', 1)).toBeUndefined();
    expect(cache.before('a', 2)).toBe(state);
    expect(cache.before('c', 1)).toBe(state);
  });
});
