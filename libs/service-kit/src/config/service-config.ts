import { z } from 'zod';
import type { EventStoreConfig, PostgresTimeouts } from '@samad/event-store';
import type { PersonalDataKeys } from '@samad/personal-data';
import {
  authSettingsSchema,
  loginConfigOf,
  loginSchema,
  type AuthConfig,
  type LoginConfig,
} from '../auth/auth.config';
import {
  httpConfigSchema,
  trackRateLimitSchema,
  type HttpConfig,
  type TrackRateLimitConfig,
} from '../http/http.config';
import { kafkaSecuritySchema, type KafkaSecurity } from '../kafka/kafka-security';
import { ConfigError } from './config-error';
import { attachmentsSchema } from './attachments.config';
import type { AttachmentsConfig } from '@samad/personal-data';
import { databaseTimeoutsSchema } from './database.config';
import { deploymentSchema } from './deployment.config';
import { eventStoreSchema } from './event-store.config';
import { notificationsSchema, type NotificationsConfig } from './notifications.config';
import { personalDataSchema } from './personal-data.config';
import { telephonySchema, type TelephonyConfig } from './telephony.config';
import { workingCalendarSchema, type WorkingCalendarConfig } from './working-calendar.config';

export { ConfigError } from './config-error';
export type { NotificationsConfig, SmsGatewayConfig } from './notifications.config';
export type { TelephonyConfig } from './telephony.config';

export type ServiceName = 'intake' | 'routing' | 'agency' | 'reporting';

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  intake: 3001,
  routing: 3002,
  agency: 3003,
  reporting: 3004,
};

/** Everything a service reads from its environment, validated once at start-up (loadServiceConfig). */
export interface ServiceConfig {
  service: ServiceName;
  /** NODE_ENV=production (never with SAMAD_DEMO_USERS=1 or the development PERSONAL_DATA_SECRET). */
  production: boolean;
  port: number;
  /** HTTP bind address. */
  host: string;
  databaseUrl: string;
  /** Connect/acquire, statement and idle-in-transaction limits of every PostgreSQL pool (PG_*_TIMEOUT_MS). */
  databaseTimeouts: PostgresTimeouts;
  kafkaBrokers: string[];
  kafkaClientId: string;
  topicPartitions: number;
  /** TLS and SASL towards the brokers; empty: plaintext (the local broker). */
  kafkaSecurity: KafkaSecurity;
  logLevel: string;
  shutdownTimeoutMs: number;
  /** Which event store adapter, and where (EVENT_STORE; PostgreSQL on DATABASE_URL by default). */
  eventStore: EventStoreConfig;
  /** Keys derived from PERSONAL_DATA_SECRET: the citizen key vault and the search digests. */
  personalDataKeys: PersonalDataKeys;
  /** How access tokens are verified (every service). */
  auth: AuthConfig;
  http: HttpConfig;
  /** Intake only, and only while it issues tokens itself (no external identity provider). */
  login?: LoginConfig;
  /** Intake only: the citizen's status lookup. */
  trackRateLimit?: TrackRateLimitConfig;
  /** Thursday's rule and office hours, for due dates in working time (CALENDAR_*). */
  workingCalendar: WorkingCalendarConfig;
  /** The citizen's verdict on an answer (ADR 25): intake takes it, routing closes when the window ends. */
  verdict: VerdictConfig;
  /** Scanned letters and photos (ADR 29): the size limit and where the sealed bytes are stored. */
  attachments: AttachmentsConfig;
  /** Routing only: the deadline watcher (ADR 22). */
  deadlineWatch?: DeadlineWatchConfig;
  /** Intake only: citizens' SMS notifications. */
  notifications?: NotificationsConfig;
  /** Intake only: duplicates at the desk and similar requests (ADR 27). */
  duplicates?: DuplicatesConfig;
  /** Intake only: the PBX's answered-call webhook (ADR 45). */
  telephony?: TelephonyConfig;
  // Reserved: `consumer` (the Kafka consumers' settings) joins here, fed by a `consumer` part below.
}

const port = z.coerce.number().int().min(1).max(65535);

/** Where the service listens and what it talks to. */
const coreSchema = (service: ServiceName) => {
  const portVariable = `${service.toUpperCase()}_PORT`;
  return z
    .object({
      [portVariable]: port.default(DEFAULT_PORTS[service]),
      HOST: z.string().trim().min(1).default('0.0.0.0'),
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
    })
    .transform((values) => ({
      port: values[portVariable] as number,
      host: values.HOST as string,
      databaseUrl: values.DATABASE_URL as string,
      kafkaBrokers: (values.KAFKA_BROKERS as string).split(','),
      kafkaClientId: (values.KAFKA_CLIENT_ID as string | undefined) ?? `samad-${service}`,
      topicPartitions: values.KAFKA_TOPIC_PARTITIONS as number,
      logLevel: values.LOG_LEVEL as string,
      shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS as number,
    }));
};

export interface VerdictConfig {
  /**
   * Days after an answer the citizen may rate it or object (VERDICT_WINDOW_DAYS, default 7); without an
   * objection the request closes itself when they end. Fractions allowed (tests use a few seconds' worth).
   */
  readonly windowDays: number;
  /** How often each routing replica looks for windows that have ended (VERDICT_WATCH_INTERVAL_MS). */
  readonly watchIntervalMs: number;
}

const verdictSchema = z
  .object({
    VERDICT_WINDOW_DAYS: z.coerce.number().positive().max(90).default(7),
    VERDICT_WATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(600000).default(60000),
  })
  .transform((values): VerdictConfig => ({
    windowDays: values.VERDICT_WINDOW_DAYS,
    watchIntervalMs: values.VERDICT_WATCH_INTERVAL_MS,
  }));

/** The parts every service reads; each part reads its own variables from the same environment. */
const sharedParts = (service: ServiceName) => ({
  core: coreSchema(service),
  deployment: deploymentSchema,
  databaseTimeouts: databaseTimeoutsSchema,
  kafkaSecurity: kafkaSecuritySchema,
  eventStore: eventStoreSchema,
  personalData: personalDataSchema,
  auth: authSettingsSchema,
  http: httpConfigSchema,
  workingCalendar: workingCalendarSchema,
  verdict: verdictSchema,
  attachments: attachmentsSchema,
  // ── consumer: reserved for the Kafka consumers' settings (a `consumerSchema` part, then `consumer` on
  //    ServiceConfig); add it here so every service validates it with everything else.
});

export interface DeadlineWatchConfig {
  /** How often each replica looks for deadline moments that have come (DEADLINE_WATCH_INTERVAL_MS). */
  readonly intervalMs: number;
  /** Working days after a missed deadline, still unanswered, before level 2 (ESCALATION_INSPECTION_WORKING_DAYS). */
  readonly inspectionAfterWorkingDays: number;
  /** Office minutes a critical request's agency has to answer (CRITICAL_DEADLINE_WORKING_HOURS × 60). */
  readonly criticalDeadlineWorkingMinutes: number;
}

const deadlineWatchSchema = z
  .object({
    DEADLINE_WATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(60000).default(15000),
    ESCALATION_INSPECTION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    CRITICAL_DEADLINE_WORKING_HOURS: z.coerce.number().positive().max(56).default(4),
  })
  .transform((values): DeadlineWatchConfig => ({
    intervalMs: values.DEADLINE_WATCH_INTERVAL_MS,
    inspectionAfterWorkingDays: values.ESCALATION_INSPECTION_WORKING_DAYS,
    criticalDeadlineWorkingMinutes: Math.round(values.CRITICAL_DEADLINE_WORKING_HOURS * 60),
  }));

export interface DuplicatesConfig {
  /** How far back a caller's open requests in the same category and county count (DUPLICATE_WINDOW_DAYS). */
  readonly windowDays: number;
  /** How far apart similar requests of different citizens may be (SIMILAR_WINDOW_DAYS). */
  readonly similarWindowDays: number;
  /** The pg_trgm similarity from which two descriptions count as similar (SIMILARITY_THRESHOLD). */
  readonly similarityThreshold: number;
}

const duplicatesSchema = z
  .object({
    DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    SIMILAR_WINDOW_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    SIMILARITY_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.4),
  })
  .transform((values): DuplicatesConfig => ({
    windowDays: values.DUPLICATE_WINDOW_DAYS,
    similarWindowDays: values.SIMILAR_WINDOW_DAYS,
    similarityThreshold: values.SIMILARITY_THRESHOLD,
  }));

/** One schema per service, composed from the shared parts and the service's own. */
const serviceSchemas = {
  intake: z.object({
    ...sharedParts('intake'),
    login: loginSchema,
    trackRateLimit: trackRateLimitSchema,
    notifications: notificationsSchema,
    duplicates: duplicatesSchema,
    telephony: telephonySchema,
  }),
  routing: z.object({ ...sharedParts('routing'), deadlineWatch: deadlineWatchSchema }),
  agency: z.object(sharedParts('agency')),
  reporting: z.object(sharedParts('reporting')),
} satisfies Record<ServiceName, z.ZodObject>;

type Parts = Omit<z.output<(typeof serviceSchemas)['routing']>, 'deadlineWatch'> &
  Partial<
    Pick<
      z.output<(typeof serviceSchemas)['intake']>,
      'login' | 'trackRateLimit' | 'notifications' | 'duplicates' | 'telephony'
    >
  > &
  Partial<Pick<z.output<(typeof serviceSchemas)['routing']>, 'deadlineWatch'>>;

const toServiceConfig = (service: ServiceName, parts: Parts): ServiceConfig => {
  const login = parts.login && loginConfigOf(parts.auth, parts.login);
  return {
    service,
    production: parts.deployment.production,
    ...parts.core,
    databaseTimeouts: parts.databaseTimeouts,
    kafkaSecurity: parts.kafkaSecurity,
    // The store's own pool gets the same limits as the service's other pools.
    eventStore:
      parts.eventStore.kind === 'postgres'
        ? { ...parts.eventStore, timeouts: parts.databaseTimeouts }
        : parts.eventStore,
    personalDataKeys: parts.personalData,
    auth: parts.auth.auth,
    http: parts.http,
    workingCalendar: parts.workingCalendar,
    verdict: parts.verdict,
    attachments: parts.attachments,
    ...(login && { login }),
    ...(parts.trackRateLimit && { trackRateLimit: parts.trackRateLimit }),
    ...(parts.deadlineWatch && { deadlineWatch: parts.deadlineWatch }),
    ...(parts.notifications && { notifications: parts.notifications }),
    ...(parts.duplicates && { duplicates: parts.duplicates }),
    ...(parts.telephony && { telephony: parts.telephony }),
  };
};

// A part's issue path starts with the part's name; the variable is what a person has to fix.
const problemOf = (issue: z.core.$ZodIssue): string =>
  `${(issue.path.length > 1 ? issue.path.slice(1) : issue.path).join('.')}: ${issue.message}`;

/**
 * The one reader of a service's environment: every part validated together, every problem reported at
 * once (ConfigError, naming each variable), so a wrong value stops the service at start-up with exit 78.
 */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const schema: z.ZodObject = serviceSchemas[service];
  // Every part reads the same environment; the parts' own keys keep their problems apart.
  const input = Object.fromEntries(Object.keys(schema.shape).map((part) => [part, env]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ConfigError([...new Set(parsed.error.issues.map(problemOf))]);
  return toServiceConfig(service, parsed.data as Parts);
}
