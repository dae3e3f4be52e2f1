import { z } from 'zod';

/** Intake only: the PBX's answered-call webhook (ADR 0045). */
export interface TelephonyConfig {
  /** The shared secret the PBX sends as X-Telephony-Key; absent, the webhook refuses every call. */
  readonly webhookKey?: string;
}

/** TELEPHONY_WEBHOOK_KEY: at least 24 characters, so it cannot be guessed. */
export const telephonySchema = z
  .object({
    TELEPHONY_WEBHOOK_KEY: z
      .string()
      .trim()
      .min(24, 'must be at least 24 characters (e.g. openssl rand -base64 32)')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
  })
  .transform((values): TelephonyConfig =>
    values.TELEPHONY_WEBHOOK_KEY ? { webhookKey: values.TELEPHONY_WEBHOOK_KEY } : {},
  );
