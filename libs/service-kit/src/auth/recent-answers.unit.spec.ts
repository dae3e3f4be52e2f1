import { RecentAnswers } from './recent-answers';

describe('RecentAnswers', () => {
  it('answers from memory until the entry is ttl old', () => {
    const recent = new RecentAnswers<boolean>(10, 5000);
    recent.set('a', false, 1000);
    expect(recent.get('a', 5999)).toBe(false);
    expect(recent.get('a', 6000)).toBeUndefined();
  });

  it('forgets the least recently used entry beyond its capacity', () => {
    const recent = new RecentAnswers<boolean>(2, 5000);
    recent.set('a', true, 0);
    recent.set('b', true, 0);
    recent.get('a', 1); // a is now more recent than b
    recent.set('c', true, 2);
    expect([recent.get('a', 3), recent.get('b', 3), recent.get('c', 3)]).toEqual([true, undefined, true]);
  });

  it('lets a later answer replace an earlier one (a revocation overrides a cached "not revoked")', () => {
    const recent = new RecentAnswers<boolean>(10, 5000);
    recent.set('a', false, 0);
    recent.set('a', true, 1);
    expect(recent.get('a', 2)).toBe(true);
  });
});
