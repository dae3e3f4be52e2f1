import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { ConfigError } from '../config/service-config';

const mechanisms = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;

/**
 * TLS and SASL for a secured cluster (Kubernetes: Strimzi users with ACLs). Unset, the client speaks
 * plaintext, as to the local broker that `npm start` runs.
 */
export function kafkaSecurityFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const mechanism = env.KAFKA_SASL_MECHANISM?.trim().toLowerCase();
  const caFile = env.KAFKA_SSL_CA_FILE?.trim();
  const problems: string[] = [];
  if (mechanism && !(mechanisms as readonly string[]).includes(mechanism)) {
    problems.push(`KAFKA_SASL_MECHANISM: must be one of ${mechanisms.join(', ')}`);
  }
  if (mechanism && (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD)) {
    problems.push('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD: required with KAFKA_SASL_MECHANISM');
  }
  let ca: string | undefined;
  if (caFile) {
    try {
      ca = readFileSync(caFile, 'utf8');
    } catch {
      problems.push(`KAFKA_SSL_CA_FILE: cannot read ${caFile}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...(caFile && { ssl: { ca: [ca as string] } }),
    ...(mechanism && {
      sasl: {
        mechanism,
        username: env.KAFKA_SASL_USERNAME,
        password: env.KAFKA_SASL_PASSWORD,
      } as SASLOptions,
    }),
  };
}
