import { topicRetention } from '../../scripts/topic-retention';

describe('topic retention configuration', () => {
  it('keeps topics 30 days and dead letters 90 days by default', () => {
    expect(topicRetention({})).toEqual({ topicsMs: '2592000000', deadLetterMs: '7776000000' });
  });

  it('takes KAFKA_RETENTION_MS and KAFKA_DEAD_LETTER_RETENTION_MS, -1 meaning forever', () => {
    expect(topicRetention({ KAFKA_RETENTION_MS: '604800000', KAFKA_DEAD_LETTER_RETENTION_MS: '-1' })).toEqual(
      {
        topicsMs: '604800000',
        deadLetterMs: '-1',
      },
    );
  });

  it.each(['0', '-2', '1.5', '7d', '1e9'])('refuses KAFKA_RETENTION_MS=%s, naming the variable', (value) => {
    expect(() => topicRetention({ KAFKA_RETENTION_MS: value })).toThrow(
      `KAFKA_RETENTION_MS must be -1 (keep forever) or a whole number of milliseconds (got "${value}")`,
    );
  });
});
