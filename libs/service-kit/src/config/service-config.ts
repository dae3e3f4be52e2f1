import { z } from 'zod';
import { parseAuthConfig, type AuthConfig, type LoginConfig } from '../auth/auth.config';
import { parseHttpConfig, type HttpConfig, type TrackRateLimitConfig } from '../http/http.config';

export type ServiceName = 'intake' | 'routing' | 'agency' | 'reporting';

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  intake: 3001,
  routing: 3002,
  agency: 3003,
  reporting: 3004,
};

const port = z.coerce.number().int().min(1).max(65535);

const baseSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/samad'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, 'must be host:port[,host:port...]')
    .default('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
});

export interface ServiceConfig {
  service: ServiceName;
  port: number;
  databaseUrl: string;
  kafkaBrokers: string[];
  kafkaClientId: string;
  topicPartitions: number;
  logLevel: string;
  shutdownTimeoutMs: number;
  /** How access tokens are verified (every service). */
  auth: AuthConfig;
  http: HttpConfig;
  /** Intake only, and only while it issues tokens itself (no external identity provider). */
  login?: LoginConfig;
  /** Intake only: the citizen's status lookup. */
  trackRateLimit?: TrackRateLimitConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

/** Reads and validates the environment once at start-up; a wrong value stops the service with a clear message. */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const portVar = `${service.toUpperCase()}_PORT`;
  const parsed = baseSchema.extend({ [portVar]: port.default(DEFAULT_PORTS[service]) }).safeParse(env);
  const auth = parseAuthConfig(env, service === 'intake');
  const http = parseHttpConfig(env, service === 'intake');
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...auth.problems,
    ...http.problems,
  ];
  if (!parsed.success || problems.length > 0 || !auth.auth || !http.http) throw new ConfigError(problems);
  const values = parsed.data as z.infer<typeof baseSchema> & Record<string, number>;
  return {
    service,
    port: values[portVar],
    databaseUrl: values.DATABASE_URL,
    kafkaBrokers: values.KAFKA_BROKERS.split(','),
    kafkaClientId: values.KAFKA_CLIENT_ID ?? `samad-${service}`,
    topicPartitions: values.KAFKA_TOPIC_PARTITIONS,
    logLevel: values.LOG_LEVEL,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    auth: auth.auth,
    http: http.http,
    ...(auth.login && { login: auth.login }),
    ...(http.trackRateLimit && { trackRateLimit: http.trackRateLimit }),
  };
}
