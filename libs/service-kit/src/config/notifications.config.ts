import { z } from 'zod';

/** Where citizens' SMS go: the Kavenegar-compatible HTTP gateway, or the local outbox table. */
export type SmsGatewayConfig =
  | { readonly kind: 'outbox' }
  | {
      readonly kind: 'kavenegar';
      readonly baseUrl: string;
      readonly apiKey: string;
      /** The sending line; the account's default line when absent. */
      readonly sender?: string;
      readonly timeoutMs: number;
    };

/** Intake only: citizens' notifications (ADR 0023). */
export interface NotificationsConfig {
  readonly gateway: SmsGatewayConfig;
  /** The citizen's lookup as written in the answer SMS; `{code}` becomes the tracking code. */
  readonly trackUrl: string;
  readonly pollMs: number;
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  /** Attempts after which a notice that keeps failing transiently is parked. */
  readonly maxAttempts: number;
}

const ms = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const notificationsSchemaInput = z.object({
  KAVENEGAR_API_KEY: z.string().trim().optional(),
  KAVENEGAR_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an http(s) URL')
    .default('https://api.kavenegar.com'),
  KAVENEGAR_SENDER: z
    .string()
    .regex(/^\d{4,20}$/, 'must be a line number (digits)')
    .optional(),
  SMS_TIMEOUT_MS: ms(100, 60000, 5000),
  NOTIFY_TRACK_URL: z
    .string()
    .regex(/^https?:\/\/\S*\{code\}\S*$/, 'must be an http(s) URL containing {code}')
    .default('http://127.0.0.1:3001/api/track/{code}'),
  NOTIFY_POLL_MS: ms(10, 60000, 1000),
  NOTIFY_RETRY_INITIAL_MS: ms(10, 3600000, 2000),
  NOTIFY_RETRY_MAX_MS: ms(10, 86400000, 600000),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(20),
});

/** KAVENEGAR_* (an API key selects the HTTP gateway; none: the local outbox), SMS_TIMEOUT_MS, NOTIFY_*. */
export const notificationsSchema = notificationsSchemaInput.transform((values): NotificationsConfig => ({
  gateway: values.KAVENEGAR_API_KEY
    ? {
        kind: 'kavenegar',
        baseUrl: values.KAVENEGAR_BASE_URL.replace(/\/+$/, ''),
        apiKey: values.KAVENEGAR_API_KEY,
        ...(values.KAVENEGAR_SENDER && { sender: values.KAVENEGAR_SENDER }),
        timeoutMs: values.SMS_TIMEOUT_MS,
      }
    : { kind: 'outbox' },
  trackUrl: values.NOTIFY_TRACK_URL,
  pollMs: values.NOTIFY_POLL_MS,
  retryInitialMs: values.NOTIFY_RETRY_INITIAL_MS,
  retryMaxMs: Math.max(values.NOTIFY_RETRY_MAX_MS, values.NOTIFY_RETRY_INITIAL_MS),
  maxAttempts: values.NOTIFY_MAX_ATTEMPTS,
}));
