import { ConfigError, loadServiceConfig } from './service-config';

describe('loadServiceConfig: the verdict window', () => {
  it('gives every service seven days and a one-minute watch by default', () => {
    for (const service of ['intake', 'routing'] as const) {
      expect(loadServiceConfig(service, {}).verdict).toEqual({ windowDays: 7, watchIntervalMs: 60000 });
    }
  });

  it('takes fractions of a day (tests use seconds)', () => {
    const config = loadServiceConfig('intake', {
      VERDICT_WINDOW_DAYS: '0.5',
      VERDICT_WATCH_INTERVAL_MS: '500',
    });
    expect(config.verdict).toEqual({ windowDays: 0.5, watchIntervalMs: 500 });
  });

  it('names a window that is not a positive number of days, or too long, and a wrong interval', () => {
    for (const [VERDICT_WINDOW_DAYS, VERDICT_WATCH_INTERVAL_MS] of [
      ['0', '50'],
      ['-1', 'soon'],
      ['91', '600001'],
      ['a week', '1.5'],
    ]) {
      try {
        loadServiceConfig('routing', { VERDICT_WINDOW_DAYS, VERDICT_WATCH_INTERVAL_MS });
        throw new Error('expected a ConfigError');
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
          'VERDICT_WATCH_INTERVAL_MS',
          'VERDICT_WINDOW_DAYS',
        ]);
      }
    }
  });
});
