import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { z } from 'zod';
import { ConfigError } from '../config/config-error';

const mechanisms = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;

/** TLS and SASL for a secured cluster (Kubernetes: Strimzi users with ACLs); empty means plaintext. */
export interface KafkaSecurity {
  /** PEM of the cluster's CA (KAFKA_SSL_CA_FILE, read once at start-up). */
  readonly caPem?: string;
  readonly sasl?: {
    readonly mechanism: (typeof mechanisms)[number];
    readonly username: string;
    readonly password: string;
  };
}

/**
 * KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, KAFKA_SSL_CA_FILE. Unset, the client speaks
 * plaintext, as to the local broker that `npm start` runs. Every problem is reported, not just the first.
 */
export const kafkaSecuritySchema = z
  .object({
    KAFKA_SASL_MECHANISM: z.string().optional(),
    KAFKA_SASL_USERNAME: z.string().optional(),
    KAFKA_SASL_PASSWORD: z.string().optional(),
    KAFKA_SSL_CA_FILE: z.string().optional(),
  })
  .transform((env, ctx): KafkaSecurity => {
    let failed = false;
    const problem = (variable: string, message: string): void => {
      failed = true;
      ctx.addIssue({ code: 'custom', path: [variable], message });
    };
    const mechanism = env.KAFKA_SASL_MECHANISM?.trim().toLowerCase() || undefined;
    const caFile = env.KAFKA_SSL_CA_FILE?.trim() || undefined;
    const known = (value: string): value is (typeof mechanisms)[number] =>
      (mechanisms as readonly string[]).includes(value);
    if (mechanism && !known(mechanism))
      problem('KAFKA_SASL_MECHANISM', `must be one of ${mechanisms.join(', ')}`);
    if (mechanism && (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD)) {
      problem('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD', 'required with KAFKA_SASL_MECHANISM');
    }
    let caPem: string | undefined;
    if (caFile) {
      try {
        caPem = readFileSync(caFile, 'utf8');
      } catch {
        problem('KAFKA_SSL_CA_FILE', `cannot read ${caFile}`);
      }
    }
    if (failed) return z.NEVER;
    return {
      ...(caPem !== undefined && { caPem }),
      ...(mechanism &&
        known(mechanism) && {
          sasl: { mechanism, username: env.KAFKA_SASL_USERNAME!, password: env.KAFKA_SASL_PASSWORD! },
        }),
    };
  });

/** The kafkajs options for the configured security (none: plaintext). */
export const kafkaClientSecurity = (security: KafkaSecurity = {}): Pick<KafkaConfig, 'ssl' | 'sasl'> => ({
  ...(security.caPem !== undefined && { ssl: { ca: [security.caPem] } }),
  ...(security.sasl && { sasl: { ...security.sasl } as SASLOptions }),
});

/**
 * For scripts that are not a service (prepare creates topics on the same cluster); a service has its
 * security in `loadServiceConfig(...).kafkaSecurity`.
 */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSecurity {
  const parsed = kafkaSecuritySchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
