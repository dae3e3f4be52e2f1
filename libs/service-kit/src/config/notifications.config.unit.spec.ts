import { ConfigError, loadServiceConfig } from './service-config';

describe('loadServiceConfig: citizens’ notifications (intake)', () => {
  it('uses the local outbox when no Kavenegar API key is configured', () => {
    expect(loadServiceConfig('intake', {}).notifications).toEqual({
      gateway: { kind: 'outbox' },
      trackUrl: 'http://127.0.0.1:3001/api/track/{code}',
      pollMs: 1000,
      retryInitialMs: 2000,
      retryMaxMs: 600000,
      maxAttempts: 20,
    });
    expect(loadServiceConfig('routing', {}).notifications).toBeUndefined();
  });

  it('sends through Kavenegar when an API key is configured', () => {
    const config = loadServiceConfig('intake', {
      KAVENEGAR_API_KEY: 'secret-key',
      KAVENEGAR_BASE_URL: 'http://127.0.0.1:8080/',
      KAVENEGAR_SENDER: '10004346',
      SMS_TIMEOUT_MS: '3000',
    });
    expect(config.notifications?.gateway).toEqual({
      kind: 'kavenegar',
      baseUrl: 'http://127.0.0.1:8080',
      apiKey: 'secret-key',
      sender: '10004346',
      timeoutMs: 3000,
    });
  });

  it('names wrong notification settings', () => {
    try {
      loadServiceConfig('intake', {
        KAVENEGAR_BASE_URL: 'ftp://x',
        KAVENEGAR_SENDER: 'line-one',
        NOTIFY_TRACK_URL: 'https://samad.example.ir/track',
        NOTIFY_MAX_ATTEMPTS: '0',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'KAVENEGAR_BASE_URL',
        'KAVENEGAR_SENDER',
        'NOTIFY_MAX_ATTEMPTS',
        'NOTIFY_TRACK_URL',
      ]);
    }
  });
});
