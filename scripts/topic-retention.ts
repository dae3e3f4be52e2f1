/**
 * How long Kafka keeps each project topic. The event store is the record (read models are rebuilt from it),
 * so topics are transport: 30 days lets an agency's own system catch up after a long outage and matches the
 * erasure deadline of ADR 8 for the agency topics' plain contact details. Dead letters keep 90 days: their
 * messages come from samad.request-events (personal fields sealed, so erasure still reaches them) and
 * someone has to look at each one.
 */
export interface TopicRetention {
  topicsMs: string;
  deadLetterMs: string;
}

export const DEFAULT_RETENTION_MS = String(30 * 24 * 60 * 60 * 1000);
export const DEFAULT_DEAD_LETTER_RETENTION_MS = String(90 * 24 * 60 * 60 * 1000);

function retention(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  // Kafka's own rule: -1 keeps messages forever, otherwise a positive number of milliseconds.
  if (value !== '-1' && !/^[1-9]\d{0,15}$/.test(value)) {
    throw new Error(`${name} must be -1 (keep forever) or a whole number of milliseconds (got "${value}")`);
  }
  return value;
}

export function topicRetention(env: NodeJS.ProcessEnv): TopicRetention {
  return {
    topicsMs: retention(env, 'KAFKA_RETENTION_MS', DEFAULT_RETENTION_MS),
    deadLetterMs: retention(env, 'KAFKA_DEAD_LETTER_RETENTION_MS', DEFAULT_DEAD_LETTER_RETENTION_MS),
  };
}
